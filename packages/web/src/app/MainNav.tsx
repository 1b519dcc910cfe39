import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';

const links = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/goals/new', label: 'New goal' },
  { to: '/today', label: 'Today' },
  { to: '/week', label: 'Week' },
  { to: '/tracking', label: 'Tracking' },
  { to: '/focus', label: 'Focus' },
  { to: '/activities', label: 'Activities' },
  { to: '/funnels', label: 'Funnels' },
  { to: '/review', label: 'Review' },
  { to: '/triage', label: 'Triage' },
  { to: '/audit', label: 'Audit' },
  { to: '/archive', label: 'Archived' },
  { to: '/compose', label: 'Compose' },
  { to: '/queue', label: 'Queue' },
  { to: '/accounts', label: 'Accounts' },
  { to: '/rules', label: 'Rules' },
  { to: '/settings', label: 'Settings' },
] as const;

/**
 * The main navigation. On a wide screen its links are all shown; on a narrow one (styles.css) they
 * fold behind a Menu button, which Escape closes and any navigation closes too.
 */
export function MainNav() {
  const location = useLocation();
  // The menu is open at the location it was opened on: navigating elsewhere closes it by itself.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === location.key;
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpenAt(null);
      // Focus on a link that is now hidden would be lost: it goes back to the button.
      if (nav.current?.contains(document.activeElement)) button.current?.focus();
    }
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpenAt(open ? null : location.key)}
      >
        <svg className="menu-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M3 5h14M3 10h14M3 15h14" />
        </svg>
        Menu
      </button>
      <nav ref={nav} aria-label="Main" id={menuId} className={open ? 'main-nav is-open' : 'main-nav'}>
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              {/* The page's own link closes the menu as well: the location does not change then. */}
              <NavLink to={link.to} end={'end' in link} onClick={() => setOpenAt(null)}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

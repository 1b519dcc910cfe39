import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRevalidator } from 'react-router-dom';

import { undoApi } from '../api/undo-api';
import { ErrorAlert } from './ErrorAlert';
import { UndoContext, type UndoOffer } from './undo-context';

/** How long the notice stays, unless the pointer or the focus is on it. */
export const UNDO_NOTICE_MS = 10_000;
/** How long "Restored …" stays. */
const RESTORED_MS = 4000;

interface Notice {
  /** A new delete replaces the notice, and starts its time again. */
  key: number;
  what: string;
  deletedItemId: string | null;
  state: 'offered' | 'restoring' | 'restored';
  error: unknown;
}

/**
 * Gives the pages `useUndo`, and shows the last delete's notice: "Deleted … Undo", announced
 * (role=status), for ten seconds or until dismissed; the time stops while the pointer or the
 * focus is on it. Undo restores the item and loads the page's data again.
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [held, setHeld] = useState(false);
  const count = useRef(0);
  const undoButton = useRef<HTMLButtonElement>(null);
  const revalidator = useRevalidator();

  const offer = useCallback(({ what, deleted }: UndoOffer) => {
    count.current += 1;
    setHeld(false);
    setNotice({ key: count.current, what, deletedItemId: deleted.deletedItemId, state: 'offered', error: null });
  }, []);

  const dismiss = useCallback(() => {
    setHeld(false);
    setNotice(null);
  }, []);

  const key = notice?.key;
  useEffect(() => {
    // The Delete button that had the focus went with its row: the focus goes to Undo rather than
    // back to the top of the page.
    if (key !== undefined && (document.activeElement === null || document.activeElement === document.body)) {
      undoButton.current?.focus();
    }
  }, [key]);

  useEffect(() => {
    if (notice === null || held || notice.state === 'restoring' || notice.error !== null) return;
    const timer = setTimeout(dismiss, notice.state === 'restored' ? RESTORED_MS : UNDO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, held, dismiss]);

  async function undo(shown: Notice) {
    if (shown.deletedItemId === null) return;
    const update = (change: Partial<Notice>) =>
      setNotice((current) => (current?.key === shown.key ? { ...current, ...change } : current));
    update({ state: 'restoring', error: null });
    try {
      await undoApi.restore(shown.deletedItemId);
      await revalidator.revalidate();
      update({ state: 'restored' });
    } catch (error) {
      update({ state: 'offered', error });
    }
  }

  return (
    <UndoContext.Provider value={offer}>
      {/* Always there, so that what appears in it is announced; first in the page, to reach it by keyboard soon. */}
      <div className="undo-region" role="status">
        {notice !== null && (
          <div
            className="undo-notice"
            onMouseEnter={() => setHeld(true)}
            onMouseLeave={() => setHeld(false)}
            // Focus put on Undo after a click (the Delete button went with its row) does not hold
            // the notice; focus reached by keyboard does.
            onFocus={(event) => {
              if (event.target.matches(':focus-visible')) setHeld(true);
            }}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') dismiss();
            }}
          >
            <p className="undo-message">{`${notice.state === 'restored' ? 'Restored' : 'Deleted'} ${notice.what}.`}</p>
            <div className="undo-actions">
              {notice.state !== 'restored' && notice.deletedItemId !== null && (
                <button
                  ref={undoButton}
                  type="button"
                  className="button-small"
                  disabled={notice.state === 'restoring'}
                  onClick={() => void undo(notice)}
                >
                  {notice.state === 'restoring' ? 'Undoing…' : 'Undo'}
                </button>
              )}
              <button type="button" className="button-small button-secondary" onClick={dismiss}>
                Dismiss
              </button>
            </div>
            <ErrorAlert error={notice.error} />
          </div>
        )}
      </div>
      {children}
    </UndoContext.Provider>
  );
}

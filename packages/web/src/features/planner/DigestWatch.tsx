import { lazy, Suspense, useEffect, useState } from 'react';

import { api } from '../../api/api-client';

const DigestBanner = lazy(async () => ({ default: (await import('./DigestBanner')).DigestBanner }));

/** The settings read again this often, so a change made in another tab or the CLI is seen. */
const SETTINGS_EVERY_MS = 5 * 60_000;

/**
 * On every page: nothing at all while no digest is chosen (quiet by default). Once one is, the
 * banner's module is fetched and it watches the clock for the digest time.
 */
export function DigestWatch() {
  // The settings as a key: the banner starts again with them whenever they change.
  const [settings, setSettings] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    const read = () =>
      api
        .get<{ digestTime: string | null; quietHours: unknown }>('/notifications')
        .then(({ digestTime, quietHours }) => {
          if (!stopped) setSettings(digestTime === null ? null : JSON.stringify([digestTime, quietHours]));
        })
        // No digest is better than a page that fails: the settings are read again later.
        .catch(() => undefined);
    void read();
    const timer = setInterval(() => void read(), SETTINGS_EVERY_MS);
    window.addEventListener('bigrock:notifications-changed', read);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('bigrock:notifications-changed', read);
    };
  }, []);
  if (settings === null) return null;
  return (
    <Suspense fallback={null}>
      <DigestBanner key={settings} />
    </Suspense>
  );
}

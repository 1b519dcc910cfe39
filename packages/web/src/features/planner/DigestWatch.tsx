import { lazy, Suspense, useEffect, useState } from 'react';

import { api } from '../../api/api-client';
import { NOTIFICATIONS_CHANGED } from './digest-storage';
import type { NotificationsView } from './planner-api';

const DigestBanner = lazy(async () => ({ default: (await import('./DigestBanner')).DigestBanner }));

/** The settings read again this often, so a change made in another tab or the CLI is seen. */
const SETTINGS_EVERY_MS = 5 * 60_000;

/**
 * On every page: nothing at all while no digest is chosen (quiet by default). Once one is, the
 * banner's module is fetched and it watches the clock for the digest time. The settings saved on
 * the Settings page come with the event that announces them, so the banner follows them at once
 * and never from an answer older than the save.
 */
export function DigestWatch() {
  const [settings, setSettings] = useState<NotificationsView | null>(null);
  useEffect(() => {
    let stopped = false;
    // Each answer or saved change takes a number: an answer that comes back after a newer one is dropped.
    let latest = 0;
    const take = (view: NotificationsView, order: number) => {
      if (stopped || order < latest) return;
      latest = order;
      setSettings(view);
    };
    let next = 0;
    const read = () => {
      const order = ++next;
      api
        .get<NotificationsView>('/notifications')
        .then((view) => take(view, order))
        // No digest is better than a page that fails: the settings are read again later.
        .catch(() => undefined);
    };
    const saved = (event: Event) => take((event as CustomEvent<NotificationsView>).detail, ++next);
    read();
    const timer = setInterval(read, SETTINGS_EVERY_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED, saved);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED, saved);
    };
  }, []);
  if (settings === null || settings.digestTime === null) return null;
  return (
    <Suspense fallback={null}>
      {/* The settings as a key: the banner starts again whenever they change. */}
      <DigestBanner key={JSON.stringify([settings.digestTime, settings.quietHours])} settings={settings} />
    </Suspense>
  );
}

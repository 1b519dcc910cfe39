import type { TimeEntry } from '@bigrock/core';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';

import { trackingApi } from './tracking-api';
import { formatElapsed } from './tracking-format';
import { useNow } from './use-now';

/** The tab's title while a timer runs: `0:12:05 · Calls · Bigrock`, second by second. */
export function RunningTitle({ running }: { running: TimeEntry }) {
  const now = useNow(true);
  return <title>{`${formatElapsed((now - Date.parse(running.start)) / 1000)} · ${running.activity} · Bigrock`}</title>;
}

/**
 * The running time in the tab's title on every page but Tracking's and Focus's, which show their
 * own timer and title. The timer is read again on each page visited, so one started or stopped elsewhere (the
 * CLI, another tab) shows after the next click.
 */
export function RunningTabTitle() {
  const { pathname, key } = useLocation();
  const elsewhere = !pathname.startsWith('/tracking') && !pathname.startsWith('/focus');
  const [running, setRunning] = useState<TimeEntry | null>(null);
  useEffect(() => {
    if (!elsewhere) return undefined;
    let current = true;
    trackingApi
      .timer()
      .then(({ running: now }) => {
        if (current) setRunning(now);
      })
      // The title is a courtesy: a failed read leaves the page's own.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [elsewhere, key]);
  return elsewhere && running !== null ? <RunningTitle running={running} /> : null;
}

import { findIdleGap, type IdleInterval } from '@bigrock/core';
import { useCallback, useEffect, useState } from 'react';

import { idleSettings, useIdleSettings } from './idle-settings';

/** How often the page looks at its clock: far below any threshold, cheap enough to run always. */
const TICK_MS = 15_000;
/** The shortest idle time the Idle Detection API reports (its own minimum). */
const DETECTOR_THRESHOLD_MS = 60_000;

// The Idle Detection API is in Chromium only, and not in TypeScript's DOM types.
interface IdleDetectorLike extends EventTarget {
  userState: 'active' | 'idle' | null;
  screenState: 'locked' | 'unlocked' | null;
  start(options: { threshold: number; signal: AbortSignal }): Promise<void>;
}
interface IdleDetectorClass {
  new (): IdleDetectorLike;
  requestPermission(): Promise<'granted' | 'denied'>;
}

function idleDetectorClass(): IdleDetectorClass | undefined {
  return (window as unknown as { IdleDetector?: IdleDetectorClass }).IdleDetector;
}

/** Whether this browser has the Idle Detection API at all. */
export const hasIdleDetector = () => idleDetectorClass() !== undefined;

/**
 * Asks for the Idle Detection permission: call it from a click or a change the user made, the
 * only moment a browser lets a page ask. Resolves to whether it was granted.
 */
export async function requestIdleDetection(): Promise<boolean> {
  const IdleDetector = idleDetectorClass();
  if (IdleDetector === undefined) return false;
  try {
    return (await IdleDetector.requestPermission()) === 'granted';
  } catch {
    return false;
  }
}

/**
 * Watches for time nobody was here: a gap in the page's own clock (a tick that comes much later
 * than scheduled, or the page shown again long after it last ran, when the machine slept), and,
 * when the user allowed it, the browser's Idle Detection API (away from a machine that stayed
 * awake). Returns the idle interval found last, until `dismiss`; a new gap while one is shown
 * widens it.
 */
export function useIdleWatch(): { idle: IdleInterval | null; dismiss(): void } {
  const [idle, setIdle] = useState<IdleInterval | null>(null);
  const { detectAway } = useIdleSettings();

  const report = useCallback((gap: IdleInterval | null) => {
    if (gap === null) return;
    setIdle((shown) =>
      shown === null ? gap : { startMs: Math.min(shown.startMs, gap.startMs), endMs: Math.max(shown.endMs, gap.endMs) },
    );
  }, []);

  useEffect(() => {
    // The last instant the page saw its clock run.
    let lastSeen = Date.now();
    function look() {
      const now = Date.now();
      report(findIdleGap([lastSeen, now], { thresholdMs: idleSettings().minutes * 60_000 }));
      lastSeen = now;
    }
    const timer = window.setInterval(look, TICK_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') look();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', look);
    window.addEventListener('pageshow', look);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', look);
      window.removeEventListener('pageshow', look);
    };
  }, [report]);

  useEffect(() => {
    const IdleDetector = idleDetectorClass();
    if (!detectAway || IdleDetector === undefined) return undefined;
    const controller = new AbortController();
    const detector = new IdleDetector();
    let idleSince: number | null = null;
    detector.addEventListener('change', () => {
      const away = detector.userState === 'idle' || detector.screenState === 'locked';
      if (away && idleSince === null) {
        // The detector speaks once the user has been idle for its threshold: they left that long ago.
        idleSince = Date.now() - DETECTOR_THRESHOLD_MS;
      } else if (!away && idleSince !== null) {
        report(findIdleGap([idleSince, Date.now()], { thresholdMs: idleSettings().minutes * 60_000 }));
        idleSince = null;
      }
    });
    // Refused when the permission was withdrawn: the page's clock still watches.
    detector.start({ threshold: DETECTOR_THRESHOLD_MS, signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }, [detectAway, report]);

  const dismiss = useCallback(() => setIdle(null), []);
  return { idle, dismiss };
}

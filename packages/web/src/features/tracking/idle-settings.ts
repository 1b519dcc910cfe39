import { DEFAULT_IDLE_MINUTES, MAX_IDLE_MINUTES, MIN_IDLE_MINUTES } from '@bigrock/core';
import { useSyncExternalStore } from 'react';

/**
 * How this browser watches for time away from a running timer. Kept in localStorage: the Idle
 * Detection permission belongs to the browser too, and another device may want other settings.
 */
export interface IdleSettings {
  /** Away at least this long (minutes) before the app asks what to do with the time. */
  minutes: number;
  /** Ask the browser's Idle Detection API too (it needs a permission), besides the page's own clock. */
  detectAway: boolean;
  /** Discarding idle time leaves the timer stopped, rather than starting it again. */
  discardStops: boolean;
}

const KEY = 'bigrock.idle';
const defaults: IdleSettings = { minutes: DEFAULT_IDLE_MINUTES, detectAway: false, discardStops: false };
const listeners = new Set<() => void>();
let cached: { text: string | null; settings: IdleSettings } | undefined;

const isMinutes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= MIN_IDLE_MINUTES && value <= MAX_IDLE_MINUTES;

function read(): IdleSettings {
  let text: string | null = null;
  try {
    text = window.localStorage.getItem(KEY);
  } catch {
    // Storage refused (a private window's policy): the defaults hold.
  }
  if (cached?.text === text) return cached.settings;
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === null ? {} : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const settings: IdleSettings = {
    minutes: isMinutes(stored.minutes) ? stored.minutes : defaults.minutes,
    detectAway: stored.detectAway === true,
    discardStops: stored.discardStops === true,
  };
  cached = { text, settings };
  return settings;
}

/** The idle settings now; what the watch reads at each tick. */
export const idleSettings = read;

/** Changes some settings and tells every component that reads them. */
export function saveIdleSettings(changes: Partial<IdleSettings>): void {
  const next = { ...read(), ...changes };
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    cached = { text: null, settings: next };
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of the app changed them.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** The idle settings, kept current. */
export function useIdleSettings(): IdleSettings {
  return useSyncExternalStore(subscribe, read);
}

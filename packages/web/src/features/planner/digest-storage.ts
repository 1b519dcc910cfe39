import type { CalendarDate } from '@bigrock/core';

import type { NotificationsView } from './planner-api';

// This browser's memory of the digest: the day its banner was dismissed, and the day it last
// raised a browser notification, so each comes once a day whatever the number of tabs and reloads.
const DISMISSED_KEY = 'bigrock.digest.dismissedOn';
const NOTIFIED_KEY = 'bigrock.digest.notifiedOn';

function read(key: string): CalendarDate | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, date: CalendarDate): void {
  try {
    window.localStorage.setItem(key, date);
  } catch {
    // Storage refused (private mode): the digest may then come again on the next page load.
  }
}

export const digestStorage = {
  dismissedOn: () => read(DISMISSED_KEY),
  dismiss: (date: CalendarDate) => write(DISMISSED_KEY, date),
  notifiedOn: () => read(NOTIFIED_KEY),
  notified: (date: CalendarDate) => write(NOTIFIED_KEY, date),
};

/** The event that carries settings just saved to the digest watch. */
export const NOTIFICATIONS_CHANGED = 'bigrock:notifications-changed';

/** Tells the digest watch that the settings changed (the Settings page saved them), with what they are now. */
export const announceNotificationsChanged = (settings: NotificationsView) =>
  window.dispatchEvent(new CustomEvent(NOTIFICATIONS_CHANGED, { detail: settings }));

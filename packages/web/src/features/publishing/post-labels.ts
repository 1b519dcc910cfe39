import {
  dateInZone,
  formatDay,
  localDateTime,
  type DeliveryStatus,
  type PostDelivery,
  type PublishingNetwork,
  type Weekday,
} from '@bigrock/core';

export const networkLabels: Record<PublishingNetwork, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  webhook: 'Webhook',
};

export const statusLabels: Record<DeliveryStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  posted: 'Posted',
  failed: 'Failed',
  missed: 'Missed',
  cancelled: 'Cancelled',
};

/** The badge colour of a status: posted is good news, failed and missed want a look. */
export const statusBadge: Record<DeliveryStatus, string> = {
  queued: 'badge badge-none',
  sending: 'badge badge-on-track',
  posted: 'badge badge-ahead',
  failed: 'badge badge-behind',
  missed: 'badge badge-behind',
  cancelled: 'badge badge-none',
};

export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** What to do about a delivery that did not go, when the server gave no advice of its own. */
export function deliveryAdvice(delivery: PostDelivery): string | null {
  if (delivery.fix !== null) return delivery.fix;
  if (delivery.status === 'failed') return 'Check the account on the Accounts page, then send it again.';
  if (delivery.status === 'missed') return 'Post it now, or give it another time.';
  return null;
}

/** `2026-03-04 13:00`: an instant on the workspace's clocks, as the time fields take it. */
export const wallTime = (instant: string, zone: string) => localDateTime(Date.parse(instant), zone).slice(0, 16);

/** `13:00`: the clock time of an instant in the workspace's zone. */
export const clockTime = (instant: string, zone: string) => wallTime(instant, zone).slice(11);

/** `Wed, Mar 4 · 13:00`: a post's time for a reader, on the workspace's clocks. */
export const formatPostTime = (instant: string, zone: string) =>
  `${formatDay(dateInZone(new Date(instant), zone))} · ${clockTime(instant, zone)}`;

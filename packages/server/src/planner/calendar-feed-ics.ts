import type { FeedEvent } from '@bigrock/core';
import ICAL from 'ical.js';

const utc = (ms: number) => ICAL.Time.fromJSDate(new Date(ms), true);

/**
 * The feed's events as iCalendar text, written by ical.js (which folds long lines and escapes
 * text). Times are in UTC, which every calendar app reads without a VTIMEZONE; a big rock is a
 * date. REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL ask for an hourly poll: Google Calendar
 * ignores both and refreshes about once a day.
 */
export function writeFeedIcs(events: readonly FeedEvent[], options: { name: string }): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Bigrock//Planner feed//EN');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('x-wr-calname', options.name);
  calendar.addPropertyWithValue('x-published-ttl', 'PT1H');
  const refresh = calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromString('PT1H'));
  refresh.setParameter('value', 'DURATION');
  for (const event of events) {
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('uid', event.uid);
    vevent.addPropertyWithValue('dtstamp', utc(event.stampMs));
    vevent.addPropertyWithValue('sequence', event.sequence);
    if (event.time.kind === 'instants') {
      vevent.addPropertyWithValue('dtstart', utc(event.time.startMs));
      vevent.addPropertyWithValue('dtend', utc(event.time.endMs));
    } else {
      const day = ICAL.Time.fromDateString(event.time.date);
      const next = day.clone();
      next.adjust(1, 0, 0, 0);
      vevent.addPropertyWithValue('dtstart', day);
      vevent.addPropertyWithValue('dtend', next);
    }
    vevent.addPropertyWithValue('summary', event.summary);
    if (event.description !== null) vevent.addPropertyWithValue('description', event.description);
    vevent.addPropertyWithValue('status', event.status);
    vevent.addPropertyWithValue('transp', event.transparent ? 'TRANSPARENT' : 'OPAQUE');
    calendar.addSubcomponent(vevent);
  }
  return calendar.toString() + '\r\n';
}

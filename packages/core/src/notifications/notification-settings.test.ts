import { describe, expect, it } from 'vitest';

import { parseDigestTime, parseQuietHours, notificationSettingsSchema } from './notification-input.js';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  describeNotifications,
  digestDue,
  digestInstant,
  isQuietAt,
} from './notification-settings.js';

const at = (iso: string) => Date.parse(iso);
const overnight = { start: '20:00', end: '08:00' };

describe('quiet hours', () => {
  it('run across midnight when they end before they start: the start in, the end out', () => {
    expect(isQuietAt(overnight, at('2026-03-02T19:59Z'), 'UTC')).toBe(false);
    expect(isQuietAt(overnight, at('2026-03-02T20:00Z'), 'UTC')).toBe(true);
    expect(isQuietAt(overnight, at('2026-03-02T23:59Z'), 'UTC')).toBe(true);
    expect(isQuietAt(overnight, at('2026-03-03T00:00Z'), 'UTC')).toBe(true);
    expect(isQuietAt(overnight, at('2026-03-03T07:59Z'), 'UTC')).toBe(true);
    expect(isQuietAt(overnight, at('2026-03-03T08:00Z'), 'UTC')).toBe(false);
  });

  it('within a day when they end after they start', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(isQuietAt(lunch, at('2026-03-02T11:59Z'), 'UTC')).toBe(false);
    expect(isQuietAt(lunch, at('2026-03-02T12:45Z'), 'UTC')).toBe(true);
    expect(isQuietAt(lunch, at('2026-03-02T13:30Z'), 'UTC')).toBe(false);
  });

  it('are never on when there are none', () => {
    expect(isQuietAt(null, at('2026-03-02T03:00Z'), 'UTC')).toBe(false);
  });

  it('follow the clocks of the workspace on both sides of a daylight-saving change', () => {
    // Paris: UTC+1 until 2026-03-29 02:00, UTC+2 after; back to UTC+1 on 2026-10-25 at 03:00.
    const zone = 'Europe/Paris';
    // 07:30 in Paris is quiet, 08:00 is not, before and after the spring change.
    expect(isQuietAt(overnight, at('2026-03-28T06:30Z'), zone)).toBe(true);
    expect(isQuietAt(overnight, at('2026-03-28T07:00Z'), zone)).toBe(false);
    expect(isQuietAt(overnight, at('2026-03-29T05:30Z'), zone)).toBe(true);
    expect(isQuietAt(overnight, at('2026-03-29T06:00Z'), zone)).toBe(false);
    // In the autumn the night is an hour longer: 02:30 happens twice, quiet both times.
    expect(isQuietAt(overnight, at('2026-10-25T00:30Z'), zone)).toBe(true);
    expect(isQuietAt(overnight, at('2026-10-25T01:30Z'), zone)).toBe(true);
    expect(isQuietAt(overnight, at('2026-10-25T07:00Z'), zone)).toBe(false);
    // 20:00 in Paris starts them on either side.
    expect(isQuietAt(overnight, at('2026-03-29T17:59Z'), zone)).toBe(false);
    expect(isQuietAt(overnight, at('2026-03-29T18:00Z'), zone)).toBe(true);
    expect(isQuietAt(overnight, at('2026-10-25T19:00Z'), zone)).toBe(true);
  });
});

describe('the digest', () => {
  const settings = { digestTime: '08:30', quietHours: null };

  it('is due from its time until it is shown, once a day', () => {
    expect(digestDue(settings, 'UTC', at('2026-03-02T08:29Z'), null)).toMatchObject({
      due: false,
      reason: 'not-yet',
      date: '2026-03-02',
    });
    expect(digestDue(settings, 'UTC', at('2026-03-02T08:30Z'), null)).toMatchObject({ due: true, reason: 'due' });
    expect(digestDue(settings, 'UTC', at('2026-03-02T15:00Z'), '2026-03-01')).toMatchObject({ due: true });
    expect(digestDue(settings, 'UTC', at('2026-03-02T15:00Z'), '2026-03-02')).toMatchObject({
      due: false,
      reason: 'shown',
    });
    expect(digestDue(settings, 'UTC', at('2026-03-03T08:31Z'), '2026-03-02')).toMatchObject({ due: true });
  });

  it('is never due when there is none: quiet by default', () => {
    expect(DEFAULT_NOTIFICATION_SETTINGS).toEqual({ digestTime: null, quietHours: null });
    expect(digestDue(DEFAULT_NOTIFICATION_SETTINGS, 'UTC', at('2026-03-02T12:00Z'), null)).toMatchObject({
      due: false,
      reason: 'off',
      atMs: null,
    });
  });

  it('waits for the quiet hours to end, across midnight', () => {
    const early = { digestTime: '07:00', quietHours: overnight };
    expect(digestDue(early, 'UTC', at('2026-03-02T07:30Z'), null)).toMatchObject({ due: false, reason: 'quiet' });
    expect(digestDue(early, 'UTC', at('2026-03-02T08:00Z'), null)).toMatchObject({ due: true });
    // A late digest is not shown in the night that follows: after midnight it is a new day, not yet time.
    const late = { digestTime: '21:00', quietHours: { start: '22:00', end: '06:00' } };
    expect(digestDue(late, 'UTC', at('2026-03-02T21:10Z'), null)).toMatchObject({ due: true });
    expect(digestDue(late, 'UTC', at('2026-03-02T22:10Z'), null)).toMatchObject({ due: false, reason: 'quiet' });
    expect(digestDue(late, 'UTC', at('2026-03-03T01:00Z'), null)).toMatchObject({
      due: false,
      reason: 'not-yet',
      date: '2026-03-03',
    });
  });

  it('keeps its time on the clocks across daylight-saving changes, and moves past a skipped time', () => {
    const zone = 'America/New_York';
    // 08:30 in New York: 13:30Z before the change on 2026-03-08, 12:30Z after.
    expect(digestInstant('08:30', '2026-03-07', zone)).toBe(at('2026-03-07T13:30Z'));
    expect(digestInstant('08:30', '2026-03-09', zone)).toBe(at('2026-03-09T12:30Z'));
    expect(digestDue(settings, zone, at('2026-03-09T12:29Z'), null).due).toBe(false);
    expect(digestDue(settings, zone, at('2026-03-09T12:30Z'), null).due).toBe(true);
    // 02:30 does not happen on 2026-03-08 in New York: the digest comes at 03:30 (07:30Z).
    expect(digestInstant('02:30', '2026-03-08', zone)).toBe(at('2026-03-08T07:30Z'));
    // 01:30 happens twice on 2026-11-01 (05:30Z and 06:30Z): the digest comes at one of them, once.
    const twice = { digestTime: '01:30', quietHours: null };
    const atMs = digestInstant('01:30', '2026-11-01', zone) ?? 0;
    expect([at('2026-11-01T05:30Z'), at('2026-11-01T06:30Z')]).toContain(atMs);
    const first = digestDue(twice, zone, atMs, null);
    expect(first).toMatchObject({ due: true, date: '2026-11-01' });
    expect(digestDue(twice, zone, at('2026-11-01T06:30Z'), first.date).reason).toBe('shown');
  });

  it('reads the day on the workspace clocks, not in UTC', () => {
    // 23:30 in Los Angeles on 2 March is 07:30Z on 3 March.
    const due = digestDue(
      { digestTime: '23:00', quietHours: null },
      'America/Los_Angeles',
      at('2026-03-03T07:30Z'),
      null,
    );
    expect(due).toMatchObject({ due: true, date: '2026-03-02' });
  });
});

describe('notification settings as typed', () => {
  it('read a digest time or off', () => {
    expect(parseDigestTime('08:30')).toEqual({ digestTime: '08:30' });
    expect(parseDigestTime('8:30')).toEqual({ digestTime: '08:30' });
    expect(parseDigestTime('off')).toEqual({ digestTime: null });
    expect(parseDigestTime('25:00')).toEqual({
      problem: '"25:00" is not a time of day: write the digest time as 08:30 (HH:MM), or off',
    });
  });

  it('read quiet hours or off, and refuse an empty span', () => {
    expect(parseQuietHours('20:00-8:00')).toEqual({ quiet: { start: '20:00', end: '08:00' } });
    expect(parseQuietHours('OFF')).toEqual({ quiet: null });
    expect(parseQuietHours('20:00')).toEqual({
      problem: '"20:00" is not a span of quiet hours: write it as 20:00-08:00, or off',
    });
    expect(parseQuietHours('20:00-20:00')).toEqual({
      problem:
        'quiet end must differ from the start (20:00); turn quiet hours off with null; write it as 20:00-08:00, or off',
    });
  });

  it('refuse unknown fields and bad times by name', () => {
    const wrong = notificationSettingsSchema.safeParse({
      digestTime: '8',
      quietHours: { start: '20:00', end: '24:00' },
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['digestTime', 'quietHours.end']);
    expect(notificationSettingsSchema.safeParse({ sound: true }).success).toBe(false);
  });

  it('describe themselves in a sentence', () => {
    expect(describeNotifications(DEFAULT_NOTIFICATION_SETTINGS)).toBe('no digest, no quiet hours');
    expect(describeNotifications({ digestTime: '08:30', quietHours: overnight })).toBe(
      'a digest at 08:30, quiet hours 20:00-08:00',
    );
  });
});

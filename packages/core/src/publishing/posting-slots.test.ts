import { describe, expect, it } from 'vitest';

import {
  DEFAULT_POSTING_SLOTS,
  nextFreeSlot,
  postingSlotsSchema,
  slotInstants,
  type PostingSlot,
} from './posting-slots.js';

const at = (iso: string) => Date.parse(iso);
const weekdays9and13: PostingSlot[] = DEFAULT_POSTING_SLOTS;

describe('nextFreeSlot', () => {
  it('takes the next slot after the instant, on the workspace clocks', () => {
    // Wednesday 2026-12-02 10:30 in Paris (UTC+1): the next slot is 13:00 that day.
    expect(nextFreeSlot(weekdays9and13, [], at('2026-12-02T09:30:00Z'), 'Europe/Paris')).toBe(
      at('2026-12-02T12:00:00Z'),
    );
  });

  it('skips taken slots and the weekend', () => {
    const friday13 = at('2026-12-04T12:00:00Z');
    const friday9 = at('2026-12-04T08:00:00Z');
    expect(nextFreeSlot(weekdays9and13, [friday9, friday13], at('2026-12-04T07:00:00Z'), 'Europe/Paris')).toBe(
      at('2026-12-07T08:00:00Z'),
    );
  });

  it('never gives the instant itself: a slot at exactly "after" is past', () => {
    expect(nextFreeSlot(weekdays9and13, [], at('2026-12-02T12:00:00Z'), 'Europe/Paris')).toBe(
      at('2026-12-03T08:00:00Z'),
    );
  });

  it('keeps 09:00 at 09:00 across the spring daylight-saving change', () => {
    // Europe/Paris goes from UTC+1 to UTC+2 on Sunday 2027-03-28.
    const slots: PostingSlot[] = [
      { weekday: 'fri', time: '09:00' },
      { weekday: 'mon', time: '09:00' },
    ];
    const fridayBefore = nextFreeSlot(slots, [], at('2027-03-25T12:00:00Z'), 'Europe/Paris');
    expect(fridayBefore).toBe(at('2027-03-26T08:00:00Z'));
    const mondayAfter = nextFreeSlot(slots, [fridayBefore ?? 0], at('2027-03-25T12:00:00Z'), 'Europe/Paris');
    expect(mondayAfter).toBe(at('2027-03-29T07:00:00Z'));
  });

  it('keeps a Sunday 02:30 slot on the day the clocks skip it, moved forward by the gap', () => {
    const slots: PostingSlot[] = [{ weekday: 'sun', time: '02:30' }];
    expect(nextFreeSlot(slots, [], at('2027-03-27T12:00:00Z'), 'Europe/Paris')).toBe(at('2027-03-28T01:30:00Z'));
  });

  it('keeps 09:00 at 09:00 across the autumn change in New York', () => {
    // America/New_York goes back from UTC-4 to UTC-5 on Sunday 2026-11-01.
    const slots: PostingSlot[] = [{ weekday: 'sun', time: '09:00' }];
    expect(nextFreeSlot(slots, [], at('2026-10-30T12:00:00Z'), 'America/New_York')).toBe(at('2026-11-01T14:00:00Z'));
    expect(nextFreeSlot(slots, [], at('2026-10-23T12:00:00Z'), 'America/New_York')).toBe(at('2026-10-25T13:00:00Z'));
  });

  it('finds a free slot far ahead when many are taken', () => {
    const taken = slotInstants(weekdays9and13, at('2026-12-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), 'UTC').map(
      (slot) => slot.at,
    );
    expect(taken.length).toBeGreaterThan(40);
    expect(nextFreeSlot(weekdays9and13, taken, at('2026-12-01T00:00:00Z'), 'UTC')).toBe(at('2027-01-01T09:00:00Z'));
  });

  it('is null with no slots', () => {
    expect(nextFreeSlot([], [], at('2026-12-01T00:00:00Z'), 'UTC')).toBeNull();
  });
});

describe('postingSlotsSchema', () => {
  it('sorts the slots in week order and drops repeats', () => {
    expect(
      postingSlotsSchema.parse([
        { weekday: 'tue', time: '13:00' },
        { weekday: 'mon', time: '13:00' },
        { weekday: 'mon', time: '09:00' },
        { weekday: 'tue', time: '13:00' },
      ]),
    ).toEqual([
      { weekday: 'mon', time: '09:00' },
      { weekday: 'mon', time: '13:00' },
      { weekday: 'tue', time: '13:00' },
    ]);
  });

  it('refuses a time that is not HH:MM and a day that is not a weekday', () => {
    expect(postingSlotsSchema.safeParse([{ weekday: 'mon', time: '9am' }]).success).toBe(false);
    expect(postingSlotsSchema.safeParse([{ weekday: 'monday', time: '09:00' }]).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { blockRecords } from './block-record.js';
import { planAgainstActual } from './plan-actual.js';
import type { WeekBlock } from './planner.js';

const HOUR = 3_600_000;
const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

function block(id: string, date: string, from: number, to: number, extra: Partial<WeekBlock> = {}): WeekBlock {
  return {
    id,
    date,
    weekday: 'mon',
    start: `${String(from).padStart(2, '0')}:00`,
    end: `${String(to).padStart(2, '0')}:00`,
    startMs: day(date) + from * HOUR,
    endMs: day(date) + to * HOUR,
    activityId: null,
    activity: 'calls',
    kind: null,
    note: null,
    templateBlockId: 'tb-calls',
    skipped: false,
    imported: null,
    ...extra,
  };
}

describe('blocks kept and always broken', () => {
  it('count each ended block once a week, by the template block it comes from', () => {
    const mondays = ['2026-03-02', '2026-03-09', '2026-03-16'];
    const weeks = mondays.map((date, index) => {
      const blocks = [
        block(`calls-${date}`, date, 9, 11),
        block(`fb-${date}`, date, 13, 14, { activity: 'Facebook', templateBlockId: 'tb-fb' }),
        block(`lunch-${date}`, date, 12, 13, { activity: null, kind: 'break', templateBlockId: 'tb-lunch' }),
      ];
      // Calls kept on the first two Mondays only; Facebook ran over into other work every week.
      const entries = [
        ...(index < 2 ? [{ activity: 'calls', startMs: day(date) + 9 * HOUR, endMs: day(date) + 11 * HOUR }] : []),
        { activity: 'email', startMs: day(date) + 13 * HOUR, endMs: day(date) + 14 * HOUR },
      ];
      return { blocks, actual: planAgainstActual(blocks, entries, [date], day('2026-03-20')) };
    });
    const records = blockRecords(weeks, day('2026-03-20'));
    expect(records).toEqual([
      expect.objectContaining({ key: 'tb-fb', activity: 'Facebook', kept: 0, broken: 3, verdict: 'always-broken' }),
      expect.objectContaining({ key: 'tb-calls', kept: 2, broken: 1, verdict: 'mixed' }),
    ]);
  });

  it('call a block broken once and never kept "broken", and "always broken" from the second time', () => {
    const date = '2026-03-02';
    const blocks = [block('once', date, 9, 10)];
    const actual = planAgainstActual(blocks, [], [date], day('2026-03-03'));
    expect(blockRecords([{ blocks, actual }], day('2026-03-03'))[0]).toMatchObject({ broken: 1, verdict: 'broken' });
  });

  it('leave out blocks not ended yet, skipped ones, and say kept when never broken', () => {
    const date = '2026-03-02';
    const blocks = [
      block('done', date, 9, 10, { templateBlockId: null }),
      block('later', date, 15, 16, { templateBlockId: null }),
      block('skipped', date, 11, 12, { skipped: true, templateBlockId: null }),
    ];
    const now = day(date) + 12.5 * HOUR;
    const actual = planAgainstActual(
      blocks,
      [{ activity: 'Calls', startMs: day(date) + 9 * HOUR, endMs: day(date) + 10 * HOUR }],
      [date],
      now,
    );
    expect(blockRecords([{ blocks, actual }], now)).toEqual([
      {
        key: 'mon 09:00-10:00 calls',
        weekday: 'mon',
        start: '09:00',
        end: '10:00',
        activity: 'calls',
        kind: null,
        kept: 1,
        broken: 0,
        verdict: 'kept',
      },
    ]);
  });
});

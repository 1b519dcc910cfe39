import { describe, expect, it } from 'vitest';

import { carryOver, rockStart } from './big-rock.js';
import { parseEstimate } from './estimate.js';
import { minutesOfDay } from '../time/clock-time.js';
import { planAgainstActual } from './plan-actual.js';
import {
  addBlockSchema,
  carryRockSchema,
  editBlockSchema,
  setRockSchema,
  templateBlockSchema,
} from './planner-input.js';
import type { BigRock, WeekBlock } from './planner.js';
import { weekCapacity } from './week-capacity.js';
import { findShippedTemplate, shippedTemplates } from './week-templates.js';

const at = (time: string, date = '2026-03-02') => Date.parse(`${date}T${time}:00Z`);

const rock = (fields: Partial<BigRock>): BigRock => ({
  id: 'r1',
  date: '2026-03-02',
  title: 'Call list',
  goalId: null,
  activityId: null,
  estimateMinutes: 120,
  status: 'open',
  carryReason: null,
  carriedTo: null,
  doneAt: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...fields,
});

const weekBlock = (fields: Partial<WeekBlock>): WeekBlock => ({
  id: 'b',
  date: '2026-03-02',
  weekday: 'mon',
  start: '09:00',
  end: '11:00',
  startMs: at('09:00'),
  endMs: at('11:00'),
  activityId: null,
  activity: null,
  kind: null,
  note: null,
  templateBlockId: null,
  skipped: false,
  imported: null,
  ...fields,
});

describe('the carry-over rule', () => {
  it("lets the next day's rock start only once today's is done or carried over", () => {
    const today = rock({});
    const blocked = rockStart([today, rock({ id: 'r2', date: '2026-03-03' })], '2026-03-03');
    expect(blocked).toMatchObject({ allowed: false, blockedBy: { id: 'r1' } });
    expect(blocked.allowed ? '' : blocked.message).toContain('Finish "Call list" (2026-03-02) first, or carry it over');
    expect(rockStart([{ ...today, status: 'done' }], '2026-03-03')).toEqual({ allowed: true });
    const { carried, next } = carryOver(today, '2026-03-03', 'The printer broke', 'r3', '2026-03-02T18:00:00.000Z');
    expect(carried).toMatchObject({ status: 'carried', carryReason: 'The printer broke', carriedTo: '2026-03-03' });
    expect(next).toMatchObject({
      id: 'r3',
      date: '2026-03-03',
      status: 'open',
      title: 'Call list',
      estimateMinutes: 120,
    });
    expect(rockStart([carried, next], '2026-03-03')).toEqual({ allowed: true });
    // The rock of the day itself, or of a later day, never blocks.
    expect(rockStart([today, rock({ id: 'r4', date: '2026-03-05' })], '2026-03-02')).toEqual({ allowed: true });
  });

  it('names the most recent open rock when several are open', () => {
    const result = rockStart([rock({}), rock({ id: 'r2', date: '2026-03-03', title: 'Slides' })], '2026-03-04');
    expect(result.allowed ? null : result.blockedBy.title).toBe('Slides');
  });
});

describe('plan against actual', () => {
  it('clips entries to each block and measures adherence by day and week', () => {
    const blocks = [
      weekBlock({ id: 'calls', activity: 'calls' }),
      weekBlock({ id: 'lunch', kind: 'break', start: '12:00', end: '13:00', startMs: at('12:00'), endMs: at('13:00') }),
      weekBlock({
        id: 'deep',
        kind: 'deep-work',
        start: '14:00',
        end: '15:00',
        startMs: at('14:00'),
        endMs: at('15:00'),
      }),
      weekBlock({ id: 'skipped', activity: 'calls', skipped: true, startMs: at('16:00'), endMs: at('17:00') }),
      weekBlock({
        id: 'tuesday',
        date: '2026-03-03',
        activity: 'Calls',
        startMs: at('09:00', '2026-03-03'),
        endMs: at('11:00', '2026-03-03'),
      }),
    ];
    const entries = [
      { activity: 'Calls', startMs: at('08:30'), endMs: at('10:00') },
      { activity: 'Facebook', startMs: at('10:00'), endMs: at('10:30') },
      { activity: 'writing', startMs: at('14:00'), endMs: at('14:45') },
      // Running since 09:00 on Tuesday; now is 10:00.
      { activity: 'calls', startMs: at('09:00', '2026-03-03'), endMs: null },
    ];
    const result = planAgainstActual(blocks, entries, ['2026-03-02', '2026-03-03'], at('10:00', '2026-03-03'));
    expect(result.blocks[0]).toEqual({
      blockId: 'calls',
      plannedSeconds: 7200,
      byActivity: [
        { activity: 'Calls', seconds: 3600 },
        { activity: 'Facebook', seconds: 1800 },
      ],
      keptSeconds: 3600,
      adherence: 0.5,
      kept: false,
    });
    expect(result.blocks[1]).toMatchObject({ plannedSeconds: 0, adherence: null, kept: null });
    expect(result.blocks[2]).toMatchObject({ plannedSeconds: 3600, keptSeconds: 2700, adherence: 0.75 });
    expect(result.blocks[3]).toMatchObject({ plannedSeconds: 0, adherence: null });
    // Only the hour that has passed of Tuesday's block counts, and it was kept.
    expect(result.blocks[4]).toMatchObject({ plannedSeconds: 3600, keptSeconds: 3600, adherence: 1, kept: true });
    expect(result.days).toEqual([
      { date: '2026-03-02', plannedSeconds: 10800, keptSeconds: 6300, adherence: 0.583 },
      { date: '2026-03-03', plannedSeconds: 3600, keptSeconds: 3600, adherence: 1 },
    ]);
    expect(result.week).toEqual({ plannedSeconds: 14400, keptSeconds: 9900, adherence: 0.688 });
  });

  it('has no adherence for a week that has not begun', () => {
    const result = planAgainstActual([weekBlock({ activity: 'calls' })], [], ['2026-03-02'], at('08:00'));
    expect(result.week).toEqual({ plannedSeconds: 0, keptSeconds: 0, adherence: null });
  });
});

describe('capacity', () => {
  const hoursBlock = (activity: string | null, hours: number, kind: WeekBlock['kind'] = null) =>
    weekBlock({ activity, kind, startMs: 0, endMs: hours * 3_600_000 });
  const funnel = {
    name: 'Warm market',
    stages: [
      { activity: 'calls', hoursPerWeek: 5 },
      { activity: 'appointments', hoursPerWeek: 3.75 },
      { activity: 'recruits', hoursPerWeek: 1 },
    ],
  };
  const activities = [
    { name: 'calls', activityClass: 'income' as const, targetHoursPerWeek: 5 },
    { name: 'appointments', activityClass: 'income' as const, targetHoursPerWeek: 3.75 },
    { name: 'Facebook', activityClass: 'waste' as const, targetHoursPerWeek: 0 },
    { name: 'team training', activityClass: 'supporting' as const, targetHoursPerWeek: 0 },
  ];

  it("sets the plan against what the funnel's solved rates need, and says what to cut first", () => {
    const capacity = weekCapacity({
      blocks: [
        hoursBlock('calls', 4),
        hoursBlock('appointments', 2),
        hoursBlock('Facebook', 5),
        hoursBlock('team training', 2),
        hoursBlock(null, 3, 'admin'),
        hoursBlock(null, 5, 'break'),
      ],
      hoursAvailable: 16,
      activities,
      funnels: [funnel],
    });
    expect(capacity.plannedHours).toBe(16);
    expect(capacity.funnels[0]?.message).toBe(
      'The funnel "Warm market" needs 9.75 h a week of calls, appointments and recruits; the plan keeps 6 h for them.',
    );
    expect(capacity.fits).toBe(false);
    expect(capacity.activities).toContainEqual({ activity: 'calls', neededHours: 5, plannedHours: 4, shortHours: 1 });
    // 3.75 h short and no free hours: the time waster goes first, then admin.
    expect(capacity.cut).toEqual([
      { activity: 'Facebook', kind: null, hours: 3.75, why: 'a time waster: it only looks like work' },
    ]);
  });

  it('flags a plan beyond the hours available and cuts wasters, then admin, then supporting work', () => {
    const capacity = weekCapacity({
      blocks: [
        hoursBlock('calls', 5),
        hoursBlock('Facebook', 2),
        hoursBlock(null, 3, 'admin'),
        hoursBlock('team training', 4),
      ],
      hoursAvailable: 8,
      activities: activities.filter(({ name }) => name !== 'appointments'),
      funnels: [],
    });
    expect(capacity.problems[0]).toBe('The plan takes 14 h but 8 h are available: something must go (6 h).');
    expect(capacity.cut.map(({ activity, kind, hours }) => [activity ?? kind, hours])).toEqual([
      ['Facebook', 2],
      ['admin', 3],
      ['team training', 1],
    ]);
  });

  it('fits when the hours and every need are kept', () => {
    const capacity = weekCapacity({
      blocks: [hoursBlock('calls', 5), hoursBlock('appointments', 4), hoursBlock('recruits', 1)],
      hoursAvailable: 40,
      activities,
      funnels: [funnel],
    });
    expect(capacity).toMatchObject({ fits: true, problems: [], cut: [], plannedHours: 10 });
  });
});

describe('the templates that ship', () => {
  it("give seed 000's week: Monday's window for posts and invitations, Facebook one hour each working day", () => {
    const seed = findShippedTemplate('Social-Selling');
    expect(seed?.blocks[0]).toMatchObject({
      days: ['mon'],
      start: '09:00',
      end: '11:00',
      activity: 'posts and invitations',
    });
    expect(seed?.blocks.find((block) => block.activity === 'Facebook')).toMatchObject({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '13:00',
      end: '14:00',
    });
    expect(shippedTemplates.map(({ name }) => name)).toEqual(['social-selling', 'freelancer', 'coach']);
  });

  it('are valid blocks that never overlap, naming only activities they list', () => {
    for (const template of shippedTemplates) {
      const names = new Set(template.activities.map(({ name }) => name));
      const placed = template.blocks.flatMap((block) => block.days.map((day) => ({ ...block, day })));
      for (const block of placed) {
        expect(templateBlockSchema.safeParse({ ...block, weekday: block.day }).success, template.name).toBe(true);
        if (block.activity !== undefined) expect(names.has(block.activity), block.activity).toBe(true);
        const overlapping = placed.filter(
          (other) =>
            other !== block &&
            other.day === block.day &&
            minutesOfDay(other.start) < minutesOfDay(block.end) &&
            minutesOfDay(block.start) < minutesOfDay(other.end),
        );
        expect(overlapping, `${template.name} ${block.day} ${block.start}`).toEqual([]);
      }
    }
  });
});

describe('planner input', () => {
  it('names the field of a block ending before it starts, an unknown weekday, or a missing activity', () => {
    const issue = (input: unknown) => addBlockSchema.safeParse(input).error?.issues[0];
    expect(issue({ kind: 'admin', weekday: 'mon', start: '11:00', end: '09:00' })).toMatchObject({
      path: ['end'],
      message: 'must be after the start (11:00)',
    });
    expect(issue({ kind: 'admin', weekday: 'funday', start: '09:00', end: '10:00' })).toMatchObject({
      path: ['weekday'],
      message: 'must be one of mon, tue, wed, thu, fri, sat, sun',
    });
    expect(issue({ weekday: 'mon', start: '09:00', end: '10:00' })?.path).toEqual(['activity']);
    expect(issue({ kind: 'admin', weekday: 'mon', start: '9am', end: '10:00' })?.path).toEqual(['start']);
    expect(issue({ kind: 'admin', weekday: 'mon', start: '09:00', end: '10:00', week: '2027-W53' })?.path).toEqual([
      'week',
    ]);
    expect(addBlockSchema.parse({ kind: 'admin', weekday: 'mon', start: '22:00', end: '24:00' }).end).toBe('24:00');
    expect(editBlockSchema.safeParse({ start: '10:00', end: '10:00' }).error?.issues[0]?.path).toEqual(['end']);
  });

  it('asks a reason to carry a rock, and one tie at most', () => {
    expect(carryRockSchema.safeParse({ reason: ' ' }).error?.issues[0]?.path).toEqual(['reason']);
    expect(setRockSchema.safeParse({ title: 'x', goalId: 'g', activity: 'calls' }).error?.issues[0]?.path).toEqual([
      'activity',
    ]);
    expect(setRockSchema.safeParse({ title: 'x', date: '3000-01-01' }).error?.issues[0]?.path).toEqual(['date']);
  });

  it('reads estimates as typed', () => {
    expect(['2h', '90m', '1h30m', '1.5h', '45', '1h 15min'].map((text) => parseEstimate(text))).toEqual([
      120, 90, 90, 90, 45, 75,
    ]);
    for (const text of ['', 'soon', '0m', '25h', '1.01h'])
      expect(() => parseEstimate(text), text).toThrow('estimate must');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createGoalSchema, updateGoalSchema } from './goal-input.js';
import {
  describeGoalSource,
  fedDayTotals,
  feedStart,
  formatGoalSource,
  hoursByDay,
  goalSourceSchema,
  parseGoalSource,
  type GoalSource,
} from './goal-source.js';

describe('a goal source written as text', () => {
  it('reads each kind of source', () => {
    expect(parseGoalSource('manual')).toEqual({ source: { kind: 'manual' } });
    expect(parseGoalSource(' Manual ')).toEqual({ source: { kind: 'manual' } });
    expect(parseGoalSource('activity:01JQ4ZK3T8')).toEqual({ source: { kind: 'activity', activityId: '01JQ4ZK3T8' } });
    expect(parseGoalSource('hours:Deep work')).toEqual({
      source: { kind: 'hours', activity: 'Deep work', tag: null },
    });
    expect(parseGoalSource('hours:#client-x')).toEqual({ source: { kind: 'hours', activity: null, tag: 'client-x' } });
    expect(parseGoalSource('outcome:revenue')).toEqual({
      source: { kind: 'outcome', outcome: 'revenue', channel: null, activity: null },
    });
    expect(parseGoalSource('outcome:Clients:LinkedIn: direct')).toEqual({
      source: { kind: 'outcome', outcome: 'client', channel: 'LinkedIn: direct', activity: null },
    });
    expect(parseGoalSource('outcome:leads:@Calls')).toEqual({
      source: { kind: 'outcome', outcome: 'lead', channel: null, activity: 'Calls' },
    });
  });

  it('says what to write instead of a mistake', () => {
    const problem = (text: string) => {
      const parsed = parseGoalSource(text);
      return 'problem' in parsed ? parsed.problem : 'read as a source';
    };
    expect(problem('timer')).toMatch(/old tracking label: write one of manual, activity:<activity id>/);
    expect(problem('outcome:sales')).toBe('"sales" is not a kind of outcome: write revenue, client or lead');
    expect(problem('hours:')).toMatch(/^write one of manual/);
    expect(problem('hours:#')).toMatch(/must not be empty/);
    expect(problem('hours:#a,b')).toMatch(/must not contain a comma/);
    expect(problem('activity')).toMatch(/^write one of/);
    expect(problem('calls')).toMatch(/^write one of/);
  });

  it('reads back what it writes', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((text) => text.replaceAll('\u0000', '').replaceAll(',', '').trim())
      .filter((text) => text !== '' && !text.startsWith('#') && !text.startsWith('@'));
    const source: fc.Arbitrary<GoalSource> = fc.oneof(
      fc.constant<GoalSource>({ kind: 'manual' }),
      name.map((activityId): GoalSource => ({ kind: 'activity', activityId })),
      name.map((activity): GoalSource => ({ kind: 'hours', activity, tag: null })),
      name.map((tag): GoalSource => ({ kind: 'hours', activity: null, tag })),
      fc
        .tuple(fc.constantFrom('revenue', 'client', 'lead' as const), fc.option(name), fc.boolean())
        .map(([outcome, credit, toChannel]): GoalSource => ({
          kind: 'outcome',
          outcome,
          channel: toChannel ? credit : null,
          activity: toChannel ? null : credit,
        })),
    );
    fc.assert(
      fc.property(source, (each) => {
        expect(parseGoalSource(formatGoalSource(each))).toEqual({ source: each });
      }),
    );
  });
});

describe('the source of a goal as the API takes it', () => {
  it('takes the typed form and the text form', () => {
    expect(goalSourceSchema.parse({ kind: 'hours', tag: 'deep' })).toEqual({
      kind: 'hours',
      activity: null,
      tag: 'deep',
    });
    expect(goalSourceSchema.parse('outcome:revenue:Referral')).toEqual({
      kind: 'outcome',
      outcome: 'revenue',
      channel: 'Referral',
      activity: null,
    });
  });

  it('refuses a source that names two things or none, naming the field', () => {
    const refused = (source: unknown) => {
      const result = createGoalSchema.safeParse({ title: 'Calls', source });
      return result.success ? [] : result.error.issues.map(({ path, message }) => `${path.join('.')}: ${message}`);
    };
    expect(refused({ kind: 'hours', activity: 'Calls', tag: 'x' })).toEqual([
      'source: name either an activity or a tag (one of the two)',
    ]);
    expect(refused({ kind: 'outcome', outcome: 'revenue', channel: 'a', activity: 'b' })).toEqual([
      'source: name a channel or an activity, not both',
    ]);
    expect(refused({ kind: 'outcome', outcome: 'sales' })[0]).toMatch(/^source\.outcome: /);
    expect(refused('timer')[0]).toMatch(/^source: "timer" is an old tracking label/);
    expect(refused({ kind: 'activity' })[0]).toMatch(/^source/);
  });

  it('still takes the old manual label, and says what to send instead of the others', () => {
    expect(updateGoalSchema.parse({ trackingSource: 'manual' })).toEqual({ trackingSource: 'manual' });
    const result = updateGoalSchema.safeParse({ trackingSource: 'timer' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['trackingSource']);
    expect(result.error?.issues[0]?.message).toMatch(/^is replaced by source: send source as one of manual/);
  });
});

describe('a goal source in words', () => {
  it('names what feeds the goal', () => {
    expect(describeGoalSource({ kind: 'activity', activityId: 'A1' }, { activityName: 'Calls' })).toBe(
      'the counts logged on the activity "Calls"',
    );
    expect(describeGoalSource({ kind: 'activity', activityId: 'A1' }, { activityName: null })).toBe(
      'the counts of an activity that no longer exists',
    );
    expect(describeGoalSource({ kind: 'hours', activity: null, tag: 'deep' })).toBe(
      'the hours of time entries tagged #deep',
    );
    expect(describeGoalSource({ kind: 'outcome', outcome: 'client', channel: 'Referral', activity: null })).toBe(
      'the clients recorded as outcomes from the channel "Referral"',
    );
  });
});

describe('the days a fed goal reads', () => {
  it('turns tracked seconds into hours, leaving out days without time', () => {
    expect(
      hoursByDay([
        { start: '2026-03-02', seconds: 5400 },
        { start: '2026-03-03', seconds: 0 },
        { start: '2026-03-04', seconds: 1800 },
      ]),
    ).toEqual([
      { date: '2026-03-02', value: 1.5 },
      { date: '2026-03-04', value: 0.5 },
    ]);
  });

  it('sees one point a day, that day’s total', () => {
    expect(
      fedDayTotals([
        { date: '2026-03-02', value: 8 },
        { date: '2026-03-03', value: 5 },
      ]),
    ).toEqual([
      { date: '2026-03-02', sum: 8, count: 1, max: 8, last: 8 },
      { date: '2026-03-03', sum: 13, count: 2, max: 8, last: 5 },
    ]);
  });

  it('reads from the goal’s start, or from the day it was made', () => {
    expect(feedStart({ startDate: '2026-01-05', createdAt: '2026-01-02T10:00:00.000Z' })).toBe('2026-01-05');
    expect(feedStart({ startDate: null, createdAt: '2026-01-02T10:00:00.000Z' })).toBe('2026-01-02');
  });
});

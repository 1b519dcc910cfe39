import { formatNumber } from '../format/format-number.js';
import { daysBetween, type CalendarDate } from '../time/calendar-date.js';
import type { Goal } from './goal.js';

/** The ten SMARTER dimensions, in the order the seeds give them. */
export const goalDimensions = [
  'specific',
  'measurable',
  'achievable',
  'relevant',
  'time-bound',
  'systematized',
  'meaningful',
  'activity-based',
  'responsible',
  'track-able',
] as const;
export type GoalDimension = (typeof goalDimensions)[number];

export const checkStatuses = ['pass', 'warn', 'fail'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export interface DimensionResult {
  key: GoalDimension;
  status: CheckStatus;
  /** What to do to make it pass; null when it passes. */
  fix: string | null;
}

export interface GoalCheck {
  /** 0 to 100: 10 points a pass, 5 a warning. */
  score: number;
  dimensions: DimensionResult[];
}

/** What the check needs to know beyond the goal's own fields. */
export interface GoalCheckContext {
  today: CalendarDate;
  dataPointCount: number;
  lastDataPointDate: CalendarDate | null;
  /** The lead activities linked to the goal and the weekly hours their target rates take. */
  activities: { count: number; hoursPerWeek: number } | null;
}

export type CheckedGoal = Pick<
  Goal,
  | 'title'
  | 'level'
  | 'unit'
  | 'target'
  | 'startDate'
  | 'deadline'
  | 'why'
  | 'parentId'
  | 'systems'
  | 'owner'
  | 'partner'
  | 'hoursPerWeek'
>;

type Verdict = Omit<DimensionResult, 'key'>;
const pass: Verdict = { status: 'pass', fix: null };
const warn = (fix: string): Verdict => ({ status: 'warn', fix });
const fail = (fix: string): Verdict => ({ status: 'fail', fix });

const wordCount = (text: string | null) => (text ?? '').trim().split(/\s+/).filter(Boolean).length;
const hasText = (text: string | null) => (text ?? '').trim().length > 0;

/** Closer than this and the deadline sets the user up for discouragement (seed 002). */
const SHORTEST_SPAN_DAYS = 7;
/** Further than this and the goal invites procrastination, unless it is the dream itself. */
const LONGEST_SPAN_DAYS = 3 * 366;
/** Track-able means numbers keep coming in: this long without one and the goal is flying blind. */
const STALE_TRACKING_DAYS = 14;

const rules: Record<GoalDimension, (goal: CheckedGoal, context: GoalCheckContext) => Verdict> = {
  specific(goal) {
    const detailed = wordCount(goal.title) >= 3;
    if (detailed && hasText(goal.unit)) return pass;
    if (detailed) return warn('Say what you count: add a unit, such as "recruits" or "USD".');
    if (hasText(goal.unit))
      return warn(
        'Spell out what, for whom and where in the title, e.g. "Recruit 12 distributors from my warm market".',
      );
    return fail('Rewrite the title as a concrete result (what, for whom, where) and add the unit you count it in.');
  },

  measurable(goal) {
    if (goal.target !== null && hasText(goal.unit)) return pass;
    if (goal.target !== null) return warn('Add a unit to the target, such as "calls" or "USD".');
    return fail('Add a target number and a unit, e.g. target 12, unit "recruits".');
  },

  achievable(goal, { activities }) {
    if (goal.hoursPerWeek === null || goal.hoursPerWeek <= 0)
      return warn('Say how many hours a week you can give this goal, so the plan can be checked against them.');
    if (activities === null || activities.count === 0)
      return warn(
        `Link the activities that drive this goal, each with a target rate and minutes per unit, so their hours can be checked against your ${formatNumber(goal.hoursPerWeek)} h a week.`,
      );
    if (activities.hoursPerWeek > goal.hoursPerWeek)
      return fail(
        `The linked activities take ${formatNumber(activities.hoursPerWeek, 1)} h a week but you have ${formatNumber(goal.hoursPerWeek)} h: ` +
          'lower their rates, move the deadline, lower the target or find more hours.',
      );
    return pass;
  },

  relevant(goal) {
    if (goal.level === 'dream' || goal.parentId !== null) return pass;
    return warn('Link it to the bigger goal or long-term dream it leads to (a parent goal).');
  },

  'time-bound'(goal) {
    if (goal.deadline === null) return fail('Set a deadline: the date by which the target is met.');
    if (goal.startDate === null) return warn('Set a start date, so progress can be paced from it.');
    const span = daysBetween(goal.startDate, goal.deadline);
    if (span <= 0) return fail('Move the deadline after the start date.');
    if (span < SHORTEST_SPAN_DAYS)
      return warn('The deadline is less than a week after the start: give yourself a realistic runway.');
    if (span > LONGEST_SPAN_DAYS && goal.level !== 'dream')
      return warn('The deadline is more than three years away: break it into a yearly or quarterly goal.');
    return pass;
  },

  systematized(goal) {
    if (hasText(goal.systems)) return pass;
    return warn('Name the systems you will use: scripts, templates, schedules or tools.');
  },

  meaningful(goal) {
    if (wordCount(goal.why) >= 4) return pass;
    if (hasText(goal.why)) return warn('Say more about why: which dream or way of life does this goal serve?');
    return fail('Write why this goal matters to you: the dream or lifestyle it serves.');
  },

  'activity-based'(_goal, { activities }) {
    if (activities !== null && activities.count > 0) return pass;
    return warn(
      'Link the income-producing activities that move this goal, each with a target rate, e.g. "10 calls a day".',
    );
  },

  responsible(goal) {
    if (hasText(goal.partner)) return pass;
    return warn('Name an accountability partner who will see your progress.');
  },

  'track-able'(goal, { today, dataPointCount, lastDataPointDate }) {
    if (goal.target === null || !hasText(goal.unit))
      return fail('Give it something to track: a target number and a unit.');
    const started = goal.startDate !== null && daysBetween(goal.startDate, today) > STALE_TRACKING_DAYS;
    if (started && dataPointCount === 0)
      return warn(`Nothing logged since the start: log progress at least every ${STALE_TRACKING_DAYS} days.`);
    if (lastDataPointDate !== null && daysBetween(lastDataPointDate, today) > STALE_TRACKING_DAYS)
      return warn(`Nothing logged in over ${STALE_TRACKING_DAYS} days: log where you stand now.`);
    return pass;
  },
};

const points: Record<CheckStatus, number> = { pass: 10, warn: 5, fail: 0 };

/**
 * Scores a goal on the ten SMARTER dimensions, each with a fix a person can act on.
 *
 * @example
 * checkGoal({ title: 'Get fit', ... }, context).dimensions[1] // { key: 'measurable', status: 'fail', fix: 'Add a target number...' }
 */
export function checkGoal(goal: CheckedGoal, context: GoalCheckContext): GoalCheck {
  const dimensions = goalDimensions.map((key) => ({ key, ...rules[key](goal, context) }));
  const score = dimensions.reduce((total, { status }) => total + points[status], 0);
  return { score, dimensions };
}

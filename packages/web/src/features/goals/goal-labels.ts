import type {
  Aggregate,
  Direction,
  GoalDimension,
  GoalLevel,
  GoalSourceKind,
  OutcomeKind,
  PaceStatus,
  Weekday,
} from '@bigrock/core';

// Plain words for the domain's enum values; a Record makes the compiler catch a value added in core.

export const levelLabels: Record<GoalLevel, string> = {
  dream: 'Dream',
  yearly: 'Yearly',
  quarterly: 'Quarterly',
  monthly: 'Monthly',
};

export const aggregateLabels: Record<Aggregate, string> = {
  sum: 'Add them up',
  last: 'Keep the latest',
  max: 'Keep the highest',
  count: 'Count the entries',
};

export const directionLabels: Record<Direction, string> = {
  up: 'Up (more is better)',
  down: 'Down (less is better)',
};

export const sourceKindLabels: Record<GoalSourceKind, string> = {
  manual: 'I log it by hand',
  activity: 'The counts logged on an activity',
  hours: 'Hours of time tracked',
  outcome: 'Outcomes (revenue, clients, leads)',
};

export const outcomeKindLabels: Record<OutcomeKind, string> = {
  revenue: 'Revenue',
  client: 'Clients',
  lead: 'Leads',
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

export const dimensionLabels: Record<GoalDimension, string> = {
  specific: 'Specific',
  measurable: 'Measurable',
  achievable: 'Achievable',
  relevant: 'Relevant',
  'time-bound': 'Time-bound',
  systematized: 'Systematized',
  meaningful: 'Meaningful',
  'activity-based': 'Activity-based',
  responsible: 'Responsible',
  'track-able': 'Track-able',
};

export const paceStatusLabels: Record<PaceStatus, string> = {
  ahead: 'ahead',
  'on-track': 'on track',
  behind: 'behind',
};

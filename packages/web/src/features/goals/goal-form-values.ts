import type {
  Aggregate,
  CalendarDate,
  CheckedGoal,
  CreateGoalInput,
  Direction,
  Goal,
  GoalLevel,
  GoalSource,
  GoalSourceKind,
  OutcomeKind,
  UpdateGoalInput,
  Weekday,
} from '@bigrock/core';

/** The source of a goal as the form holds it: every kind's fields, so switching kinds loses nothing typed. */
export interface GoalSourceForm {
  kind: GoalSourceKind;
  activityId: string;
  hoursOn: 'activity' | 'tag';
  hoursActivity: string;
  tag: string;
  outcome: OutcomeKind;
  /** For outcomes: '' for every channel. */
  channel: string;
}

export const manualSourceForm: GoalSourceForm = {
  kind: 'manual',
  activityId: '',
  hoursOn: 'activity',
  hoursActivity: '',
  tag: '',
  outcome: 'revenue',
  channel: '',
};

export function sourceToForm(source: GoalSource): GoalSourceForm {
  switch (source.kind) {
    case 'manual':
      return manualSourceForm;
    case 'activity':
      return { ...manualSourceForm, kind: 'activity', activityId: source.activityId };
    case 'hours':
      return {
        ...manualSourceForm,
        kind: 'hours',
        hoursOn: source.tag === null ? 'activity' : 'tag',
        hoursActivity: source.activity ?? '',
        tag: source.tag ?? '',
      };
    case 'outcome':
      return { ...manualSourceForm, kind: 'outcome', outcome: source.outcome, channel: source.channel ?? '' };
  }
}

/**
 * The source the form describes. A source of another kind than outcomes credited to an activity
 * is kept as it was (`current`): the form offers channels only.
 */
export function formToSource(form: GoalSourceForm, current?: GoalSource): GoalSource {
  switch (form.kind) {
    case 'manual':
      return { kind: 'manual' };
    case 'activity':
      return { kind: 'activity', activityId: form.activityId };
    case 'hours':
      return form.hoursOn === 'tag'
        ? { kind: 'hours', activity: null, tag: form.tag }
        : { kind: 'hours', activity: form.hoursActivity, tag: null };
    case 'outcome':
      if (form.channel === '' && current?.kind === 'outcome' && current.outcome === form.outcome && current.activity) {
        return current;
      }
      return {
        kind: 'outcome',
        outcome: form.outcome,
        channel: form.channel === '' ? null : form.channel,
        activity: null,
      };
  }
}

/** What the goal form holds: text as typed, so that a half-typed number is not lost. */
export interface GoalFormValues {
  title: string;
  level: GoalLevel | '';
  unit: string;
  aggregate: Aggregate;
  direction: Direction;
  baseline: string;
  target: string;
  startDate: string;
  deadline: string;
  why: string;
  parentId: string;
  systems: string;
  owner: string;
  partner: string;
  source: GoalSourceForm;
  hoursPerWeek: string;
  daysOff: Weekday[];
}

export type GoalFormField = keyof GoalFormValues;
export type GoalFormErrors = Partial<Record<GoalFormField, string>>;

/** The label of each field, also used to name the field in error messages. */
export const goalFieldLabels: Record<GoalFormField, string> = {
  title: 'Title',
  level: 'Level',
  unit: 'Unit',
  aggregate: 'How logged values add up',
  direction: 'Better when the number goes',
  baseline: 'Baseline',
  target: 'Target',
  startDate: 'Start date',
  deadline: 'Deadline',
  why: 'Why it matters',
  parentId: 'Parent goal',
  systems: 'Systems',
  owner: 'Owner',
  partner: 'Accountability partner',
  source: 'Where the numbers come from',
  hoursPerWeek: 'Hours per week',
  daysOff: 'Days off',
};

export function isGoalFormField(name: string): name is GoalFormField {
  return Object.hasOwn(goalFieldLabels, name);
}

/** A new goal starts today, adds up what is logged and counts upward, like most goals. */
export function newGoalForm(today: CalendarDate): GoalFormValues {
  return {
    title: '',
    level: '',
    unit: '',
    aggregate: 'sum',
    direction: 'up',
    baseline: '0',
    target: '',
    startDate: today,
    deadline: '',
    why: '',
    parentId: '',
    systems: '',
    owner: '',
    partner: '',
    source: manualSourceForm,
    hoursPerWeek: '',
    daysOff: [],
  };
}

const text = (value: string | null) => value ?? '';
const numberText = (value: number | null) => (value === null ? '' : String(value));

export function goalToForm(goal: Goal): GoalFormValues {
  return {
    title: goal.title,
    level: goal.level ?? '',
    unit: text(goal.unit),
    aggregate: goal.aggregate,
    direction: goal.direction,
    baseline: String(goal.baseline),
    target: numberText(goal.target),
    startDate: text(goal.startDate),
    deadline: text(goal.deadline),
    why: text(goal.why),
    parentId: text(goal.parentId),
    systems: text(goal.systems),
    owner: text(goal.owner),
    partner: text(goal.partner),
    source: sourceToForm(goal.source),
    hoursPerWeek: numberText(goal.hoursPerWeek),
    daysOff: goal.daysOff,
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A number input gives text; empty means "not set". */
function toNumber(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** The goal as the check sees it, so the check panel can score the form while it is typed. */
export function formToCheckedGoal(values: GoalFormValues): CheckedGoal {
  return {
    title: values.title,
    level: values.level === '' ? null : values.level,
    unit: orNull(values.unit),
    target: toNumber(values.target),
    startDate: orNull(values.startDate),
    deadline: orNull(values.deadline),
    why: orNull(values.why),
    parentId: orNull(values.parentId),
    systems: orNull(values.systems),
    owner: orNull(values.owner),
    partner: orNull(values.partner),
    hoursPerWeek: toNumber(values.hoursPerWeek),
  };
}

/** Every field, with null for the ones left empty: on edit, null clears a field. */
export function formToUpdateInput(values: GoalFormValues, current?: GoalSource): UpdateGoalInput {
  return {
    ...formToCheckedGoal(values),
    // The baseline cannot be null: an emptied baseline means the default, zero.
    baseline: toNumber(values.baseline) ?? 0,
    aggregate: values.aggregate,
    direction: values.direction,
    source: formToSource(values.source, current),
    daysOff: values.daysOff,
  };
}

/**
 * Only the fields that were filled in. An empty one is left undefined, which JSON leaves out, so
 * the server applies its default: a start date left empty becomes today, not "no start date".
 */
export function formToCreateInput(values: GoalFormValues): CreateGoalInput {
  const goal = formToCheckedGoal(values);
  const ifSet = <T>(value: T | null): T | undefined => value ?? undefined;
  return {
    title: values.title,
    level: ifSet(goal.level),
    unit: ifSet(goal.unit),
    aggregate: values.aggregate,
    direction: values.direction,
    baseline: ifSet(toNumber(values.baseline)),
    target: ifSet(goal.target),
    startDate: ifSet(goal.startDate),
    deadline: ifSet(goal.deadline),
    why: ifSet(goal.why),
    parentId: ifSet(goal.parentId),
    systems: ifSet(goal.systems),
    owner: ifSet(goal.owner),
    partner: ifSet(goal.partner),
    source: formToSource(values.source),
    hoursPerWeek: ifSet(goal.hoursPerWeek),
    daysOff: values.daysOff.length > 0 ? values.daysOff : undefined,
  };
}

/** The goals that may be this goal's parent: any but itself and the goals below it (that would be a loop). */
export function parentCandidates(goals: readonly Goal[], goalId: string | undefined): Goal[] {
  if (goalId === undefined) return [...goals];
  const parentOf = new Map(goals.map((goal) => [goal.id, goal.parentId]));
  const isBelow = (id: string): boolean => {
    const seen = new Set<string>();
    for (let current: string | null | undefined = id; current != null && !seen.has(current);) {
      if (current === goalId) return true;
      seen.add(current);
      current = parentOf.get(current);
    }
    return false;
  };
  return goals.filter((goal) => !isBelow(goal.id));
}

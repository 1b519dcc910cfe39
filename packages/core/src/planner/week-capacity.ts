import type { ActivityClass } from '../activities/activity.js';
import { formatNumber } from '../format/format-number.js';
import type { BlockKind, WeekBlock } from './planner.js';

/** An activity as capacity sees it: its class, and the hours a week its target rate takes (0 without one). */
export interface CapacityActivity {
  name: string;
  activityClass: ActivityClass;
  targetHoursPerWeek: number;
}

/** A solved funnel: the hours a week each stage's activity needs (its solver's stages). */
export interface CapacityFunnel {
  name: string;
  stages: Array<{ activity: string; hoursPerWeek: number }>;
}

/** The planned hours of one activity, or of one kind of block. */
export interface PlannedHours {
  activity: string | null;
  kind: BlockKind | null;
  plannedHours: number;
}

export interface ActivityNeed {
  activity: string;
  /** The most of what its target rate and the funnels' stages need. */
  neededHours: number;
  plannedHours: number;
  shortHours: number;
}

export interface FunnelNeed {
  funnel: string;
  activities: string[];
  neededHours: number;
  plannedHours: number;
  shortHours: number;
  message: string;
}

export interface CutSuggestion {
  activity: string | null;
  kind: BlockKind | null;
  hours: number;
  why: string;
}

export interface WeekCapacity {
  /** Hours of the blocks that are not breaks and not skipped. */
  plannedHours: number;
  hoursAvailable: number;
  /** The plan fits the hours available and keeps what every target and funnel needs. */
  fits: boolean;
  planned: PlannedHours[];
  activities: ActivityNeed[];
  funnels: FunnelNeed[];
  /** What does not fit, in sentences. */
  problems: string[];
  /** What to cut first when the plan does not fit, until it does: wasters first. */
  cut: CutSuggestion[];
}

const HOUR_MS = 3_600_000;
const EPSILON = 1e-9;
const round = (value: number) => Math.round(value * 100) / 100;
const key = (name: string) => name.trim().toLowerCase();
const hours = (value: number) => `${formatNumber(value)} h`;
const listed = (names: readonly string[]) => new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);

type CapacityBlock = Pick<WeekBlock, 'activity' | 'kind' | 'startMs' | 'endMs' | 'skipped'>;

/**
 * A week's planned hours against the hours available and against what the activities' target
 * rates and the funnels' solved rates need: "The funnel "Warm market" needs 9.75 h a week of
 * calls, appointments and recruits; the plan keeps 6 h for them." When the plan does not fit, what
 * to cut first: waste activities, then admin, meetings and batch windows, then supporting
 * activities, then income activities beyond their need, each the largest first.
 *
 * @example
 * weekCapacity({ blocks, hoursAvailable: 40, activities, funnels }).funnels[0].message
 */
export function weekCapacity(input: {
  blocks: readonly CapacityBlock[];
  hoursAvailable: number;
  activities: readonly CapacityActivity[];
  funnels: readonly CapacityFunnel[];
}): WeekCapacity {
  const { blocks, hoursAvailable, activities, funnels } = input;
  const planned = new Map<string, PlannedHours>();
  for (const block of blocks) {
    if (block.skipped || block.kind === 'break') continue;
    const id = block.activity === null ? `kind:${block.kind ?? ''}` : `activity:${key(block.activity)}`;
    const found = planned.get(id) ?? {
      activity: block.activity,
      kind: block.activity === null ? block.kind : null,
      plannedHours: 0,
    };
    found.plannedHours += (block.endMs - block.startMs) / HOUR_MS;
    planned.set(id, found);
  }
  const plannedOf = (name: string) => planned.get(`activity:${key(name)}`)?.plannedHours ?? 0;
  const plannedHours = [...planned.values()].reduce((total, item) => total + item.plannedHours, 0);

  // Each activity's need: the most of its own target and of what the funnels' stages ask of it.
  const needs = new Map<string, { activity: string; neededHours: number }>();
  const need = (activity: string, value: number) => {
    if (!(value > EPSILON)) return;
    const found = needs.get(key(activity)) ?? { activity, neededHours: 0 };
    found.neededHours = Math.max(found.neededHours, value);
    needs.set(key(activity), found);
  };
  for (const activity of activities) need(activity.name, activity.targetHoursPerWeek);
  const stageHours = new Map<string, number>();
  for (const funnel of funnels)
    for (const stage of funnel.stages)
      stageHours.set(key(stage.activity), (stageHours.get(key(stage.activity)) ?? 0) + stage.hoursPerWeek);
  for (const funnel of funnels)
    for (const stage of funnel.stages) need(stage.activity, stageHours.get(key(stage.activity)) ?? 0);

  const activityNeeds: ActivityNeed[] = [...needs.values()].map(({ activity, neededHours }) => {
    const have = plannedOf(activity);
    return {
      activity,
      neededHours: round(neededHours),
      plannedHours: round(have),
      shortHours: round(Math.max(0, neededHours - have)),
    };
  });
  const funnelNeeds: FunnelNeed[] = funnels.map((funnel) => {
    const stages = funnel.stages.filter((stage) => stage.hoursPerWeek > EPSILON);
    const neededHours = stages.reduce((total, stage) => total + stage.hoursPerWeek, 0);
    const have = stages.reduce((total, stage) => total + plannedOf(stage.activity), 0);
    const names = stages.map((stage) => stage.activity);
    return {
      funnel: funnel.name,
      activities: names,
      neededHours: round(neededHours),
      plannedHours: round(have),
      shortHours: round(Math.max(0, neededHours - have)),
      message:
        names.length === 0
          ? `The funnel "${funnel.name}" needs no hours: its stages have no minutes per unit.`
          : `The funnel "${funnel.name}" needs ${hours(round(neededHours))} a week of ${listed(names)}; the plan keeps ${hours(round(have))} for them.`,
    };
  });

  const problems: string[] = [];
  const over = plannedHours - hoursAvailable;
  if (over > EPSILON)
    problems.push(
      `The plan takes ${hours(round(plannedHours))} but ${hours(hoursAvailable)} are available: something must go (${hours(round(over))}).`,
    );
  for (const funnel of funnelNeeds) if (funnel.shortHours > 0) problems.push(funnel.message);
  for (const activity of activityNeeds)
    if (
      activity.shortHours > 0 &&
      !funnelNeeds.some(
        (funnel) => funnel.shortHours > 0 && funnel.activities.some((name) => key(name) === key(activity.activity)),
      )
    )
      problems.push(
        `"${activity.activity}" needs ${hours(activity.neededHours)} a week for its target; the plan keeps ${hours(activity.plannedHours)}.`,
      );

  // Hours to free: what the plan takes beyond the hours available, plus what the needs lack
  // beyond the free hours left.
  const short = activityNeeds.reduce((total, activity) => total + activity.shortHours, 0);
  const toFree = Math.max(0, plannedHours + short - hoursAvailable);
  const cut = toFree > EPSILON ? cutSuggestions([...planned.values()], activities, needs, toFree) : [];
  if (toFree > EPSILON && cut.reduce((total, item) => total + item.hours, 0) + EPSILON < toFree)
    problems.push(
      `Cutting everything the targets do not need still leaves ${hours(round(toFree - cut.reduce((total, item) => total + item.hours, 0)))} too many: lower a target, or find more hours.`,
    );
  return {
    plannedHours: round(plannedHours),
    hoursAvailable,
    fits: problems.length === 0,
    planned: [...planned.values()].map((item) => ({ ...item, plannedHours: round(item.plannedHours) })),
    activities: activityNeeds,
    funnels: funnelNeeds,
    problems,
    cut,
  };
}

const kindOrder: Record<BlockKind, number> = { admin: 0, meetings: 1, 'batch-window': 2, 'deep-work': 3, break: 4 };

function cutSuggestions(
  planned: readonly PlannedHours[],
  activities: readonly CapacityActivity[],
  needs: ReadonlyMap<string, { neededHours: number }>,
  toFree: number,
): CutSuggestion[] {
  const classOf = (name: string) => activities.find((activity) => key(activity.name) === key(name))?.activityClass;
  const candidates = planned.flatMap((item): Array<CutSuggestion & { tier: number }> => {
    if (item.activity === null) {
      const kind = item.kind ?? 'admin';
      if (kind === 'deep-work') return [];
      return [
        {
          activity: null,
          kind,
          hours: item.plannedHours,
          why: `${kind} time: keep only what the week needs`,
          tier: 1 + kindOrder[kind] / 10,
        },
      ];
    }
    const spare = item.plannedHours - (needs.get(key(item.activity))?.neededHours ?? 0);
    if (spare <= EPSILON) return [];
    const activityClass = classOf(item.activity);
    if (activityClass === 'waste')
      return [
        { activity: item.activity, kind: null, hours: spare, why: 'a time waster: it only looks like work', tier: 0 },
      ];
    if (activityClass === 'supporting')
      return [{ activity: item.activity, kind: null, hours: spare, why: 'supporting, not income-producing', tier: 2 }];
    return [
      { activity: item.activity, kind: null, hours: spare, why: 'beyond what its target and funnels need', tier: 3 },
    ];
  });
  candidates.sort((a, b) => a.tier - b.tier || b.hours - a.hours);
  const cut: CutSuggestion[] = [];
  let left = toFree;
  for (const { tier: _tier, ...candidate } of candidates) {
    if (left <= EPSILON) break;
    const hoursCut = Math.min(candidate.hours, left);
    cut.push({ ...candidate, hours: round(hoursCut) });
    left -= hoursCut;
  }
  return cut;
}

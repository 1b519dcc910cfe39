import { formatColumns } from '../format/format-columns.js';
import { formatDay } from '../format/format-date.js';
import { formatNumber, formatPercent, type Locale } from '../format/format-number.js';
import { formatQuantity } from '../format/format-quantity.js';
import type { Adherence, BlockActual, PlanAgainstActual } from './plan-actual.js';
import type { TodayPlan, WeekPlan } from './planner-views.js';
import type { BigRock, WeekBlock } from './planner.js';
import type { WeekCapacity } from './week-capacity.js';

// The plan as plain text, one way for every place that prints it: `bigrock today` and `bigrock
// week`, whether the command computed the day itself or asked the running app for it.

const hours = (seconds: number, locale: Locale) => `${formatNumber(seconds / 3600, 2, locale)} h`;
const share = (value: number | null, locale: Locale) => (value === null ? '-' : formatPercent(value, locale));
const whatOf = (block: Pick<WeekBlock, 'activity' | 'kind'>) => block.activity ?? block.kind ?? '-';

function keptOf(actual: BlockActual | undefined, block: WeekBlock, locale: Locale): string {
  if (block.skipped) return 'skipped';
  if (block.kind === 'break') return '';
  if (actual === undefined || actual.adherence === null) return '';
  const tracked = actual.byActivity.map(({ activity, seconds }) => `${activity} ${hours(seconds, locale)}`).join(', ');
  return `${actual.kept ? 'kept' : 'broken'} ${share(actual.adherence, locale)}${tracked === '' ? '' : ` (${tracked})`}`;
}

/** The blocks as columns (time, what, note, kept or broken, id), under a heading per day when asked. */
export function blocksText(
  blocks: readonly WeekBlock[],
  actual: PlanAgainstActual,
  withDays: boolean,
  locale?: Locale,
): string {
  const actuals = new Map(actual.blocks.map((item) => [item.blockId, item]));
  let day = '';
  const rows: string[][] = [];
  for (const block of blocks) {
    if (withDays && block.date !== day) {
      day = block.date;
      rows.push([formatDay(block.date, locale), '', '', '', '']);
    }
    rows.push([
      `  ${block.start}-${block.end}`,
      whatOf(block),
      block.note ?? '',
      keptOf(actuals.get(block.id), block, locale),
      block.id,
    ]);
  }
  return formatColumns(rows);
}

/** `Adherence this week: 75% kept (3 h of 4 h)`, or that nothing planned has passed yet. */
export function adherenceText(label: string, adherence: Adherence, locale?: Locale): string {
  return adherence.adherence === null
    ? `${label}: nothing planned has passed yet`
    : `${label}: ${share(adherence.adherence, locale)} kept (${hours(adherence.keptSeconds, locale)} of ${hours(adherence.plannedSeconds, locale)})`;
}

/** `Call the ten warm leads (open, 90 min)`. */
export function rockText(rock: BigRock, locale?: Locale): string {
  const estimate = rock.estimateMinutes === null ? '' : `, ${formatQuantity(rock.estimateMinutes, 'min', 2, locale)}`;
  const state =
    rock.status === 'carried'
      ? `carried to ${formatDay(rock.carriedTo ?? rock.date, locale)}: ${rock.carryReason ?? ''}`
      : rock.status;
  return `${rock.title} (${state}${estimate})`;
}

/** The hours planned against those available, what the funnels need, and what to cut first. */
export function capacityText(capacity: WeekCapacity, notes: readonly string[], locale?: Locale): string {
  const lines = [
    `Capacity: ${formatNumber(capacity.plannedHours, 2, locale)} h planned of ${formatNumber(capacity.hoursAvailable, 2, locale)} h available${capacity.fits ? ', and it fits' : ''}`,
  ];
  for (const funnel of capacity.funnels) lines.push(`  ${funnel.message}`);
  for (const problem of capacity.problems.filter((text) => !capacity.funnels.some(({ message }) => message === text)))
    lines.push(`  ${problem}`);
  if (capacity.cut.length > 0) {
    lines.push('  Cut first:');
    for (const cut of capacity.cut)
      lines.push(`    ${cut.activity ?? cut.kind ?? ''}: ${formatNumber(cut.hours, 2, locale)} h, ${cut.why}`);
  }
  for (const note of notes) lines.push(`  ${note}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** A week of the plan: its blocks day by day, its big rocks, adherence and capacity. */
export function weekText(plan: WeekPlan, locale?: Locale): string {
  const first = plan.dates[0] ?? '';
  const last = plan.dates[6] ?? first;
  const source = plan.template === null ? '' : `, ${plan.made ? 'made from' : 'following'} ${plan.template}`;
  let text = `Week ${plan.week} (${formatDay(first, locale)} to ${formatDay(last, locale)}, ${plan.timeZone}${source})\n`;
  if (plan.blocks.length === 0)
    text += 'No blocks. Start from a template: bigrock week template list, then bigrock week template apply <name>\n';
  else text += blocksText(plan.blocks, plan.actual, true, locale);
  if (plan.rocks.length > 0) {
    text += 'Big rocks:\n';
    for (const rock of plan.rocks) text += `  ${formatDay(rock.date, locale)}  ${rockText(rock, locale)}\n`;
  }
  text += `${adherenceText('Adherence this week', plan.actual.week, locale)}\n`;
  return text + capacityText(plan.capacity, plan.notes, locale);
}

/** The day (`bigrock today`): its blocks, the big rock, what is behind, and yesterday's plan against actual. */
export function todayText(day: TodayPlan, locale?: Locale): string {
  let text = `${formatDay(day.date, locale)} (${day.week})\n`;
  text += `Big rock: ${day.rock === null ? 'none yet; set one with bigrock rock set "…"' : rockText(day.rock, locale)}\n`;
  if (!day.rockStart.allowed) text += `  ${day.rockStart.message}\n`;
  text += day.blocks.length === 0 ? 'No blocks today.\n' : blocksText(day.blocks, day.actual, false, locale);
  for (const activity of day.activitiesBehind)
    text += `Behind: ${activity.name}, ${formatQuantity(-activity.delta, activity.unit, 2, locale)} under the line (${formatNumber(activity.actual, 2, locale)} of ${formatNumber(activity.expected, 2, locale)})\n`;
  for (const goal of day.goalsBehind)
    text += `Behind: ${goal.title}, ${formatNumber(goal.actual, 2, locale)} of ${formatQuantity(goal.expected, goal.unit, 2, locale)} expected\n`;
  const { yesterday } = day;
  const kept = adherenceText('plan against actual', yesterday.actual.week, locale).replace('plan against actual: ', '');
  const rock = yesterday.rock === null ? '' : `; big rock ${rockText(yesterday.rock, locale)}`;
  return `${text}Yesterday (${formatDay(yesterday.date, locale)}): ${kept}${rock}\n`;
}

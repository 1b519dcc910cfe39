import type { Weekday } from '../goals/goal.js';
import type { BlockKind, WeekBlock } from './planner.js';
import type { PlanAgainstActual } from './plan-actual.js';

/** How often one block of the week was kept over several weeks. */
export interface BlockRecord {
  /** The template block it comes from, or its weekday, hours and contents for a block of one week. */
  key: string;
  weekday: Weekday;
  start: string;
  end: string;
  activity: string | null;
  kind: BlockKind | null;
  kept: number;
  broken: number;
  /** `kept` every time; `always-broken` when broken every time, twice or more; `broken` once and never kept; else `mixed`. */
  verdict: 'kept' | 'always-broken' | 'broken' | 'mixed';
}

type RecordBlock = Pick<
  WeekBlock,
  'id' | 'weekday' | 'start' | 'end' | 'activity' | 'kind' | 'templateBlockId' | 'skipped' | 'endMs'
>;

/**
 * Which blocks are kept and which are always broken, over weeks of plan against actual: each block
 * that has ended (not skipped, not a break) counts once, grouped by the template block it was made
 * from (a block of one week alone by its weekday, hours and contents). Always broken first, then
 * broken once, then mixed, then kept; within each, the most weeks first.
 *
 * @example blockRecords([{ blocks, actual }, …], nowMs)[0] // { weekday: 'mon', start: '13:00', kept: 0, broken: 3, verdict: 'always-broken' }
 */
export function blockRecords(
  weeks: ReadonlyArray<{ blocks: readonly RecordBlock[]; actual: PlanAgainstActual }>,
  nowMs: number,
): BlockRecord[] {
  const records = new Map<string, BlockRecord>();
  for (const { blocks, actual } of weeks) {
    const keptOf = new Map(actual.blocks.map((item) => [item.blockId, item.kept]));
    for (const block of blocks) {
      const kept = keptOf.get(block.id);
      if (block.skipped || block.kind === 'break' || block.endMs > nowMs || kept === null || kept === undefined)
        continue;
      const key =
        block.templateBlockId ??
        `${block.weekday} ${block.start}-${block.end} ${block.activity?.toLowerCase() ?? block.kind ?? ''}`;
      const record = records.get(key) ?? {
        key,
        weekday: block.weekday,
        start: block.start,
        end: block.end,
        activity: block.activity,
        kind: block.kind,
        kept: 0,
        broken: 0,
        verdict: 'mixed' as const,
      };
      if (kept) record.kept += 1;
      else record.broken += 1;
      records.set(key, record);
    }
  }
  const order = { 'always-broken': 0, broken: 1, mixed: 2, kept: 3 } as const;
  return [...records.values()]
    .map((record): BlockRecord => ({
      ...record,
      verdict:
        record.broken === 0 ? 'kept' : record.kept > 0 ? 'mixed' : record.broken >= 2 ? 'always-broken' : 'broken',
    }))
    .sort((a, b) => order[a.verdict] - order[b.verdict] || b.kept + b.broken - (a.kept + a.broken));
}

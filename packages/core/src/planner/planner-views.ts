import type { Weekday } from '../goals/goal.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { RockStart } from './big-rock.js';
import type { IsoWeek } from './iso-week.js';
import type { PlanAgainstActual } from './plan-actual.js';
import type { BigRock, BlockKind, WeekBlock } from './planner.js';
import type { WeekCapacity } from './week-capacity.js';

/** A template in the list: shipped with Bigrock, stored in the workspace, or both (a shipped one applied). */
export interface TemplateSummary {
  name: string;
  description: string | null;
  shipped: boolean;
  stored: boolean;
  /** The template new weeks are made from. */
  active: boolean;
  blocks: number;
  /** Hours a week of its blocks, breaks left out. */
  hoursPerWeek: number;
}

/** A template's blocks as shown (GET /planner/templates/:name). */
export interface TemplateView extends TemplateSummary {
  rows: Array<{
    /** The stored block's id; null for a shipped template not applied yet. */
    id: string | null;
    weekday: Weekday;
    start: string;
    end: string;
    activity: string | null;
    kind: BlockKind | null;
    note: string | null;
    every: number;
    from: CalendarDate | null;
    until: CalendarDate | null;
    except: CalendarDate[];
  }>;
}

/** A week of the plan (GET /planner/weeks/:week): its blocks and rocks, against what happened. */
export interface WeekPlan {
  week: IsoWeek;
  dates: CalendarDate[];
  timeZone: string;
  /**
   * Whether the week has been made (it then belongs to itself); until then its blocks are the active
   * template's, with ids `t.<template block id>.<date>` that a change to the block accepts.
   */
  made: boolean;
  template: string | null;
  blocks: WeekBlock[];
  rocks: BigRock[];
  actual: PlanAgainstActual;
  capacity: WeekCapacity;
  /** What the capacity could not count (a funnel that cannot be solved), in sentences. */
  notes: string[];
}

/** The day (GET /planner/today; `bigrock today`). */
export interface TodayPlan {
  date: CalendarDate;
  week: IsoWeek;
  blocks: WeekBlock[];
  actual: PlanAgainstActual;
  rock: BigRock | null;
  /** Whether today's rock may be started under the carry-over rule. */
  rockStart: RockStart;
  activitiesBehind: Array<{ id: string; name: string; unit: string; expected: number; actual: number; delta: number }>;
  goalsBehind: Array<{
    id: string;
    title: string;
    unit: string | null;
    expected: number;
    actual: number;
    delta: number;
  }>;
  yesterday: { date: CalendarDate; blocks: WeekBlock[]; actual: PlanAgainstActual; rock: BigRock | null };
  /** Tomorrow's big rock so far: the shutdown chooses it. */
  tomorrow: { date: CalendarDate; rock: BigRock | null };
}

import type { Weekday } from '../goals/goal.js';
import type { CalendarDate } from '../time/calendar-date.js';

/**
 * What a block of the week is for when it is not one activity: a batch window (seed 000's Monday
 * posts and invitations), deep work, admin, meetings, or a break.
 */
export const blockKinds = ['batch-window', 'deep-work', 'admin', 'meetings', 'break'] as const;
export type BlockKind = (typeof blockKinds)[number];

/** A big rock's state: open until done, or carried over to another day with a reason. */
export const rockStatuses = ['open', 'done', 'carried'] as const;
export type RockStatus = (typeof rockStatuses)[number];

/** How a block repeats in a template: every `every` weeks from `from`, up to `until`, but not on `except`. */
export interface BlockRecurrence {
  /** 1 for every week, 2 for every other week… */
  every: number;
  /** The first day the block may fall on: the anchor that "every 2 weeks" counts from. */
  from: CalendarDate;
  /** The last day it may fall on; null when it has no end. */
  until: CalendarDate | null;
  /** Days it is left out (a holiday). */
  except: CalendarDate[];
}

/** What a block holds: an activity (its id and name) or a kind, and a note. */
export interface BlockContent {
  activityId: string | null;
  /** The activity's name, as time entries name it; null for a kind block. */
  activity: string | null;
  kind: BlockKind | null;
  note: string | null;
}

/** A block of a weekly template: a weekday, local start and end ("09:00"), and how it repeats. */
export interface TemplateBlock extends BlockContent {
  id: string;
  weekday: Weekday;
  /** "HH:MM" on the workspace's clocks. */
  start: string;
  /** "HH:MM", after start; "24:00" for the end of the day. */
  end: string;
  recurrence: BlockRecurrence;
}

/** A weekly template: blocks that a week is made from. */
export interface WeekTemplate {
  id: string;
  name: string;
  description: string | null;
  /** The template new weeks are made from. */
  active: boolean;
  blocks: TemplateBlock[];
  createdAt: string;
  updatedAt: string;
}

/**
 * A block of one week, on a date: made from a template block (which it then no longer follows) or
 * added to the week alone. `startMs` and `endMs` are the instants of its local times in the
 * workspace's zone that day.
 */
export interface WeekBlock extends BlockContent {
  id: string;
  date: CalendarDate;
  weekday: Weekday;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  /** The template block it was made from; null for a block added to this week alone. */
  templateBlockId: string | null;
  /** Skipped blocks stay on the plan, out of its hours and its adherence. */
  skipped: boolean;
  /**
   * Busy time imported from a calendar (a meeting): fixed, counted in the capacity like any block,
   * and changed only by importing again; null for a block of the plan.
   */
  imported: ImportedBusy | null;
}

/** Where an imported block came from: its event's UID and RECURRENCE-ID, and the file's name. */
export interface ImportedBusy {
  key: string;
  from: string | null;
}

/** The one task of a day that matters most: tied to a goal or an activity, with an estimate. */
export interface BigRock {
  id: string;
  date: CalendarDate;
  title: string;
  goalId: string | null;
  activityId: string | null;
  estimateMinutes: number | null;
  status: RockStatus;
  /** Why it was carried over, and the day it went to. */
  carryReason: string | null;
  carriedTo: CalendarDate | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

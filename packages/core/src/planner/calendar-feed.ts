import { addDays, type CalendarDate } from '../time/calendar-date.js';
import { datesOfIsoWeek, isoWeekOf, type IsoWeek } from './iso-week.js';
import type { BigRock, BlockKind, WeekBlock } from './planner.js';

/** Weeks of the feed before this one, and from this one on (this one included): 4 past, 8 next. */
export const FEED_WEEKS_BEFORE = 4;
export const FEED_WEEKS_FROM_NOW = 8;

/** The ISO weeks a feed covers on a day, and their first and last dates. */
export interface FeedWindow {
  weeks: IsoWeek[];
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * The weeks of the calendar feed: the four before today's week, today's and the seven after
 * (twelve whole ISO weeks, so a week is never cut in two).
 *
 * @example feedWindow('2026-03-04').weeks[0] // '2026-W06'; .weeks.length // 12
 */
export function feedWindow(today: CalendarDate): FeedWindow {
  const monday = datesOfIsoWeek(isoWeekOf(today))[0] ?? today;
  const weeks = Array.from({ length: FEED_WEEKS_BEFORE + FEED_WEEKS_FROM_NOW }, (_, index) =>
    isoWeekOf(addDays(monday, (index - FEED_WEEKS_BEFORE) * 7)),
  );
  const from = addDays(monday, -FEED_WEEKS_BEFORE * 7);
  return { weeks, from, to: addDays(from, weeks.length * 7 - 1) };
}

const kindNames: Record<BlockKind, string> = {
  'batch-window': 'Batch window',
  'deep-work': 'Deep work',
  admin: 'Admin',
  meetings: 'Meetings',
  break: 'Break',
};

/** A block of the plan as the feed publishes it: with the UID it keeps, its change count and last change. */
export interface FeedBlock extends Pick<
  WeekBlock,
  'date' | 'activity' | 'kind' | 'note' | 'startMs' | 'endMs' | 'skipped'
> {
  uid: string;
  sequence: number;
  /** ISO instant of its last change. */
  changedAt: string;
}

/** A big rock as the feed publishes it. */
export type FeedRock = Pick<
  BigRock,
  'id' | 'date' | 'title' | 'status' | 'carriedTo' | 'carryReason' | 'estimateMinutes' | 'updatedAt'
> & {
  sequence: number;
};

/** One VEVENT of the feed, before it is written as iCalendar text. */
export interface FeedEvent {
  /** Unique across workspaces and stable across changes: derived from ids, never from content. */
  uid: string;
  /** Raised by every change of the block or rock, so calendar apps replace their copy. */
  sequence: number;
  /** DTSTAMP: when the event was last changed (RFC 5545 for a calendar without METHOD). */
  stampMs: number;
  summary: string;
  description: string | null;
  /** CANCELLED for a skipped block or a rock carried over to another day. */
  status: 'CONFIRMED' | 'CANCELLED';
  /** Instants in UTC, or a whole day (a big rock). */
  time: { kind: 'instants'; startMs: number; endMs: number } | { kind: 'day'; date: CalendarDate };
  /** A big rock marks the day, not the hours: it leaves the user free to calendars that book time. */
  transparent: boolean;
}

/**
 * The events of a feed: a block at its instants (UTC; a skipped block CANCELLED, so a calendar
 * that kept it strikes it out), a big rock as an all-day event of its day that books no time (a
 * rock has a date and an estimate, not a time; carried over it is CANCELLED, its next day having
 * its own). UIDs are the ids of blocks and rocks with the workspace, `@bigrock.invalid` (a domain
 * reserved never to be anyone's).
 *
 * @example feedEvents({ workspaceId: 'default', blocks: [block], rocks: [] })[0].uid // 'block.t.ab12.2026-03-02.default@bigrock.invalid'
 */
export function feedEvents(input: {
  workspaceId: string;
  blocks: readonly FeedBlock[];
  rocks: readonly FeedRock[];
}): FeedEvent[] {
  const uid = (what: string, id: string) => `${what}.${id}.${input.workspaceId}@bigrock.invalid`;
  const blocks = input.blocks.map((block): FeedEvent => ({
    uid: uid('block', block.uid),
    sequence: block.sequence,
    stampMs: Date.parse(block.changedAt),
    summary: block.activity ?? (block.kind === null ? 'Block' : kindNames[block.kind]),
    description: block.note,
    status: block.skipped ? 'CANCELLED' : 'CONFIRMED',
    time: { kind: 'instants', startMs: block.startMs, endMs: block.endMs },
    transparent: block.kind === 'break',
  }));
  const rocks = input.rocks.map((rock): FeedEvent => {
    const lines = [
      rock.estimateMinutes === null ? null : `Estimate: ${rock.estimateMinutes} min`,
      rock.status === 'done' ? 'Done.' : null,
      rock.status === 'carried'
        ? `Carried over to ${rock.carriedTo ?? 'another day'}: ${rock.carryReason ?? ''}`
        : null,
    ].filter((line) => line !== null);
    return {
      uid: uid('rock', rock.id),
      sequence: rock.sequence,
      stampMs: Date.parse(rock.updatedAt),
      summary: `Big rock: ${rock.title}${rock.status === 'done' ? ' (done)' : ''}`,
      description: lines.length === 0 ? null : lines.join('\n'),
      status: rock.status === 'carried' ? 'CANCELLED' : 'CONFIRMED',
      time: { kind: 'day', date: rock.date },
      transparent: true,
    };
  });
  return [...blocks, ...rocks].sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.uid.localeCompare(b.uid));
}

const startOf = (event: FeedEvent) =>
  event.time.kind === 'day' ? event.time.date : new Date(event.time.startMs).toISOString();

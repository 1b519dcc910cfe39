import { createZoneOffsets } from '../time/zoned-time.js';
import { spanSeconds } from '../tracking/time-buckets.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Tracked seconds of one local day, activity, source and set of tags (comma-separated, as stored). */
export interface DayCell {
  day: string;
  activity: string;
  source: string;
  tags: string;
  seconds: number;
}

/** Tracked seconds of one local hour of one day; `weekday` 1 (Monday) to 7 (Sunday). */
export interface HourCell {
  day: string;
  weekday: number;
  hour: number;
  seconds: number;
}

/** Tracked seconds of each local hour (0 to 23) of one day: one row a day, so an import writes few. */
export interface DayHours {
  day: string;
  weekday: number;
  seconds: number[];
}

/** A stopped entry as the rollups see it: instants in epoch milliseconds. */
export interface RollupEntry {
  activity: string;
  source: string;
  tags: string;
  startMs: number;
  endMs: number;
}

/**
 * Cuts `[startMs, endMs)` at the local hours of a zone and gives each piece's whole seconds to
 * `visit` with its local day (days since 1970-01-01) and hour. Seconds count by the second an
 * instant falls in (`spanSeconds`), so the pieces add up to exactly the entry's duration; a
 * daylight-saving day has 23 or 25 hours of pieces.
 *
 * @example createLocalHourSplitter('UTC')(0, 5_400_000, (day, hour, seconds) => …) // (0, 0, 3600), (0, 1, 1800)
 */
export function createLocalHourSplitter(
  zone: string,
): (startMs: number, endMs: number, visit: (dayNumber: number, hour: number, seconds: number) => void) => void {
  const offsetAt = createZoneOffsets(zone);
  return function split(startMs, endMs, visit) {
    let at = startMs;
    while (at < endMs) {
      const { offsetMs, untilMs } = offsetAt(at);
      const hourIndex = Math.floor((at + offsetMs) / HOUR_MS);
      const next = Math.min(endMs, untilMs, (hourIndex + 1) * HOUR_MS - offsetMs);
      const seconds = spanSeconds(at, next);
      if (seconds > 0) visit(Math.floor(hourIndex / 24), hourIndex - Math.floor(hourIndex / 24) * 24, seconds);
      at = next;
    }
  };
}

const dayNames = new Map<number, string>();
/** The calendar date of a day number (days since 1970-01-01). */
export function dayOfNumber(dayNumber: number): string {
  let name = dayNames.get(dayNumber);
  if (name === undefined) {
    name = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size > 100_000) dayNames.clear();
    dayNames.set(dayNumber, name);
  }
  return name;
}

/** 1 for Monday to 7 for Sunday; 1970-01-01 was a Thursday. */
const weekdayOfNumber = (dayNumber: number) => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

/**
 * Changes to the rollups, added up: what entries add (sign 1) or take away (sign −1). One
 * delta per write, or per batch of an import, so that each cell is written once.
 */
export class RollupDelta {
  readonly days = new Map<string, DayCell>();
  readonly hours = new Map<string, DayHours>();
  private readonly split: ReturnType<typeof createLocalHourSplitter>;

  constructor(zone: string) {
    this.split = splitterOf(zone);
  }

  /** Adds (sign 1) or takes away (sign −1) a stopped entry, clipped to `[clipStartMs, clipEndMs)` if given. */
  add(entry: RollupEntry, sign: 1 | -1 = 1, clipStartMs = -Infinity, clipEndMs = Infinity): this {
    const startMs = Math.max(entry.startMs, clipStartMs);
    const endMs = Math.min(entry.endMs, clipEndMs);
    let dayCell: DayCell | undefined;
    let dayNumberOfCell = Number.NaN;
    this.split(startMs, endMs, (dayNumber, hour, seconds) => {
      const day = dayOfNumber(dayNumber);
      if (dayNumber !== dayNumberOfCell) {
        const key = `${day}\u0000${entry.activity}\u0000${entry.source}\u0000${entry.tags}`;
        dayCell = this.days.get(key);
        if (dayCell === undefined) {
          dayCell = { day, activity: entry.activity, source: entry.source, tags: entry.tags, seconds: 0 };
          this.days.set(key, dayCell);
        }
        dayNumberOfCell = dayNumber;
      }
      if (dayCell !== undefined) dayCell.seconds += sign * seconds;
      let dayHours = this.hours.get(day);
      if (dayHours === undefined) {
        dayHours = { day, weekday: weekdayOfNumber(dayNumber), seconds: new Array<number>(24).fill(0) };
        this.hours.set(day, dayHours);
      }
      dayHours.seconds[hour] = (dayHours.seconds[hour] ?? 0) + sign * seconds;
    });
    return this;
  }

  /** The cells that change, those that came back to zero left out. */
  changedDays(): DayCell[] {
    return [...this.days.values()].filter((cell) => cell.seconds !== 0);
  }

  /** Each hour with a change, as a cell of its own. */
  changedHours(): HourCell[] {
    return this.changedDayHours().flatMap(({ day, weekday, seconds }) =>
      seconds.flatMap((value, hour) => (value === 0 ? [] : [{ day, weekday, hour, seconds: value }])),
    );
  }

  /** The days whose hours change, each with its 24 changes. */
  changedDayHours(): DayHours[] {
    return [...this.hours.values()].filter((row) => row.seconds.some((value) => value !== 0));
  }
}

const splitters = new Map<string, ReturnType<typeof createLocalHourSplitter>>();
/** One splitter per zone, kept: it learns the zone's offsets once, a year at a time. */
function splitterOf(zone: string): ReturnType<typeof createLocalHourSplitter> {
  let split = splitters.get(zone);
  if (split === undefined) {
    split = createLocalHourSplitter(zone);
    if (splitters.size > 64) splitters.clear();
    splitters.set(zone, split);
  }
  return split;
}

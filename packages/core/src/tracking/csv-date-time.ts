import type { WallClock } from '../time/zoned-time.js';

/** The orders a date's year, month and day come in, in the exports of the tools people use. */
export const dateOrders = ['YMD', 'MDY', 'DMY'] as const;
export type DateOrder = (typeof dateOrders)[number];

/** The date formats a user can name (`--date-format`). */
export const dateFormatNames = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'MM-DD-YYYY',
  'DD-MM-YYYY',
] as const;
export type DateFormatName = (typeof dateFormatNames)[number];

/** The order each named date format means. */
export const dateFormats: Record<DateFormatName, DateOrder> = {
  'YYYY-MM-DD': 'YMD',
  'MM/DD/YYYY': 'MDY',
  'DD/MM/YYYY': 'DMY',
  'DD.MM.YYYY': 'DMY',
  'MM-DD-YYYY': 'MDY',
  'DD-MM-YYYY': 'DMY',
};

export const dateOrderExamples: Record<DateOrder, string> = {
  YMD: 'YYYY-MM-DD',
  MDY: 'MM/DD/YYYY',
  DMY: 'DD/MM/YYYY or DD.MM.YYYY',
};

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const datePattern = /^(\d{1,4})([./-])(\d{1,2})\2(\d{2}|\d{4})\.?$/;

function isRealDate(year: number, month: number, day: number): boolean {
  // Years 0 to 999 are no one's time tracking, and Date.UTC would read 0001 as 1901.
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/**
 * Reads a date written in `order`: `2026-03-02`, `03/02/2026`, `02.03.2026`, two-digit years as
 * 20YY. Null when the text is not a real date in that order.
 *
 * @example parseDateParts('02.03.2026', 'DMY') // { year: 2026, month: 3, day: 2 }
 */
export function parseDateParts(value: string, order: DateOrder): DateParts | null {
  const match = datePattern.exec(value.trim());
  if (!match) return null;
  const [, a = '', , b = '', c = ''] = match;
  let parts: DateParts;
  if (a.length === 4) {
    // Year first is never ambiguous, whatever order the rest of the file uses.
    parts = { year: Number(a), month: Number(b), day: Number(c) };
  } else if (order === 'YMD') {
    return null;
  } else {
    parts =
      order === 'MDY'
        ? { year: fullYear(c), month: Number(a), day: Number(b) }
        : { year: fullYear(c), month: Number(b), day: Number(a) };
  }
  return isRealDate(parts.year, parts.month, parts.day) ? parts : null;
}

/**
 * The orders a date could be written in. A dotted date is day first by convention (`DD.MM.YYYY`);
 * `03/02/2026` could be either month or day first.
 *
 * @example dateOrderCandidates('03/02/2026') // ['MDY', 'DMY']
 * @example dateOrderCandidates('13/02/2026') // ['DMY']
 */
export function dateOrderCandidates(value: string): DateOrder[] {
  const match = datePattern.exec(value.trim());
  if (!match) return [];
  if ((match[1] ?? '').length === 4) return parseDateParts(value, 'YMD') ? ['YMD'] : [];
  if (match[2] === '.') return parseDateParts(value, 'DMY') ? ['DMY'] : [];
  return dateOrders.filter((order) => parseDateParts(value, order) !== null);
}

/**
 * Learns the date order of a file from its values: `03/02/2026` leaves both orders open,
 * `13/02/2026` settles day first. Values that fit no order are left to the row's own check.
 */
export class DateOrderDetector {
  private possible: DateOrder[] | null = null;

  observe(value: string): void {
    const candidates = dateOrderCandidates(value);
    if (candidates.length === 0) return;
    const narrowed = (this.possible ?? candidates).filter((order) => candidates.includes(order));
    // A file that contradicts itself keeps its first reading; its rows then fail with a clear error.
    if (narrowed.length > 0) this.possible = narrowed;
  }

  /** The order, once only one remains; null while none was seen or two still fit. */
  get decided(): DateOrder | null {
    return this.possible?.length === 1 ? (this.possible[0] ?? null) : null;
  }

  /** The order to settle on when the file never says: month first for slashes, as the US tools export. */
  get fallback(): DateOrder {
    return this.possible?.[0] ?? 'YMD';
  }
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const timePattern = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,3}))?)?\s*(?:([AaPp])\.?\s*[Mm]\.?)?$/;

/**
 * Reads a time of day, 24-hour or 12-hour: `09:00`, `17:45:30`, `9:00 AM`, `12:30:00 p.m.`.
 *
 * @example parseClockTime('01:00:00 PM') // { hour: 13, minute: 0, second: 0, millisecond: 0 }
 */
export function parseClockTime(value: string): ClockTime | null {
  const match = timePattern.exec(value.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  const millisecond = Number((match[4] ?? '').padEnd(3, '0'));
  const meridiem = match[5]?.toLowerCase();
  if (minute > 59 || second > 59) return null;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return { hour, minute, second, millisecond };
}

/**
 * Reads a duration: `01:30:00`, `1:30` (hours and minutes), `125:00:00`, or decimal hours `1.5`
 * or `1,5`. Null when it is none of these or negative.
 *
 * @example parseDurationSeconds('03:30:30') // 12630
 * @example parseDurationSeconds('0.75') // 2700
 */
export function parseDurationSeconds(value: string): number | null {
  const text = value.trim();
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    const minutes = Number(clock[2]);
    const seconds = Number(clock[3] ?? 0);
    if (minutes > 59 || seconds > 59) return null;
    return Number(clock[1]) * 3600 + minutes * 60 + seconds;
  }
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return Math.round(Number(text.replace(',', '.')) * 3600);
  return null;
}

/** A date and time read from one cell: an instant when it carried an offset, else a wall-clock reading. */
export type DateTimeReading = { kind: 'instant'; ms: number } | { kind: 'wall'; wall: WallClock };

const isoWithOffset = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a date and time from one cell: ISO 8601 (`2026-03-02T09:00:00Z`, with an offset, or
 * without one for a wall-clock reading), or a date in `order` followed by a time
 * (`03/02/2026 9:00 AM`).
 *
 * @example parseDateTime('02.03.2026 09:15', 'DMY') // { kind: 'wall', wall: { year: 2026, month: 3, day: 2, hour: 9, minute: 15, … } }
 */
export function parseDateTime(value: string, order: DateOrder): DateTimeReading | null {
  const text = value.trim();
  if (isoWithOffset.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(ms) ? null : { kind: 'instant', ms };
  }
  const split = /^([^\sT]+)(?:[T ]+(.+))?$/.exec(text);
  if (!split) return null;
  const date = parseDateParts(split[1] ?? '', order);
  if (!date) return null;
  const time = split[2] === undefined ? { hour: 0, minute: 0, second: 0, millisecond: 0 } : parseClockTime(split[2]);
  if (!time) return null;
  return { kind: 'wall', wall: { ...date, ...time } };
}

/** The date part of a cell holding a date and maybe a time, for learning the file's date order. */
export function datePartOf(value: string): string {
  return value.trim().split(/[T ]/, 1)[0] ?? '';
}

import { isCurrencyCode } from '../input/currency-code.js';
import { createWallClockConverter, type WallClock } from '../time/zoned-time.js';
import { readBillable, readCsvAmount } from './csv-billing.js';
import { currencyOfHeader, matchColumns, type ColumnMap, type CsvField } from './csv-columns.js';
import {
  dateOrderExamples,
  datePartOf,
  DateOrderDetector,
  parseClockTime,
  parseDateParts,
  parseDateTime,
  parseDurationSeconds,
  type DateOrder,
  type DateParts,
} from './csv-date-time.js';
import {
  cleanActivity,
  cleanNote,
  cleanTags,
  textTooLong,
  tooManyTags,
  type EntryBilling,
  type ImportIssue,
  type ImportRow,
} from './imported-entry.js';
import { readSpreadsheetText } from './spreadsheet-formula.js';
import { MAX_BILLABLE_RATE } from './time-entry.js';

export type CsvFormat = 'toggl' | 'clockify' | 'csv';

/** Which columns of a CSV give what, checked before the first row is read. */
export interface CsvPlan {
  format: CsvFormat;
  headers: string[];
  columns: ColumnMap;
}

/** Rows held while the file has not yet said whether 03/02 is March or February; beyond this, month first is assumed. */
export const DATE_ORDER_BUFFER_ROWS = 10_000;

/**
 * Checks the header row: the file must say when each entry starts, when it ends (or how long it
 * lasts) and, for a generic CSV, what it was. Returns the plan, or the problems with line 1.
 *
 * @example planCsvImport(['Project', 'Start date', 'Start time', 'Duration'], 'toggl', {}).plan?.columns.startDate // 1
 */
export function planCsvImport(
  headers: readonly string[],
  format: CsvFormat,
  mapping: Partial<Record<CsvField, string>>,
): { plan: CsvPlan | null; issues: ImportIssue[] } {
  const { columns, missing } = matchColumns(headers, mapping);
  const issues: ImportIssue[] = missing.map(({ field, header }) => ({
    line: 1,
    field: header,
    message: `The mapping names the column "${header}" for ${field}, but the header row has no such column. It has: ${headers.join(', ')}.`,
  }));
  const has = (field: CsvField) => columns[field] !== undefined;
  if (!has('startDate') && !has('start')) {
    issues.push({
      line: 1,
      field: 'start',
      message: `No column says when an entry starts. Name one "Start" (a date and time) or "Start date" and "Start time", or choose its column (--map start=<header> on the command line, Columns in the web app). The columns are: ${headers.join(', ')}.`,
    });
  }
  if (!has('endTime') && !has('end') && !has('duration') && !has('durationDecimal')) {
    issues.push({
      line: 1,
      field: 'end',
      message:
        'No column says when an entry ends or how long it lasts. Add "End" or "Duration", or choose its column (--map end=<header> on the command line, Columns in the web app).',
    });
  }
  if (format === 'csv' && !['activity', 'project', 'description', 'task'].some((field) => has(field as CsvField))) {
    issues.push({
      line: 1,
      field: 'activity',
      message:
        'No column names the activity. Name one "Activity" or "Project", or choose its column (--map activity=<header> on the command line, Columns in the web app).',
    });
  }
  return { plan: issues.length === 0 ? { format, headers: [...headers], columns } : null, issues };
}

function addDays(wall: WallClock, days: number): WallClock {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0 };

const wallOrder = (a: WallClock, b: WallClock) =>
  Date.UTC(a.year, a.month - 1, a.day, a.hour, a.minute, a.second, a.millisecond ?? 0) -
  Date.UTC(b.year, b.month - 1, b.day, b.hour, b.minute, b.second, b.millisecond ?? 0);

/**
 * Remembers what `read` made of each value: exports repeat the same dates and times row after
 * row, and a million rows hold only a few thousand of them. The answers are shared; never change them.
 */
function remembered<T>(read: (value: string) => T): (value: string) => T {
  const seen = new Map<string, T>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined || seen.has(value)) return known as T;
    const answer = read(value);
    if (seen.size >= 50_000) seen.clear();
    seen.set(value, answer);
    return answer;
  };
}

/** The tags of a row, and the first that is too long to store, with its column's header. */
interface RowTags {
  tags: string[];
  tooLong: { field: string; tag: string } | null;
}

/** The first text that is not empty, with its field; the last one's field when all are. */
function firstFilled(candidates: Array<[string, CsvField]>): [string, CsvField] {
  return candidates.find(([text]) => text !== '') ?? ['', candidates.at(-1)?.[1] ?? 'activity'];
}

class RowError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns CSV records into imported entries, for Toggl and Clockify detailed reports and any CSV
 * with known or mapped headers. Wall-clock times are read in `zone` (the tools export in the
 * user's zone). Until the file shows whether `03/02/2026` is month or day first, rows are held
 * back; `push` and `finish` return the rows that are ready.
 */
export class CsvEntryMapper {
  readonly warnings: ImportIssue[] = [];
  private readonly detector = new DateOrderDetector();
  private order: DateOrder | null;
  private held: Array<{ fields: string[]; line: number }> = [];
  private readonly toInstant: (wall: WallClock) => number;
  private readonly readClockTime = remembered(parseClockTime);
  private readonly readDuration = remembered(parseDurationSeconds);
  private readonly cleanActivity = remembered(cleanActivity);
  private readonly tagCache = new Map<string, RowTags>();
  private readonly dateReaders = new Map<DateOrder, (value: string) => DateParts | null>();
  private readonly dateColumns: number[];
  private readonly lastColumn: number;

  constructor(
    private readonly plan: CsvPlan,
    options: { zone: string; dateOrder?: DateOrder },
  ) {
    this.order = options.dateOrder ?? null;
    this.toInstant = createWallClockConverter(options.zone);
    const { columns } = plan;
    this.dateColumns = [columns.startDate, columns.endDate, columns.start, columns.end].filter(
      (index): index is number => index !== undefined,
    );
    this.lastColumn = Math.max(...Object.values(columns).filter((index): index is number => index !== undefined));
  }

  push(fields: string[], line: number): ImportRow[] {
    if (this.order !== null) return [this.map(fields, line, this.order)];
    for (const index of this.dateColumns) this.detector.observe(datePartOf(fields[index] ?? ''));
    this.held.push({ fields, line });
    const decided = this.detector.decided;
    if (decided !== null) return this.release(decided);
    if (this.held.length >= DATE_ORDER_BUFFER_ROWS) return this.releaseWithFallback();
    return [];
  }

  finish(): ImportRow[] {
    return this.order === null ? this.releaseWithFallback() : [];
  }

  private releaseWithFallback(): ImportRow[] {
    const order = this.detector.fallback;
    if (order !== 'YMD' && this.held.length > 0) {
      this.warnings.push({
        line: this.held[0]?.line ?? 2,
        message: `Dates such as ${this.sampleDate()} read either way; they were read as ${dateOrderExamples[order]}. If that is wrong, import again with the date format named (--date-format on the command line, "Dates are written as" in the web app).`,
      });
    }
    return this.release(order);
  }

  private sampleDate(): string {
    const first = this.held[0];
    const index = this.dateColumns[0];
    return first && index !== undefined ? datePartOf(first.fields[index] ?? '') : '03/02/2026';
  }

  private release(order: DateOrder): ImportRow[] {
    this.order = order;
    const rows = this.held.map(({ fields, line }) => this.map(fields, line, order));
    this.held = [];
    return rows;
  }

  private map(fields: string[], line: number, order: DateOrder): ImportRow {
    try {
      return this.mapRow(fields, line, order);
    } catch (error) {
      if (error instanceof RowError)
        return { kind: 'issue', issue: { line, field: error.field, message: error.message } };
      throw error;
    }
  }

  /**
   * The tags of a row: its tags column, its client and its task, cleaned, and what of them is too
   * long to store (with the column it came from). A file has a few combinations, repeated row
   * after row, so each is worked out once. The answers are shared.
   */
  private tagsOf(tagsText: string, client: string, task: string): RowTags {
    // Length-prefixed, so that no combination of texts can pass for another.
    const key = `${tagsText.length}:${tagsText}${client.length}:${client}${task}`;
    let found = this.tagCache.get(key);
    if (found === undefined) {
      const fromColumn = tagsText === '' ? [] : cleanTags(tagsText.split(','));
      const sources: Array<{ field: CsvField; tags: string[] }> = [{ field: 'tags', tags: fromColumn }];
      if (client) sources.push({ field: 'client', tags: cleanTags([`client:${client}`]) });
      if (task) sources.push({ field: 'task', tags: cleanTags([`task:${task}`]) });
      const tags = cleanTags(sources.flatMap((source) => source.tags));
      let tooLong: RowTags['tooLong'] = null;
      for (const source of sources) {
        const tag = source.tags.find((text) => textTooLong('tag', text, '', 0) !== null);
        if (tag !== undefined) {
          tooLong = { field: this.header(source.field), tag };
          break;
        }
      }
      found = { tags, tooLong };
      if (this.tagCache.size >= 50_000) this.tagCache.clear();
      this.tagCache.set(key, found);
    }
    return found;
  }

  private cell(fields: readonly string[], field: CsvField): string {
    const index = this.plan.columns[field];
    // Bigrock's own export defuses formulas with an apostrophe (spreadsheet-formula.ts); read them back.
    return index === undefined ? '' : readSpreadsheetText((fields[index] ?? '').trim());
  }

  private header(field: CsvField): string {
    return this.plan.headers[this.plan.columns[field] ?? -1] ?? field;
  }

  private readDate(fields: readonly string[], field: 'startDate' | 'endDate', order: DateOrder) {
    const value = this.cell(fields, field);
    let read = this.dateReaders.get(order);
    if (read === undefined) {
      read = remembered((text) => parseDateParts(text, order));
      this.dateReaders.set(order, read);
    }
    const parts = read(value);
    if (parts === null) {
      throw new RowError(
        this.header(field),
        `${this.header(field)}: "${value}" is not a date (expected a date such as ${dateOrderExamples[order]}).`,
      );
    }
    return parts;
  }

  private readTime(fields: readonly string[], field: CsvField) {
    const value = this.cell(fields, field);
    const time = this.readClockTime(value);
    if (time === null) {
      throw new RowError(
        this.header(field),
        `${this.header(field)}: "${value}" is not a time of day (such as 09:30, 17:45:00 or 9:30 PM).`,
      );
    }
    return time;
  }

  private readDateTime(fields: readonly string[], field: 'start' | 'end', order: DateOrder): number | WallClock {
    const value = this.cell(fields, field);
    const reading = parseDateTime(value, order);
    if (reading === null) {
      throw new RowError(
        this.header(field),
        `${this.header(field)}: "${value}" is not a date and time (expected a date such as ${dateOrderExamples[order]}, then a time, or ISO 8601).`,
      );
    }
    return reading.kind === 'instant' ? reading.ms : reading.wall;
  }

  private mapRow(fields: string[], line: number, order: DateOrder): ImportRow {
    const { columns, format } = this.plan;
    if (fields.length <= this.lastColumn) {
      throw new RowError(
        this.plan.headers[fields.length] ?? 'row',
        `line ${line} has ${fields.length} fields where the header has ${this.plan.headers.length}: is the row cut short?`,
      );
    }

    // The start: a date column with a time column (or a "Start" holding the time), or one date-time column.
    let startWall: WallClock | null = null;
    let startMs: number;
    if (columns.startDate !== undefined) {
      const date = this.readDate(fields, 'startDate', order);
      const timeField: CsvField | null =
        columns.startTime !== undefined ? 'startTime' : columns.start !== undefined ? 'start' : null;
      const time = timeField === null ? midnight : this.readTime(fields, timeField);
      startWall = {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: time.hour,
        minute: time.minute,
        second: time.second,
        millisecond: time.millisecond,
      };
      startMs = this.toInstant(startWall);
    } else {
      const start = this.readDateTime(fields, 'start', order);
      if (typeof start === 'number') startMs = start;
      else {
        startWall = start;
        startMs = this.toInstant(start);
      }
    }

    const durationField: CsvField = this.cell(fields, 'duration') !== '' ? 'duration' : 'durationDecimal';
    const durationText = this.cell(fields, durationField);
    const durationSeconds = durationText === '' ? null : this.readDuration(durationText);
    if (durationText !== '' && durationSeconds === null) {
      throw new RowError(
        this.header(durationField),
        `${this.header(durationField)}: "${durationText}" is not a duration (such as 01:30:00 or 1.5).`,
      );
    }

    // The end: a time (on its own date, or on the start's day), a date-time, or start + duration.
    const endField: 'endTime' | 'end' = columns.endTime !== undefined ? 'endTime' : 'end';
    const endText = this.cell(fields, endField);
    const endHeader = this.header(endField);
    let endMs: number | null = null;
    if (endText !== '') {
      if (endField === 'endTime' || this.readClockTime(endText) !== null) {
        const time = this.readTime(fields, endField);
        const hasEndDate = columns.endDate !== undefined && this.cell(fields, 'endDate') !== '';
        const date = hasEndDate ? this.readDate(fields, 'endDate', order) : startWall;
        if (date === null)
          throw new RowError(endHeader, `${endHeader}: "${endText}" is a time without a date; add an end date.`);
        let endWall: WallClock = {
          year: date.year,
          month: date.month,
          day: date.day,
          hour: time.hour,
          minute: time.minute,
          second: time.second,
          millisecond: time.millisecond,
        };
        // Only a time, earlier than the start: the entry ran past midnight.
        if (!hasEndDate && startWall !== null && wallOrder(endWall, startWall) < 0) endWall = addDays(endWall, 1);
        endMs = this.toInstant(endWall);
      } else {
        const end = this.readDateTime(fields, 'end', order);
        endMs = typeof end === 'number' ? end : this.toInstant(end);
      }
    }
    if (endMs === null) {
      if (durationSeconds === null) throw new RowError(endHeader, `${endHeader}: empty; give an end or a duration.`);
      endMs = startMs + durationSeconds * 1000;
    } else if (durationSeconds !== null && Math.abs(endMs - startMs - durationSeconds * 1000) === 3_600_000) {
      // An hour off the duration the tool computed: a wall time in a daylight-saving change. Trust the duration.
      endMs = startMs + durationSeconds * 1000;
    }
    if (endMs < startMs) {
      throw new RowError(
        endHeader,
        `${endHeader}: the entry ends (${new Date(endMs).toISOString()}) before it starts (${new Date(startMs).toISOString()}).`,
      );
    }
    if (endMs === startMs) return { kind: 'skip', line, reason: 'lasts no time' };

    const project = this.cell(fields, 'project');
    const description = this.cell(fields, 'description');
    const task = this.cell(fields, 'task');
    const client = this.cell(fields, 'client');
    // The texts, and the columns they come from, to name one that is too long.
    const [activity, activityField] =
      format === 'csv'
        ? firstFilled([
            [this.cell(fields, 'activity'), 'activity'],
            [project, 'project'],
            [description, 'description'],
            [task, 'task'],
          ])
        : firstFilled([
            [project, 'project'],
            [description, 'description'],
            [task, 'task'],
            ['No project', 'project'],
          ]);
    if (activity === '')
      throw new RowError(this.header('activity'), 'The activity is empty: fill it in, or map another column to it.');
    const [note, noteField] =
      format === 'csv' && this.cell(fields, 'note') !== ''
        ? [this.cell(fields, 'note'), 'note' as const]
        : [activity === description ? null : description || null, 'description' as const];
    // Toggl and Clockify imports have always tagged the client (`client:Northwind`), and still do, so a
    // re-import of a file imported before matches; a CSV's client is the field only, so that
    // Bigrock's own export comes back as it left.
    const { tags, tooLong } = this.tagsOf(
      this.cell(fields, 'tags'),
      format === 'csv' ? '' : client,
      activity === task ? '' : task,
    );
    const cleanedActivity = this.cleanActivity(activity);
    const cleanedNote = cleanNote(note);
    const issue =
      textTooLong('activity', cleanedActivity, this.header(activityField), line) ??
      tooManyTags(tags, this.header('tags'), line) ??
      (tooLong && textTooLong('tag', tooLong.tag, tooLong.field, line)) ??
      textTooLong('note', cleanedNote, this.header(noteField), line);
    if (issue !== null) return { kind: 'issue', issue };
    const billing = this.billingOf(fields, line, client, project, (endMs - startMs) / 3_600_000);
    if ('issue' in billing) return { kind: 'issue', issue: billing.issue };

    const id = this.cell(fields, 'id');
    // Known by when it started and whose it is: keys in time order keep the provenance index cheap to fill.
    const key = id !== '' ? id : `${startMs}:${this.cell(fields, 'email') || this.cell(fields, 'user')}`;
    return {
      kind: 'entry',
      entry: {
        line,
        key,
        startMs,
        endMs,
        activity: cleanedActivity,
        tags,
        note: cleanedNote,
        source: 'import',
        billing: billing.billing,
      },
    };
  }

  /**
   * Client, project, billable and rate of a row. The rate is the file's rate column (Clockify's
   * `Billable Rate (USD)`, Toggl's `Hourly rate`); a Toggl file with only an amount (`Amount (USD)`)
   * gives it as amount ÷ hours, to the cent. A rate of 0 is no rate. The currency is the file's
   * currency column, else the one in the rate's or the amount's header.
   */
  private billingOf(
    fields: readonly string[],
    line: number,
    clientText: string,
    projectText: string,
    hours: number,
  ): { billing: EntryBilling } | { issue: ImportIssue } {
    const client = cleanNote(clientText.replace(/\s+/g, ' '));
    const project = cleanNote(projectText.replace(/\s+/g, ' '));
    const tooLong =
      textTooLong('client', client, this.header('client'), line) ??
      textTooLong('project', project, this.header('project'), line);
    if (tooLong !== null) return { issue: tooLong };

    const billableText = this.cell(fields, 'billable');
    const billable = readBillable(billableText);
    if (billable === null) {
      const field = this.header('billable');
      return {
        issue: { line, field, message: `${field}: "${billableText}" says neither yes nor no. Write Yes or No.` },
      };
    }

    const { columns } = this.plan;
    const rateField: CsvField | null =
      columns.rate !== undefined
        ? 'rate'
        : this.plan.format === 'toggl' && columns.amount !== undefined
          ? 'amount'
          : null;
    let rate: number | null = null;
    if (rateField !== null) {
      const text = this.cell(fields, rateField);
      const amount = readCsvAmount(text);
      if (amount !== null && !(Number.isFinite(amount) && amount >= 0 && amount <= MAX_BILLABLE_RATE)) {
        const field = this.header(rateField);
        return {
          issue: {
            line,
            field,
            message: `${field}: "${text}" is not an amount of money from 0 to ${MAX_BILLABLE_RATE.toLocaleString('en-US')} (such as 120.00).`,
          },
        };
      }
      if (amount !== null && amount > 0) {
        rate = rateField === 'rate' ? amount : hours > 0 ? Math.round((amount / hours) * 100) / 100 : null;
        if (rate !== null && rate > MAX_BILLABLE_RATE) rate = null;
      }
    }

    const currencyText = this.cell(fields, 'currency').toUpperCase();
    if (currencyText !== '' && !isCurrencyCode(currencyText)) {
      const field = this.header('currency');
      return {
        issue: {
          line,
          field,
          message: `${field}: "${currencyText}" is not an ISO 4217 currency code such as USD, EUR or JPY.`,
        },
      };
    }
    const fromHeader = rateField === null ? null : currencyOfHeader(this.header(rateField));
    const currency =
      currencyText !== '' ? currencyText : fromHeader !== null && isCurrencyCode(fromHeader) ? fromHeader : null;
    // A currency says what a rate is in: without a rate it says nothing.
    return { billing: { client, project, billable, rate, currency: rate === null ? null : currency } };
  }
}

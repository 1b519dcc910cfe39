import {
  checkImportedText,
  cleanImportedText,
  createWallClockConverter,
  instantToWallClock,
  isTimeZone,
  nulIssue,
  type ImportIssue,
  type ImportRow,
  type WallClock,
} from '@bigrock/core';
import ICAL from 'ical.js';

import { splitLines, ImportAbort } from './text-input.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;
type Recur = InstanceType<typeof ICAL.Recur>;

export interface IcsReadOptions {
  /** The zone of floating times, and of time zones the file names without defining them. */
  zone: string;
  /**
   * Occurrences are taken when they overlap [startMs, endMs); either end may be open, but a rule
   * that repeats without end needs `endMs`.
   */
  startMs: number | null;
  endMs: number | null;
  /** The limits on a rule's expansion; tests lower them. */
  limits?: Partial<typeof icsLimits>;
  /** Leave out events that do not make the user busy (TRANSP:TRANSPARENT): the planner's busy time. */
  busyOnly?: boolean;
}

export interface IcsReader {
  rows: AsyncGenerator<ImportRow[]>;
  warnings(): ImportIssue[];
}

export const icsLimits = {
  /** More occurrences than this in the range is a rule gone wrong (FREQ=SECONDLY), not a calendar. */
  occurrences: 100_000,
  /**
   * Occurrences before the range are worked out one by one too (ical.js cannot skip ahead), some
   * 10 to 60 µs each: more than this before `--from` is a rule gone wrong, and would take minutes.
   */
  before: 500_000,
  /**
   * Candidates a rule turns down in a row before it is taken for one that can never happen. The
   * rarest real rules miss a few thousand times (29 February, hourly: some 35,000).
   */
  misses: 100_000,
};
const BATCH = 1000;

const count = new Intl.NumberFormat('en-US');

/** A component of the file, as its lines (folded lines kept apart) and the line it starts on. */
interface Block {
  lines: string[];
  line: number;
}

const blockText = (block: Block) => block.lines.join('\r\n');
const propertyOf = (block: Block, name: string) =>
  block.lines.some((text) => new RegExp(`^${name}[;:]`, 'i').test(text));
const uidOf = (block: Block) =>
  block.lines
    .map((text) => /^UID(?:;[^:]*)?:(.*)$/i.exec(text)?.[1])
    .find((uid) => uid !== undefined)
    ?.trim() ?? '';

/**
 * The line of a property of a block's own component (not of one nested in it, such as a VALARM),
 * its `nth` occurrence; the block's first line when it is not there.
 */
function propertyLine(block: Block, name: string, nth = 0): number {
  const upperName = name.toUpperCase();
  let depth = 0;
  let seen = 0;
  for (const [index, text] of block.lines.entries()) {
    const upper = text.toUpperCase();
    if (upper.startsWith('BEGIN:')) depth++;
    else if (upper.startsWith('END:')) depth--;
    else if (depth === 1 && (upper.startsWith(`${upperName}:`) || upper.startsWith(`${upperName};`))) {
      if (seen++ === nth) return block.line + index;
    }
  }
  return block.line;
}

/** The text of an error from ical.js, as the end of a sentence. */
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');

/** A problem with one component of the file, that the others do not share. */
class BlockIssue extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.message);
  }
}

/** Where ical.js stopped: it names the text, not the line, so each line is parsed on its own. */
function locateParseError(block: Block, what: string, error: unknown): ImportIssue {
  const logical: Array<{ text: string; index: number }> = [];
  for (const [index, text] of block.lines.entries()) {
    const last = logical.at(-1);
    if (/^[ \t]/.test(text) && last !== undefined) last.text += text.slice(1);
    else logical.push({ text, index });
  }
  for (const { text, index } of logical) {
    if (/^(BEGIN|END):/i.test(text)) continue;
    try {
      ICAL.parse.property(text);
    } catch (lineError) {
      const line = block.line + index;
      return {
        line,
        field: /^([A-Za-z0-9-]+)/.exec(text)?.[1]?.toUpperCase(),
        message: `Line ${line} cannot be read (${reasonOf(lineError)}): ${JSON.stringify(text.slice(0, 60))}. Correct it, or export the calendar again.`,
      };
    }
  }
  return {
    line: block.line,
    message: `The ${what} starting on line ${block.line} cannot be read: ${reasonOf(error)}. Export the calendar again.`,
  };
}

/** Parses a block with ical.js; a line it cannot read is named. */
function parseBlock(block: Block, what: string): Component {
  try {
    return new ICAL.Component(ICAL.parse(blockText(block)) as unknown as unknown[]);
  } catch (error) {
    throw new BlockIssue(locateParseError(block, what, error));
  }
}

const utcOffset = /^[+-]\d{4}(\d{2})?$/;
const localDateTime = /^\d{8}T\d{6}$/;

/**
 * Checks a VTIMEZONE before ical.js relies on it: a TZID, and STANDARD or DAYLIGHT parts that
 * each say from when (DTSTART) and from which offset to which (TZOFFSETFROM, TZOFFSETTO). ical.js
 * would otherwise fail later, on some event, with "Cannot read properties of null".
 */
function checkTimeZone(block: Block): void {
  const fail = (line: number, field: string, problem: string): never => {
    throw new ImportAbort({
      line,
      field,
      message: `The time zone defined on line ${block.line} ${problem}. Export the calendar again, or remove the time zone from the file (its TZID is then read as an IANA name).`,
    });
  };
  let tzid: string | null = null;
  let part: { name: string; line: number; seen: Set<string> } | null = null;
  let parts = 0;
  for (const [index, text] of block.lines.entries()) {
    const line = block.line + index;
    const name = /^([A-Za-z0-9-]+)[;:]/.exec(text)?.[1]?.toUpperCase();
    if (name === undefined && !/^[ \t]/.test(text)) {
      fail(line, 'VTIMEZONE', `has a line that is not a property such as "TZOFFSETTO:+0100" (line ${line})`);
    }
    const value = text.slice(text.indexOf(':') + 1).trim();
    if (name === 'BEGIN' && (value.toUpperCase() === 'STANDARD' || value.toUpperCase() === 'DAYLIGHT')) {
      part = { name: value.toUpperCase(), line, seen: new Set() };
      parts++;
    } else if (name === 'END' && part !== null && value.toUpperCase() === part.name) {
      for (const needed of ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO']) {
        if (!part.seen.has(needed))
          fail(part.line, needed, `has a ${part.name} part (line ${part.line}) without ${needed}`);
      }
      part = null;
    } else if (part === null && name === 'TZID') {
      tzid = value;
    } else if (part !== null && name !== undefined) {
      part.seen.add(name);
      if ((name === 'TZOFFSETFROM' || name === 'TZOFFSETTO') && !utcOffset.test(value)) {
        fail(line, name, `has ${name}:${value.slice(0, 20)} on line ${line}, where an offset such as +0100 is meant`);
      }
      if (name === 'DTSTART' && !localDateTime.test(value)) {
        fail(
          line,
          name,
          `has DTSTART:${value.slice(0, 20)} on line ${line}, where a local time such as 19701025T030000 is meant`,
        );
      }
      if (name === 'RRULE') {
        try {
          ICAL.Recur.fromString(value);
        } catch (error) {
          fail(line, name, `has a rule on line ${line} that cannot be read (${reasonOf(error)})`);
        }
      }
    }
  }
  if (tzid === null || tzid === '') fail(block.line, 'TZID', 'has no TZID: events cannot name it');
  if (parts === 0) fail(block.line, 'VTIMEZONE', `("${tzid}") has no STANDARD or DAYLIGHT part: it gives no offset`);
}

/** The properties of an event whose values Bigrock reads; ical.js decodes a value when asked. */
const timeProperties = ['dtstart', 'dtend', 'duration', 'rrule', 'rdate', 'exdate', 'recurrence-id'] as const;

/**
 * Whether a date or date-time, as ical.js's parser writes it (`2026-02-30T09:00:00Z`), exists:
 * ical.js itself would roll 30 February over to 2 March without a word.
 */
function isRealDate(text: unknown): boolean {
  if (typeof text !== 'string') return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(text);
  if (match === null) return true; // Not a date: ical.js says what is wrong with it.
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  return (
    month !== undefined &&
    day !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= ICAL.Time.daysInMonth(month, year ?? 0) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60
  );
}

/** Decodes the values of an event's time properties, so that a bad one is named with its line. */
function checkTimes(component: Component, block: Block): ImportIssue | null {
  for (const name of timeProperties) {
    for (const [nth, property] of component.getAllProperties(name).entries()) {
      const field = name.toUpperCase();
      const line = propertyLine(block, name, nth);
      const text = JSON.stringify(block.lines[line - block.line]?.slice(0, 80) ?? field);
      let problem: string | null = null;
      try {
        const raw = (property.toJSON() as unknown[]).slice(3);
        const dates = raw.map((value) =>
          typeof value === 'object' && value !== null && 'until' in value ? value.until : value,
        );
        if (!dates.every(isRealDate)) problem = 'a day that does not exist';
        for (const value of property.getValues() as unknown[]) {
          if (value instanceof ICAL.Recur && value.interval < 1) problem = 'an INTERVAL below 1';
        }
      } catch (error) {
        problem = reasonOf(error);
      }
      if (problem !== null) {
        return {
          line,
          field,
          message: `${field}: ${text} cannot be read (${problem}). Correct it in the calendar it came from, and export it again.`,
        };
      }
    }
  }
  return null;
}

const isFloating = (time: Time) => !time.zone || time.zone.tzid === 'floating';

/**
 * Makes a rule that can never happen (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) fail, instead of
 * looping forever: ical.js looks for its next occurrence in a loop that only an occurrence
 * ends. Each iterator the rule makes counts the candidates it turns down in a row.
 */
function failWhenImpossible(rule: Recur, maxMisses: number, fail: () => never): void {
  const makeIterator = rule.iterator.bind(rule);
  rule.iterator = (start) => {
    const iterator = makeIterator(start);
    const check = iterator.check_contracting_rules.bind(iterator);
    let misses = 0;
    iterator.check_contracting_rules = () => {
      if (check()) misses = 0;
      else if (++misses > maxMisses) fail();
      return misses === 0;
    };
    return iterator;
  };
}

/**
 * Reads an iCalendar file as a stream of events (ical.js parses each one): time zones from the
 * file's VTIMEZONEs (or IANA names), recurring events expanded over the range with their
 * exceptions (RECURRENCE-ID) and exclusions (EXDATE), all-day and cancelled events left out.
 * Single events are handled as they come; recurring ones wait for the end of the file, where their
 * exceptions may be. Every problem is reported with its line, none ends in a crash.
 */
export function readIcs(text: AsyncIterable<string>, options: IcsReadOptions): IcsReader {
  const limits = { ...icsLimits, ...options.limits };
  const warnings: ImportIssue[] = [];
  const warnedZones = new Set<string>();
  const calendar = new ICAL.Component('vcalendar');

  /** The IANA zone of a TZID ical.js does not know: the name itself, or the import's zone. */
  function zoneOf(tzid: string | undefined, line: number): string {
    if (tzid === undefined) return options.zone;
    if (isTimeZone(tzid)) return tzid;
    if (!warnedZones.has(tzid)) {
      warnedZones.add(tzid);
      warnings.push({
        line,
        field: 'TZID',
        message: `The time zone "${tzid}" is neither defined in the file nor an IANA name; its times were read in ${options.zone}.`,
      });
    }
    return options.zone;
  }

  // A converter per zone: a rule expands to thousands of wall-clock times.
  const converters = new Map<string, (wall: WallClock) => number>();

  function toMs(time: Time, tzid: string | undefined, line: number): number {
    if (!isFloating(time)) return time.toUnixTime() * 1000;
    const zone = zoneOf(tzid, line);
    let convert = converters.get(zone);
    if (convert === undefined) {
      convert = createWallClockConverter(zone);
      converters.set(zone, convert);
    }
    return convert({
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    });
  }

  const tzidOf = (component: Component, name: string): string | undefined => {
    const tzid = component.getFirstProperty(name)?.getParameter('tzid');
    return typeof tzid === 'string' ? tzid : undefined;
  };

  function parse(block: Block): Component {
    const component = parseBlock(block, 'event');
    calendar.addSubcomponent(component);
    return component;
  }

  /**
   * When ical.js reads an event's start as floating (no TZID, or one the file does not define),
   * it repeats it on wall-clock times, rightly, but compares them with UTC instants as if they
   * were UTC: a rule whose UNTIL is its last start, in UTC, would lose that start. The times an
   * expansion compares with (UNTIL, EXDATE, RDATE, the exceptions' RECURRENCE-ID) are brought to
   * the start's wall clock first.
   */
  function alignToStart(master: Component, exceptions: Component[], line: number): void {
    const start = master.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time) || start.isDate || !isFloating(start)) return;
    const startTzid = tzidOf(master, 'dtstart');
    const zone = zoneOf(startTzid, line);
    const toStartClock = (time: Time, tzid: string | undefined): Time => {
      if (time.isDate || (isFloating(time) && (tzid === undefined || zoneOf(tzid, line) === zone))) return time;
      const wall = instantToWallClock(toMs(time, tzid, line), zone);
      return ICAL.Time.fromData({ ...wall, isDate: false }, ICAL.Timezone.localTimezone);
    };
    for (const property of master.getAllProperties('rrule')) {
      const rule = property.getFirstValue() as Recur;
      if (rule.until !== null) {
        rule.until = toStartClock(rule.until, undefined);
        property.setValue(rule);
      }
    }
    const retime = (component: Component, name: string) => {
      for (const property of component.getAllProperties(name)) {
        const tzid = property.getParameter('tzid');
        const values = (property.getValues() as unknown[]).map((value) =>
          value instanceof ICAL.Time ? toStartClock(value, typeof tzid === 'string' ? tzid : undefined) : value,
        );
        property.removeParameter('tzid');
        if (startTzid !== undefined) property.setParameter('tzid', startTzid);
        if (property.isMultiValue) property.setValues(values);
        else property.setValue(values[0]);
      }
    };
    retime(master, 'exdate');
    retime(master, 'rdate');
    for (const exception of exceptions) retime(exception, 'recurrence-id');
  }

  /** An occurrence or a single event as a row: left out when outside the range, all day or cancelled. */
  function entryOf(item: Event, start: Time, end: Time, key: string, block: Block): ImportRow {
    const { line } = block;
    const component = item.component;
    const startMs = toMs(start, tzidOf(component, 'dtstart'), line);
    const endMs = toMs(end, tzidOf(component, 'dtend') ?? tzidOf(component, 'dtstart'), line);
    if (options.startMs !== null && endMs <= options.startMs) return { kind: 'skip', line, reason: 'before the range' };
    if (options.endMs !== null && startMs >= options.endMs) return { kind: 'skip', line, reason: 'after the range' };
    if (start.isDate) return { kind: 'skip', line, reason: 'all-day event' };
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      return { kind: 'skip', line, reason: 'cancelled' };
    }
    if (options.busyOnly && String(component.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT') {
      return { kind: 'skip', line, reason: 'free time' };
    }
    if (endMs < startMs) {
      return {
        kind: 'issue',
        issue: {
          line: propertyLine(block, 'dtend'),
          field: 'DTEND',
          message: 'DTEND: the event ends before it starts.',
        },
      };
    }
    if (endMs === startMs) return { kind: 'skip', line, reason: 'lasts no time' };
    const categories = component.getAllProperties('categories').flatMap((property) => property.getValues().map(String));
    const description = component.getFirstPropertyValue('description');
    const texts = cleanImportedText({
      activity: item.summary || '(no title)',
      tags: categories,
      note: typeof description === 'string' ? description : null,
    });
    const tooLong = checkImportedText(texts, line, { activity: 'SUMMARY', tags: 'CATEGORIES', note: 'DESCRIPTION' });
    if (tooLong !== null) {
      const field = tooLong.field ?? 'SUMMARY';
      return { kind: 'issue', issue: { ...tooLong, line: propertyLine(block, field) } };
    }
    return { kind: 'entry', entry: { line, key, startMs, endMs, ...texts, source: 'calendar' } };
  }

  const noStart = (block: Block, recurring: boolean): ImportRow => ({
    kind: 'issue',
    issue: {
      line: block.line,
      field: 'DTSTART',
      message: `DTSTART: the ${recurring ? 'recurring event' : 'event'} starting on line ${block.line} has no start, so Bigrock cannot tell when it${recurring ? ' repeats' : ' happened'}. Add DTSTART, or export the calendar again.`,
    },
  });

  function single(block: Block): ImportRow {
    const component = parse(block);
    try {
      const problem = checkTimes(component, block);
      if (problem !== null) return { kind: 'issue', issue: problem };
      if (!component.hasProperty('dtstart')) return noStart(block, false);
      const event = new ICAL.Event(component);
      const uid = event.uid || `${block.line}`;
      const key = component.hasProperty('recurrence-id')
        ? `${uid}:${new Date(toMs(event.recurrenceId, tzidOf(component, 'recurrence-id'), block.line)).toISOString()}`
        : uid;
      return entryOf(event, event.startDate, event.endDate, key, block);
    } finally {
      calendar.removeSubcomponent(component);
    }
  }

  function* recurring(master: Block, exceptionBlocks: Block[]): Generator<ImportRow[]> {
    const component = parse(master);
    const parsed = exceptionBlocks.map((block) => ({ block, component: parse(block) }));
    try {
      const problem = checkTimes(component, master);
      if (problem !== null) {
        yield [{ kind: 'issue', issue: problem }];
        return;
      }
      if (!component.hasProperty('dtstart')) {
        yield [noStart(master, true)];
        return;
      }
      // An exception that cannot be read is reported; the others are related to their series.
      const exceptions: typeof parsed = [];
      const exceptionIssues: ImportRow[] = [];
      for (const exception of parsed) {
        const issue = checkTimes(exception.component, exception.block);
        if (issue !== null) exceptionIssues.push({ kind: 'issue', issue });
        else if (!exception.component.hasProperty('dtstart')) exceptionIssues.push(noStart(exception.block, false));
        else exceptions.push(exception);
      }
      if (exceptionIssues.length > 0) {
        yield exceptionIssues;
        return;
      }

      const rules = component.getAllProperties('rrule').map((property) => property.getFirstValue() as Recur);
      const summary = String(component.getFirstPropertyValue('summary') ?? '(no title)');
      if (options.endMs === null && rules.some((rule) => rule.count === null && rule.until === null)) {
        throw new ImportAbort({
          line: propertyLine(master, 'rrule'),
          field: 'RRULE',
          message: `The recurring event "${summary}" (line ${master.line}) repeats without end: give the last day to import, with --to on the command line (the To field in the web app).`,
        });
      }
      for (const rule of rules) {
        failWhenImpossible(rule, limits.misses, () => {
          throw new ImportAbort({
            line: propertyLine(master, 'rrule'),
            field: 'RRULE',
            message: `The recurring event "${summary}" (line ${master.line}) has a rule that finds no day in ${count.format(limits.misses)} tries: as written, it never happens. Correct it, or leave the event out of the file.`,
          });
        });
      }
      alignToStart(
        component,
        exceptions.map((exception) => exception.component),
        master.line,
      );
      const event = new ICAL.Event(component, {
        exceptions: exceptions.map((exception) => new ICAL.Event(exception.component)),
      });
      const uid = event.uid || `${master.line}`;
      const startTzid = tzidOf(component, 'dtstart');
      const blockOf = (item: Event) =>
        item === event
          ? master
          : (exceptions.find((exception) => exception.component === item.component)?.block ?? master);
      // Occurrences that end before the range, and that no exception moves, are counted and
      // passed over without working out their details: a rule may have years of them.
      const durationMs =
        toMs(event.endDate, tzidOf(component, 'dtend') ?? startTzid, master.line) -
        toMs(event.startDate, startTzid, master.line);
      const moved = new Set(
        exceptions.map(({ component: exception }) =>
          toMs(exception.getFirstPropertyValue('recurrence-id') as Time, startTzid, master.line),
        ),
      );
      const tooManyBefore = (): never => {
        throw new ImportAbort({
          line: propertyLine(master, 'rrule'),
          field: 'RRULE',
          message: `The recurring event "${summary}" (line ${master.line}) repeats more than ${count.format(limits.before)} times before the first day imported: its rule looks wrong. Correct it, or leave the event out of the file.`,
        });
      };
      const iterator = event.iterator();
      let inRange = 0;
      let before = 0;
      let batch: ImportRow[] = [];
      for (let next = iterator.next(); next; next = iterator.next()) {
        const nextMs = toMs(next, startTzid, master.line);
        if (options.endMs !== null && nextMs >= options.endMs) break;
        if (options.startMs !== null && nextMs + durationMs <= options.startMs && !moved.has(nextMs)) {
          if (++before > limits.before) tooManyBefore();
          batch.push({ kind: 'skip', line: master.line, reason: 'before the range' });
          if (batch.length >= BATCH) {
            yield batch;
            batch = [];
          }
          continue;
        }
        const details = event.getOccurrenceDetails(next);
        const recurrenceMs = toMs(details.recurrenceId, startTzid, master.line);
        const row = entryOf(
          details.item,
          details.startDate,
          details.endDate,
          `${uid}:${new Date(recurrenceMs).toISOString()}`,
          blockOf(details.item),
        );
        if (row.kind === 'skip' && row.reason === 'before the range') {
          if (++before > limits.before) tooManyBefore();
        } else if (++inRange > limits.occurrences) {
          throw new ImportAbort({
            line: propertyLine(master, 'rrule'),
            field: 'RRULE',
            message: `The recurring event "${summary}" (line ${master.line}) has more than ${count.format(limits.occurrences)} occurrences in the days imported: choose fewer days, with --from and --to on the command line (From and To in the web app).`,
          });
        }
        // One problem with a series' texts is enough to say: every occurrence has it.
        if (row.kind === 'issue') {
          yield [...batch, row];
          return;
        }
        batch.push(row);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      for (const exception of parsed) calendar.removeSubcomponent(exception.component);
      calendar.removeSubcomponent(component);
    }
  }

  const unreadable = (block: Block, error: unknown): ImportRow => ({
    kind: 'issue',
    issue: {
      line: block.line,
      message: `The event starting on line ${block.line} cannot be read: ${reasonOf(error)}. Export the calendar again.`,
    },
  });

  /** Rows of an event; what ical.js could not make of it becomes an issue with its line. */
  function* guarded(block: Block, rows: () => Iterable<ImportRow[]>): Generator<ImportRow[]> {
    try {
      yield* rows();
    } catch (error) {
      if (error instanceof ImportAbort) throw error;
      yield [error instanceof BlockIssue ? { kind: 'issue', issue: error.issue } : unreadable(block, error)];
    }
  }

  async function* rows(): AsyncGenerator<ImportRow[]> {
    const masters = new Map<string, Block>();
    const exceptions = new Map<string, Block[]>();
    let lineNumber = 0;
    let started = false;
    let ended = false;
    // Component nesting inside VCALENDAR, and the component being collected.
    const nesting: string[] = [];
    let collecting: { name: string; block: Block } | null = null;
    // The property a line belongs to (a folded line continues the one before), for a NUL's field.
    let property = '';

    for await (const lines of splitLines(text)) {
      const out: ImportRow[] = [];
      for (const rawLine of lines) {
        lineNumber++;
        if (!/^[ \t]/.test(rawLine)) property = /^([A-Za-z0-9-]+)/.exec(rawLine)?.[1]?.toUpperCase() ?? '';
        if (rawLine.includes('\u0000')) throw new ImportAbort(nulIssue(property || 'line', lineNumber));
        if (ended) continue;
        if (!started) {
          if (rawLine.trim() === '') continue;
          if (rawLine.trim().toUpperCase() !== 'BEGIN:VCALENDAR') {
            throw new ImportAbort({ line: lineNumber, message: 'An iCalendar file starts with BEGIN:VCALENDAR.' });
          }
          started = true;
          continue;
        }
        const upper = /^(BEGIN|END):/i.test(rawLine) ? rawLine.trim().toUpperCase() : '';
        if (collecting !== null) {
          collecting.block.lines.push(rawLine);
          if (upper.startsWith('BEGIN:')) nesting.push(upper.slice(6));
          else if (upper.startsWith('END:')) {
            if (nesting.pop() !== upper.slice(4)) {
              throw new ImportAbort({
                line: lineNumber,
                message: `${rawLine.trim()} does not close the component opened before it.`,
              });
            }
            if (nesting.length === 0) {
              const { name, block } = collecting;
              collecting = null;
              if (name === 'VTIMEZONE') {
                checkTimeZone(block);
                try {
                  calendar.addSubcomponent(parseBlock(block, 'time zone'));
                } catch (error) {
                  throw error instanceof BlockIssue ? new ImportAbort(error.issue) : error;
                }
              } else if (name === 'VEVENT') {
                const uid = uidOf(block);
                if (propertyOf(block, 'RECURRENCE-ID')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), block]);
                else if (propertyOf(block, 'RRULE') || propertyOf(block, 'RDATE')) masters.set(uid, block);
                else for (const batch of guarded(block, () => [[single(block)]])) out.push(...batch);
              }
            }
          }
          continue;
        }
        if (upper === 'END:VCALENDAR') {
          ended = true;
        } else if (upper.startsWith('BEGIN:')) {
          nesting.push(upper.slice(6));
          collecting = { name: upper.slice(6), block: { lines: [rawLine], line: lineNumber } };
        }
      }
      if (out.length > 0) yield out;
    }
    if (!ended) {
      throw new ImportAbort({
        line: lineNumber,
        message: `The file ends (line ${lineNumber}) before END:VCALENDAR: was it cut short? Export it again.`,
      });
    }
    for (const [uid, master] of masters) {
      yield* guarded(master, () => recurring(master, exceptions.get(uid) ?? []));
      exceptions.delete(uid);
    }
    // Exceptions whose series is not in the file stand on their own.
    for (const blocks of exceptions.values()) {
      for (const block of blocks) yield* guarded(block, () => [[single(block)]]);
    }
  }

  return { rows: rows(), warnings: () => warnings.slice() };
}

import { cleanImportedText, isTimeZone, wallClockToInstant, type ImportIssue, type ImportRow } from '@bigrock/core';
import ICAL from 'ical.js';

import { splitLines, ImportAbort } from './text-input.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

export interface IcsReadOptions {
  /** The zone of floating times, and of time zones the file names without defining them. */
  zone: string;
  /** Occurrences are taken when they overlap [startMs, endMs); either end may be open. */
  startMs: number | null;
  endMs: number | null;
  /** A rule without an end is expanded up to `endMs`, or up to now when there is none. */
  nowMs: number;
}

export interface IcsReader {
  rows: AsyncGenerator<ImportRow[]>;
  warnings(): ImportIssue[];
}

/** More occurrences than this in the range is a rule gone wrong (FREQ=SECONDLY), not a calendar. */
export const MAX_OCCURRENCES = 100_000;

interface Block {
  text: string;
  line: number;
}

const propertyOf = (block: string, name: string) => new RegExp(`^${name}[;:]`, 'im').test(block);
const uidOf = (block: string) => /^UID(?:;[^:\r\n]*)?:(.*)$/im.exec(block)?.[1]?.trim() ?? '';

/**
 * Reads an iCalendar file as a stream of events (ical.js parses each one): time zones from the
 * file's VTIMEZONEs (or IANA names), recurring events expanded over the range with their
 * exceptions (RECURRENCE-ID) and exclusions (EXDATE), all-day and cancelled events left out.
 * Single events are handled as they come; recurring ones wait for the end of the file, where their
 * exceptions may be.
 */
export function readIcs(text: AsyncIterable<string>, options: IcsReadOptions): IcsReader {
  const warnings: ImportIssue[] = [];
  const warnedZones = new Set<string>();
  const calendar = new ICAL.Component('vcalendar');

  function toMs(time: Time, tzid: string | undefined, line: number): number {
    if (time.zone && time.zone.tzid !== 'floating') return time.toUnixTime() * 1000;
    let zone = options.zone;
    if (tzid !== undefined) {
      if (isTimeZone(tzid)) zone = tzid;
      else if (!warnedZones.has(tzid)) {
        warnedZones.add(tzid);
        warnings.push({
          line,
          field: 'TZID',
          message: `The time zone "${tzid}" is neither defined in the file nor an IANA name; its times were read in ${options.zone}.`,
        });
      }
    }
    return wallClockToInstant(
      { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
      zone,
    );
  }

  function parse(block: Block): Component {
    const component = new ICAL.Component(ICAL.parse(block.text) as unknown as unknown[]);
    calendar.addSubcomponent(component);
    return component;
  }

  function entryOf(item: Event, start: Time, end: Time, key: string, line: number): ImportRow {
    if (start.isDate) return { kind: 'skip', line, reason: 'all-day event' };
    const component = item.component;
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      return { kind: 'skip', line, reason: 'cancelled' };
    }
    const startTzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
    const endTzid = component.getFirstProperty('dtend')?.getParameter('tzid') ?? startTzid;
    const startMs = toMs(start, typeof startTzid === 'string' ? startTzid : undefined, line);
    const endMs = toMs(end, typeof endTzid === 'string' ? endTzid : undefined, line);
    if (options.startMs !== null && endMs <= options.startMs) return { kind: 'skip', line, reason: 'before the range' };
    if (options.endMs !== null && startMs >= options.endMs) return { kind: 'skip', line, reason: 'after the range' };
    if (endMs < startMs)
      return { kind: 'issue', issue: { line, field: 'DTEND', message: 'DTEND: the event ends before it starts.' } };
    if (endMs === startMs) return { kind: 'skip', line, reason: 'lasts no time' };
    const categories = component.getAllProperties('categories').flatMap((property) => property.getValues().map(String));
    const description = component.getFirstPropertyValue('description');
    return {
      kind: 'entry',
      entry: {
        line,
        key,
        startMs,
        endMs,
        ...cleanImportedText({
          activity: item.summary || '(no title)',
          tags: categories,
          note: typeof description === 'string' ? description : null,
        }),
        source: 'calendar',
      },
    };
  }

  function single(block: Block): ImportRow {
    const component = parse(block);
    try {
      const event = new ICAL.Event(component);
      const uid = event.uid || `${block.line}`;
      const recurrenceId = component.getFirstPropertyValue('recurrence-id');
      const key = recurrenceId
        ? `${uid}:${new Date(toMs(event.recurrenceId, undefined, block.line)).toISOString()}`
        : uid;
      if (!component.hasProperty('dtstart')) {
        return {
          kind: 'issue',
          issue: { line: block.line, field: 'DTSTART', message: 'DTSTART: the event has no start.' },
        };
      }
      return entryOf(event, event.startDate, event.endDate, key, block.line);
    } finally {
      calendar.removeSubcomponent(component);
    }
  }

  function* recurring(master: Block, exceptions: Block[]): Generator<ImportRow> {
    const component = parse(master);
    const exceptionComponents = exceptions.map(parse);
    try {
      const event = new ICAL.Event(component, {
        exceptions: exceptionComponents.map((exception) => new ICAL.Event(exception)),
      });
      const uid = event.uid || `${master.line}`;
      const rule = component.getFirstPropertyValue('rrule');
      const unbounded = rule instanceof ICAL.Recur && rule.count === null && rule.until === null;
      const limitMs = options.endMs ?? (unbounded ? options.nowMs : Number.POSITIVE_INFINITY);
      const startTzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
      const iterator = event.iterator();
      let count = 0;
      for (let next = iterator.next(); next; next = iterator.next()) {
        if (toMs(next, typeof startTzid === 'string' ? startTzid : undefined, master.line) >= limitMs) break;
        if (++count > MAX_OCCURRENCES) {
          throw new ImportAbort({
            line: master.line,
            field: 'RRULE',
            message: `The recurring event "${event.summary}" has more than ${MAX_OCCURRENCES} occurrences in the range: narrow it with --from and --to.`,
          });
        }
        const details = event.getOccurrenceDetails(next);
        const recurrenceMs = toMs(
          details.recurrenceId,
          typeof startTzid === 'string' ? startTzid : undefined,
          master.line,
        );
        const line =
          details.item === event
            ? master.line
            : (exceptions[exceptionComponents.indexOf(details.item.component)]?.line ?? master.line);
        yield entryOf(
          details.item,
          details.startDate,
          details.endDate,
          `${uid}:${new Date(recurrenceMs).toISOString()}`,
          line,
        );
      }
    } finally {
      for (const exception of exceptionComponents) calendar.removeSubcomponent(exception);
      calendar.removeSubcomponent(component);
    }
  }

  function guard(block: Block, work: () => ImportRow[]): ImportRow[] {
    try {
      return work();
    } catch (error) {
      if (error instanceof ImportAbort) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      return [
        {
          kind: 'issue',
          issue: { line: block.line, message: `The event on line ${block.line} cannot be read: ${reason}.` },
        },
      ];
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
    let collecting: { name: string; lines: string[]; line: number } | null = null;

    for await (const lines of splitLines(text)) {
      const out: ImportRow[] = [];
      for (const rawLine of lines) {
        lineNumber++;
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
          collecting.lines.push(rawLine);
          if (upper.startsWith('BEGIN:')) nesting.push(upper.slice(6));
          else if (upper.startsWith('END:')) {
            if (nesting.pop() !== upper.slice(4)) {
              throw new ImportAbort({
                line: lineNumber,
                message: `${rawLine.trim()} does not close the component opened before it.`,
              });
            }
            if (nesting.length === 0) {
              const block = { text: collecting.lines.join('\r\n'), line: collecting.line };
              const name = collecting.name;
              collecting = null;
              if (name === 'VTIMEZONE') {
                calendar.addSubcomponent(new ICAL.Component(ICAL.parse(block.text) as unknown as unknown[]));
              } else if (name === 'VEVENT') {
                const uid = uidOf(block.text);
                if (propertyOf(block.text, 'RECURRENCE-ID'))
                  exceptions.set(uid, [...(exceptions.get(uid) ?? []), block]);
                else if (propertyOf(block.text, 'RRULE') || propertyOf(block.text, 'RDATE')) masters.set(uid, block);
                else out.push(...guard(block, () => [single(block)]));
              }
            }
          }
          continue;
        }
        if (upper === 'END:VCALENDAR') {
          ended = true;
        } else if (upper.startsWith('BEGIN:')) {
          nesting.push(upper.slice(6));
          collecting = { name: upper.slice(6), lines: [rawLine], line: lineNumber };
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
      yield guard(master, () => [...recurring(master, exceptions.get(uid) ?? [])]);
      exceptions.delete(uid);
    }
    // Exceptions whose series is not in the file stand on their own.
    for (const blocks of exceptions.values()) for (const block of blocks) yield guard(block, () => [single(block)]);
  }

  return { rows: rows(), warnings: () => warnings.slice() };
}

import { Readable } from 'node:stream';

import {
  CsvEntryMapper,
  nulIssue,
  planCsvImport,
  type CsvField,
  type CsvFormat,
  type DateOrder,
  type ImportIssue,
  type ImportRow,
} from '@bigrock/core';
import Papa from 'papaparse';

import { ImportAbort, Signal, wholeLineBreaks } from './text-input.js';

export interface CsvReadOptions {
  format: CsvFormat;
  zone: string;
  /** Header names for fields, over the guesses: `{ start: 'Begin' }`. */
  mapping: Partial<Record<CsvField, string>>;
  dateOrder?: DateOrder;
  /** `,`, `;` or a tab; guessed from the header line when left out. */
  delimiter?: string;
}

const BATCH = 1000;

/**
 * The delimiter of a CSV, from its header line: whichever of comma, semicolon and tab appears most
 * outside quotes (European spreadsheets save with semicolons).
 *
 * @example guessDelimiter('Start;End;"Activity, or project"') // ';'
 */
export function guessDelimiter(headerLine: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  return [...counts].reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

export interface CsvReader {
  rows: AsyncGenerator<ImportRow[]>;
  /** What the reader had to assume (a date order), once the rows are read. */
  warnings(): ImportIssue[];
}

/** How many chunks of parsed records may wait for the reader before the input stops being read. */
const QUEUED_CHUNKS = 4;
/**
 * No row of a time tracker's export comes near this many characters: past it, a quote was left
 * open. Said at once, rather than after papaparse has read the rest of the file again and again
 * into that one field (minutes, for a big file, and then more memory than the import may take).
 */
const MAX_RECORD_CHARS = 1 << 20;

/**
 * The records of a CSV, chunk by chunk as the text arrives (papaparse: quoted fields, embedded
 * line breaks, any line ending). A malformed quote ends the reading with its line.
 */
async function* csvRecords(
  text: AsyncIterable<string>,
  delimiter: string,
  seen: { nul: boolean },
): AsyncGenerator<string[][]> {
  const queue: string[][][] = [];
  // A quote papaparse cannot read, or the input's own error (not UTF-8, an upload cut short).
  let failure = null as Error | null;
  let finished = false;
  let charsFed = 0;
  // The input side waits for room in the queue, the reading side for records.
  const room = new Signal();
  const parsed = new Signal();

  // Papaparse parses each chunk as it is read; the input waits while the queue is full.
  async function* gated(): AsyncGenerator<string> {
    for await (const chunk of wholeLineBreaks(text)) {
      while (queue.length >= QUEUED_CHUNKS && failure === null) await room.next();
      if (failure !== null) return;
      charsFed += chunk.length;
      // Rows are looked through for a NUL only once the text has one: rare, and a million rows
      // need not pay for it.
      if (!seen.nul && chunk.includes('\u0000')) seen.nul = true;
      yield chunk;
    }
  }
  const input = Readable.from(gated(), { highWaterMark: 1 });
  Papa.parse<string[]>(input, {
    delimiter,
    chunk(results) {
      const error = results.errors[0];
      if (error !== undefined && failure === null) {
        failure = new CsvFailure(error.message);
        queue.push(results.data.slice(0, error.row ?? results.data.length));
      } else if (failure === null && charsFed - results.meta.cursor > MAX_RECORD_CHARS) {
        failure = new CsvFailure('a field opened with a quote here is still open a megabyte later');
        queue.push(results.data);
      } else if (failure === null) {
        queue.push(results.data);
      }
      parsed.notify();
    },
    complete() {
      finished = true;
      parsed.notify();
    },
    error(error: Error) {
      failure ??= error;
      finished = true;
      parsed.notify();
    },
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        room.notify();
        yield next;
      } else if (failure !== null) {
        throw failure;
      } else if (finished) {
        return;
      } else {
        await parsed.next();
      }
    }
  } finally {
    failure ??= new Error('The reading stopped.');
    room.notify();
    input.destroy();
  }
}

class CsvFailure extends Error {}

/**
 * Reads a CSV as a stream into imported entries, in batches. The header row is matched first; a
 * file whose header says nothing about when entries start is refused before any row is read.
 */
export function readCsv(text: AsyncIterable<string>, options: CsvReadOptions): CsvReader {
  let mapper: CsvEntryMapper | null = null;

  async function* rows(): AsyncGenerator<ImportRow[]> {
    let batch: ImportRow[] = [];
    let nextLine = 1;
    let headers: string[] = [];
    const seen = { nul: false };
    try {
      for await (const records of csvRecords(text, options.delimiter ?? ',', seen)) {
        for (const record of records) {
          const line = nextLine;
          nextLine++;
          for (const field of record) {
            for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) nextLine++;
          }
          if (record.length === 1 && record[0] === '') continue;
          const nulAt = seen.nul ? record.findIndex((field) => field.includes('\u0000')) : -1;
          if (nulAt !== -1) {
            const issue = nulIssue(headers[nulAt]?.trim() || `column ${nulAt + 1}`, line);
            if (mapper === null) throw new ImportAbort(issue);
            batch.push({ kind: 'issue', issue });
            continue;
          }
          if (mapper === null) {
            headers = record;
            const { plan, issues } = planCsvImport(record, options.format, options.mapping);
            if (plan === null) throw new ImportAbort(issues.map((issue) => ({ ...issue, line })));
            mapper = new CsvEntryMapper(plan, { zone: options.zone, dateOrder: options.dateOrder });
            continue;
          }
          for (const row of mapper.push(record, line)) batch.push(row);
        }
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
    } catch (error) {
      if (error instanceof CsvFailure) {
        throw new ImportAbort({
          line: nextLine,
          message: `The CSV cannot be read on line ${nextLine}: ${error.message}. Check the quotes around its fields.`,
        });
      }
      throw error;
    }
    if (mapper === null) throw new ImportAbort({ line: 1, message: 'The file is empty: it has no header row.' });
    batch.push(...mapper.finish());
    if (batch.length > 0) yield batch;
  }

  return { rows: rows(), warnings: () => mapper?.warnings.slice() ?? [] };
}

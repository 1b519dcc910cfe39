import { pipeline, Readable } from 'node:stream';

import {
  CsvEntryMapper,
  planCsvImport,
  type CsvField,
  type CsvFormat,
  type DateOrder,
  type ImportIssue,
  type ImportRow,
} from '@bigrock/core';
import { CsvError, parse } from 'csv-parse';

import { ImportAbort } from './text-input.js';

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

/**
 * Reads a CSV as a stream (csv-parse, quoted fields, a BOM tolerated) into imported entries, in
 * batches. The header row is matched first; a file whose header says nothing about when entries
 * start is refused before any row is read.
 */
export function readCsv(text: AsyncIterable<string>, options: CsvReadOptions): CsvReader {
  let mapper: CsvEntryMapper | null = null;

  async function* rows(): AsyncGenerator<ImportRow[]> {
    // Empty lines are kept (each a record of one empty field) so that lines can be counted without
    // csv-parse's per-record info, which costs a quarter of its time.
    const parser = parse({ bom: true, relax_column_count: true, delimiter: options.delimiter ?? ',' });
    pipeline(Readable.from(text), parser, () => undefined);
    let batch: ImportRow[] = [];
    let nextLine = 1;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        const line = nextLine;
        nextLine++;
        for (const field of record) {
          for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) nextLine++;
        }
        if (record.length === 1 && record[0] === '') continue;
        if (mapper === null) {
          const { plan, issues } = planCsvImport(record, options.format, options.mapping);
          if (plan === null) throw new ImportAbort(issues.map((issue) => ({ ...issue, line })));
          mapper = new CsvEntryMapper(plan, { zone: options.zone, dateOrder: options.dateOrder });
          continue;
        }
        for (const row of mapper.push(record, line)) batch.push(row);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
    } catch (error) {
      if (error instanceof CsvError) {
        const line = typeof error.lines === 'number' ? error.lines : nextLine;
        throw new ImportAbort({ line, message: `The CSV cannot be read on line ${line}: ${error.message}.` });
      }
      throw error;
    }
    if (mapper === null) throw new ImportAbort({ line: 1, message: 'The file is empty: it has no header row.' });
    batch.push(...mapper.finish());
    if (batch.length > 0) yield batch;
  }

  return { rows: rows(), warnings: () => mapper?.warnings.slice() ?? [] };
}

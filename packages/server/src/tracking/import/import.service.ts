import { hash } from 'node:crypto';

import {
  AppError,
  assertCalendarDate,
  csvFields,
  dateFormatNames,
  dateFormats,
  dateRangeInZone,
  importedContentText,
  importFormats,
  isTimeZone,
  MAX_IMPORT_ERRORS,
  type CsvField,
  type DateFormatName,
  type ImportedEntry,
  type ImportFormat,
  type ImportIssue,
  type ImportPreviewEntry,
  type ImportResult,
  type ImportRow,
} from '@bigrock/core';

import type { Clock } from '../../clock.js';
import { createIdSequence } from '../../db/new-id.js';
import type { WorkspaceRepository } from '../../workspaces/workspace.repository.js';
import type { ImportedRow, TimeEntryQueries, TimeEntryRepository, TimeEntryRow } from '../time-entry.repository.js';
import { decodeUtf8, ImportAbort, peek, type ByteSource } from './text-input.js';

export interface ImportOptions {
  /** Recognised from the content when left out. */
  format?: string;
  /** Only entries that overlap these days (both included, workspace zone) are taken; a calendar's rules are expanded over them. */
  from?: string;
  to?: string;
  /** Reads and checks everything, counts what would change, and changes nothing. */
  dryRun?: boolean;
  /** CSV: header names for fields, over the guesses (`{ start: 'Begin', activity: 'What' }`). */
  mapping?: Record<string, string>;
  /** CSV: the date format, when the file leaves it ambiguous (`DD/MM/YYYY`). */
  dateFormat?: string;
  /** The zone of the file's wall-clock times; the workspace's by default. */
  timeZone?: string;
  /** Hears the number of bytes read so far. */
  onProgress?: (bytesRead: number) => void;
}

export interface ImportServiceDeps {
  entries: TimeEntryRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

/** Rows written per statement: big enough to amortise a round trip, small enough for any parameter limit. */
const BATCH_ROWS = 1000;
const PREVIEW_ROWS = 20;
const HEAD_BYTES = 64 * 1024;

const hashText = (text: string) => hash('sha1', text, 'base64url').slice(0, 22);

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function preview(entry: ImportedEntry): ImportPreviewEntry {
  return {
    line: entry.line,
    activity: entry.activity,
    start: new Date(entry.startMs).toISOString(),
    end: entry.endMs === null ? null : new Date(entry.endMs).toISOString(),
    tags: entry.tags,
    note: entry.note,
  };
}

function checkOptions(options: ImportOptions): {
  format: ImportFormat | undefined;
  mapping: Partial<Record<CsvField, string>>;
  dateFormat: DateFormatName | undefined;
} {
  const format = options.format === undefined ? undefined : importFormats.find((name) => name === options.format);
  if (options.format !== undefined && format === undefined) {
    throw new AppError('invalid-input', `format: choose one of ${importFormats.join(', ')}.`, { field: 'format' });
  }
  const mapping: Partial<Record<CsvField, string>> = {};
  for (const [field, header] of Object.entries(options.mapping ?? {})) {
    const known = csvFields.find((name) => name === field);
    if (known === undefined) {
      throw new AppError('invalid-input', `map: "${field}" is not a field; map one of ${csvFields.join(', ')}.`, {
        field: 'map',
      });
    }
    mapping[known] = header;
  }
  const dateFormat =
    options.dateFormat === undefined ? undefined : dateFormatNames.find((name) => name === options.dateFormat);
  if (options.dateFormat !== undefined && dateFormat === undefined) {
    throw new AppError('invalid-input', `dateFormat: choose one of ${dateFormatNames.join(', ')}.`, {
      field: 'dateFormat',
    });
  }
  if (options.from !== undefined) assertCalendarDate(options.from, 'from');
  if (options.to !== undefined) assertCalendarDate(options.to, 'to');
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) {
    throw new AppError(
      'invalid-input',
      `timeZone: "${options.timeZone}" is not an IANA time zone such as Europe/Paris.`,
      {
        field: 'timeZone',
      },
    );
  }
  return { format, mapping, dateFormat };
}

/**
 * Imports time entries from the files of other tools. The file streams through a reader for its
 * format; every row is checked; entries are written in batches inside ONE transaction, committed
 * only when the whole file was good. Re-importing adds nothing: each entry carries its provenance
 * (format and the source's id, or a hash of what identifies it), and one seen before is skipped,
 * or changed when its source changed since.
 */
export function createImportService({ entries, workspaces, clock, workspaceId }: ImportServiceDeps) {
  async function readerFor(format: ImportFormat, head: string, text: AsyncIterable<string>, settings: ReaderSettings) {
    switch (format) {
      case 'toggl':
      case 'clockify':
      case 'csv': {
        const { readCsv, guessDelimiter } = await import('./csv-reader.js');
        const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
        return readCsv(text, {
          format,
          zone: settings.zone,
          mapping: settings.mapping,
          dateOrder: settings.dateFormat && dateFormats[settings.dateFormat],
          delimiter: guessDelimiter(firstLine),
        });
      }
      case 'timew': {
        const { readTimew } = await import('./timew-reader.js');
        return { rows: readTimew(text), warnings: () => [] };
      }
      case 'activitywatch': {
        const { readActivityWatch } = await import('./activitywatch-reader.js');
        return { rows: readActivityWatch(text), warnings: () => [] };
      }
      case 'ics': {
        const { readIcs } = await import('./ics-reader.js');
        return readIcs(text, {
          zone: settings.zone,
          startMs: settings.startMs,
          endMs: settings.endMs,
          nowMs: clock.now().getTime(),
        });
      }
    }
  }

  interface ReaderSettings {
    zone: string;
    mapping: Partial<Record<CsvField, string>>;
    dateFormat: DateFormatName | undefined;
    startMs: number | null;
    endMs: number | null;
  }

  return {
    async importFile(source: ByteSource, options: ImportOptions = {}): Promise<ImportResult> {
      const checked = checkOptions(options);
      const zone = options.timeZone ?? (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
      const { startMs, endMs } = dateRangeInZone(options.from, options.to, zone);

      const { head, source: whole, drain } = await peek(source, HEAD_BYTES);
      const headText = new TextDecoder().decode(head);
      const format = checked.format ?? (await import('./detect-format.js')).detectFormat(headText);
      const result: ImportResult = {
        format: format ?? 'csv',
        status: 'failed',
        added: 0,
        changed: 0,
        skipped: 0,
        errors: [],
        warnings: [],
        preview: { added: [], changed: [] },
      };
      let bytesRead = 0;
      const text = decodeUtf8(whole, (bytes) => {
        bytesRead += bytes;
        options.onProgress?.(bytesRead);
      });
      if (format === null) {
        result.errors.push({
          line: 1,
          message:
            'Bigrock cannot tell what this file is. Name its format: toggl, clockify, timew, activitywatch, ics or csv.',
        });
        await drain();
        return result;
      }

      const reader = await readerFor(format, headText, text, { zone, ...checked, startMs, endMs });
      const transaction = await entries.begin();
      const writer = createBatchWriter(transaction.repository, workspaceId, format, clock.now().toISOString(), result);
      let errorCount = 0;
      let pending: ImportedEntry[] = [];
      try {
        await writer.start();
        for await (const batch of reader.rows) {
          for (const row of batch as ImportRow[]) {
            if (row.kind === 'issue') {
              errorCount++;
              if (result.errors.length < MAX_IMPORT_ERRORS) result.errors.push(row.issue);
            } else if (row.kind === 'skip') {
              result.skipped++;
            } else {
              const { entry } = row;
              const outside =
                (startMs !== null && (entry.endMs ?? Number.POSITIVE_INFINITY) <= startMs) ||
                (endMs !== null && entry.startMs >= endMs);
              if (outside) result.skipped++;
              else if (errorCount === 0) pending.push(entry);
            }
          }
          if (errorCount > 0) pending = [];
          else if (pending.length >= BATCH_ROWS) {
            await writer.write(pending);
            pending = [];
          }
          // Between batches, let the server answer other requests.
          await yieldToEventLoop();
        }
        if (errorCount === 0 && pending.length > 0) await writer.write(pending);
      } catch (error) {
        if (!(error instanceof ImportAbort)) {
          await transaction.rollback();
          throw error;
        }
        errorCount += error.issues.length;
        result.errors.push(...error.issues.slice(0, Math.max(0, MAX_IMPORT_ERRORS - result.errors.length)));
      } finally {
        await drain();
      }
      result.warnings.push(...reader.warnings(), ...writer.warnings);
      if (errorCount > result.errors.length) {
        result.errors.push({
          line: result.errors.at(-1)?.line ?? 0,
          message: `…and ${errorCount - result.errors.length} more errors.`,
        });
      }
      if (errorCount > 0) {
        await transaction.rollback();
        return { ...result, status: 'failed', added: 0, changed: 0, preview: { added: [], changed: [] } };
      }
      if (options.dryRun) {
        await transaction.rollback();
        return { ...result, status: 'dry-run' };
      }
      await transaction.commit();
      return { ...result, status: 'imported' };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;

/**
 * Writes imported entries batch by batch: new ones inserted in one statement, those imported
 * before looked up by provenance and changed when their content hash differs.
 */
function createBatchWriter(
  repository: TimeEntryQueries,
  workspaceId: string,
  format: ImportFormat,
  now: string,
  result: ImportResult,
) {
  const warnings: ImportIssue[] = [];
  const nextIds = createIdSequence();
  // The timer running in Bigrock when the import began: an imported running interval must not fight it.
  let running: TimeEntryRow | undefined;
  let runningTaken = false;

  // Short printable keys are kept as they are: readable, and in time order for the index.
  const sourceIdOf = (entry: ImportedEntry) =>
    entry.key.length <= 80 && /^[\x21-\x7e]*$/.test(entry.key)
      ? `${format}:${entry.key}`
      : `${format}:${hashText(entry.key)}`;

  function mayRun(entry: ImportedEntry, sourceId: string): boolean {
    if (entry.endMs !== null) return true;
    const same = running !== undefined && running.source_id === sourceId;
    if ((running !== undefined && !same) || runningTaken) {
      warnings.push({
        line: entry.line,
        message:
          'This interval is still running and a timer already runs in Bigrock; it was left out. Stop one and import again.',
      });
      return false;
    }
    runningTaken = true;
    return true;
  }

  return {
    warnings,

    async start(): Promise<void> {
      running = await repository.findRunning(workspaceId);
    },

    async write(batch: readonly ImportedEntry[]): Promise<void> {
      // The same provenance twice in a batch: the later row wins.
      const byId = new Map<string, { entry: ImportedEntry; row: ImportedRow }>();
      const ids = nextIds(batch.length);
      batch.forEach((entry, index) => {
        const sourceId = sourceIdOf(entry);
        const sourceHash = hashText(importedContentText(entry));
        const earlier = byId.get(sourceId);
        if (earlier !== undefined) {
          if (earlier.row.source_hash === sourceHash) result.skipped++;
          else result.changed++;
        }
        byId.set(sourceId, {
          entry,
          row: {
            id: ids[index] ?? '',
            activity: entry.activity,
            start_ms: entry.startMs,
            end_ms: entry.endMs,
            tags: entry.tags.join(','),
            note: entry.note,
            source: entry.source,
            source_id: sourceId,
            source_hash: sourceHash,
          },
        });
      });
      const items = [...byId.values()].filter(({ entry, row }) => {
        if (entry.endMs !== null || mayRun(entry, row.source_id ?? '')) return true;
        result.skipped++;
        return false;
      });

      const inserted = await repository.insertMany(
        workspaceId,
        now,
        items.map(({ row }) => row),
      );
      if (inserted === items.length) {
        result.added += inserted;
        for (const { entry } of items)
          if (result.preview.added.length < PREVIEW_ROWS) result.preview.added.push(preview(entry));
        return;
      }
      // Some were there before: find which, and whether their source changed since.
      const known = new Map<string, { id: string; source_hash: string | null }>();
      const bySource = new Map<string, string[]>();
      for (const { row } of items) bySource.set(row.source, [...(bySource.get(row.source) ?? []), row.source_id ?? '']);
      for (const [source, sourceIds] of bySource) {
        for (const found of await repository.findProvenance(workspaceId, source, sourceIds))
          known.set(`${source}\u0000${found.source_id}`, found);
      }
      for (const { entry, row } of items) {
        const existing = known.get(`${row.source}\u0000${row.source_id}`);
        if (existing === undefined || existing.id === row.id) {
          result.added++;
          if (result.preview.added.length < PREVIEW_ROWS) result.preview.added.push(preview(entry));
        } else if (existing.source_hash === row.source_hash) {
          result.skipped++;
        } else {
          await repository.update(workspaceId, existing.id, {
            activity: row.activity,
            start_ms: row.start_ms,
            end_ms: row.end_ms,
            tags: row.tags,
            note: row.note,
            source_hash: row.source_hash,
            updated_at: now,
          });
          result.changed++;
          if (result.preview.changed.length < PREVIEW_ROWS) result.preview.changed.push(preview(entry));
        }
      }
    },
  };
}

import {
  AppError,
  assertCalendarDate,
  csvFields,
  dateFormatNames,
  dateRangeInZone,
  importFormats,
  isTimeZone,
  MAX_IMPORT_ERRORS,
  type CsvField,
  type DateFormatName,
  type ImportFormat,
  type ImportIssue,
  type ImportPreviewEntry,
  type ImportResult,
} from '@bigrock/core';

import type { Clock } from '../../clock.js';
import { createIdSequence } from '../../db/new-id.js';
import type { WorkspaceRepository } from '../../workspaces/workspace.repository.js';
import { sameAsImported } from '../imported-content.js';
import type {
  ImportedRow,
  Provenance,
  TimeEntryQueries,
  TimeEntryRepository,
  TimeEntryRow,
} from '../time-entry.repository.js';
import { readEntries, type EntryReader, type PreparedEntry, type ReaderSettings } from './read-entries.js';
import { readInWorker } from './reader-worker.js';
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function preview(entry: PreparedEntry): ImportPreviewEntry {
  return {
    line: entry.line,
    activity: entry.activity,
    start: new Date(entry.startMs).toISOString(),
    end: entry.endMs === null ? null : new Date(entry.endMs).toISOString(),
    tags: entry.tags === '' ? [] : entry.tags.split(','),
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
  return {
    async importFile(source: ByteSource, options: ImportOptions = {}): Promise<ImportResult> {
      const checked = checkOptions(options);
      const zone = options.timeZone ?? (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
      const { startMs, endMs } = dateRangeInZone(options.from, options.to, zone);

      const { head, source: bytes, drain, complete } = await peek(source, HEAD_BYTES);
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
        span: null,
      };
      let bytesRead = 0;
      if (format === null) {
        result.errors.push({
          line: 1,
          message:
            'Bigrock cannot tell what this file is. Name its format: toggl, clockify, timew, activitywatch, ics or csv.',
        });
        await drain();
        return result;
      }

      const settings: ReaderSettings = {
        format,
        head: headText,
        zone,
        mapping: checked.mapping,
        dateFormat: checked.dateFormat,
        startMs,
        endMs,
        nowMs: clock.now().getTime(),
      };
      const onBytes = (bytes: number) => {
        bytesRead += bytes;
        options.onProgress?.(bytesRead);
      };
      // A worker thread takes some 50 ms to start: worth it to parse a big file on the second
      // core while this one writes, not for a file that was read whole with the first bytes.
      const transaction = await entries.begin();
      const writer = createBatchWriter(transaction.repository, workspaceId, clock.now().toISOString(), result);
      let reader: EntryReader | undefined;
      let errorCount = 0;
      let pending: PreparedEntry[] = [];
      try {
        await writer.start();
        reader = complete
          ? await readEntries(settings, decodeUtf8(bytes, onBytes))
          : readInWorker(bytes, settings, onBytes);
        for await (const batch of reader.batches) {
          result.skipped += batch.skipped;
          errorCount += batch.issueCount;
          result.errors.push(...batch.issues);
          if (errorCount > 0) pending = [];
          else pending.push(...batch.entries);
          if (pending.length >= BATCH_ROWS) {
            // Whole batches only: every statement then has the same text, prepared once.
            const full = pending.length - (pending.length % BATCH_ROWS);
            for (let at = 0; at < full; at += BATCH_ROWS) await writer.write(pending.slice(at, at + BATCH_ROWS));
            pending = pending.slice(full);
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
        await reader?.close();
        await drain();
      }
      result.warnings.push(...(reader?.warnings() ?? []), ...writer.warnings);
      if (errorCount > result.errors.length) {
        result.errors.push({
          line: result.errors.at(-1)?.line ?? 0,
          message: `…and ${errorCount - result.errors.length} more errors.`,
        });
      }
      if (errorCount > 0) {
        await transaction.rollback();
        return {
          ...result,
          status: 'failed',
          added: 0,
          changed: 0,
          skipped: 0,
          preview: { added: [], changed: [] },
          span: null,
        };
      }
      if (options.dryRun) {
        await transaction.rollback();
        return { ...result, status: 'dry-run', span: writer.span() };
      }
      await transaction.commit();
      if (result.added + result.changed >= BATCH_ROWS) await entries.refreshStatistics();
      return { ...result, status: 'imported', span: writer.span() };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;

/**
 * Writes imported entries batch by batch: new ones inserted in one statement, those imported
 * before looked up by provenance and changed when their content hash differs.
 */
function createBatchWriter(repository: TimeEntryQueries, workspaceId: string, now: string, result: ImportResult) {
  const warnings: ImportIssue[] = [];
  const nextIds = createIdSequence();
  // The timer running in Bigrock when the import began: an imported running interval must not fight it.
  let running: TimeEntryRow | undefined;
  let runningTaken = false;

  function mayRun(entry: PreparedEntry): boolean {
    const same = running !== undefined && running.source_id === entry.sourceId;
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

  // Every entry added or changed passes here: the span of the import is theirs.
  let firstMs = Infinity;
  let lastMs = -Infinity;
  const addToPreview = (list: ImportPreviewEntry[], entry: PreparedEntry) => {
    if (list.length < PREVIEW_ROWS) list.push(preview(entry));
    if (entry.startMs < firstMs) firstMs = entry.startMs;
    const endMs = entry.endMs ?? entry.startMs;
    if (endMs > lastMs) lastMs = endMs;
  };

  return {
    warnings,

    span(): ImportResult['span'] {
      if (firstMs > lastMs) return null;
      return { start: new Date(firstMs).toISOString(), end: new Date(lastMs).toISOString() };
    },

    async start(): Promise<void> {
      running = await repository.findRunning(workspaceId);
    },

    async write(batch: readonly PreparedEntry[]): Promise<void> {
      const ids = nextIds(batch.length);
      const entries: PreparedEntry[] = [];
      const rows: ImportedRow[] = [];
      batch.forEach((entry, index) => {
        if (entry.endMs === null && !mayRun(entry)) {
          result.skipped++;
          return;
        }
        entries.push(entry);
        rows.push({
          id: ids[index] ?? '',
          activity: entry.activity,
          start_ms: entry.startMs,
          end_ms: entry.endMs,
          tags: entry.tags,
          note: entry.note,
          source: entry.source,
          source_id: entry.sourceId,
        });
      });

      // New provenance is inserted; what is there already (imported before, or twice in this
      // batch) is left alone by the insert, and sorted out below.
      const inserted = await repository.insertMany(workspaceId, now, rows);
      if (inserted === rows.length) {
        result.added += inserted;
        for (const entry of entries) addToPreview(result.preview.added, entry);
        return;
      }
      const known = new Map<string, Provenance>();
      const bySource = new Map<string, string[]>();
      for (const entry of entries) {
        const sourceIds = bySource.get(entry.source);
        if (sourceIds === undefined) bySource.set(entry.source, [entry.sourceId]);
        else sourceIds.push(entry.sourceId);
      }
      for (const [source, sourceIds] of bySource) {
        for (const found of await repository.findProvenance(workspaceId, source, sourceIds))
          known.set(`${source}\u0000${found.source_id}`, found);
      }
      for (const [index, entry] of entries.entries()) {
        const row = rows[index];
        const key = `${entry.source}\u0000${entry.sourceId}`;
        const existing = known.get(key);
        if (row === undefined || existing === undefined || existing.id === row.id) {
          result.added++;
          addToPreview(result.preview.added, entry);
        } else if (sameAsImported(existing, row)) {
          result.skipped++;
        } else {
          // Changed since: the source's version wins (and the last one, when a file has it twice),
          // over any change made here; the entry then holds the source's content again.
          const content = {
            activity: row.activity,
            start_ms: row.start_ms,
            end_ms: row.end_ms,
            tags: row.tags,
            note: row.note,
            source: row.source,
          };
          await repository.update(workspaceId, existing.id, { ...content, source_hash: null, updated_at: now });
          known.set(key, { ...existing, ...content, source_hash: null });
          result.changed++;
          addToPreview(result.preview.changed, entry);
        }
      }
    },
  };
}

import {
  AppError,
  assertCalendarDate,
  csvFields,
  dateFormatNames,
  dateRangeInZone,
  importFormats,
  isTimeZone,
  MAX_IMPORT_ERRORS,
  runningChoices,
  STALE_RUNNING_MS,
  STOPPED_RUNNING_MS,
  type CsvField,
  type DateFormatName,
  type ImportFormat,
  type ImportIssue,
  type ImportPreviewEntry,
  type ImportResult,
  type RunningChoice,
  type StaleRunningInterval,
} from '@bigrock/core';

import type { Clock } from '../../clock.js';
import { createIdSequence } from '../../db/new-id.js';
import type { WorkspaceRepository } from '../../workspaces/workspace.repository.js';
import { createActivityNameResolver } from '../activity-names.js';
import {
  billingColumns,
  compareWithImported,
  contentHash,
  sameAsImported,
  type EntryContent,
} from '../imported-content.js';
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
  /**
   * What becomes of an interval still running in the file that started more than a day ago:
   * `stop` (STOPPED_RUNNING_MS after its start), `keep` (as the timer) or `skip`. Without it,
   * a dry run lists such intervals and an import fails, naming the choice.
   */
  running?: string;
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
    client: entry.billing.client,
    project: entry.billing.project,
    billable: entry.billing.billable,
  };
}

function checkOptions(options: ImportOptions): {
  format: ImportFormat | undefined;
  mapping: Partial<Record<CsvField, string>>;
  dateFormat: DateFormatName | undefined;
  running: RunningChoice | undefined;
} {
  const running = options.running === undefined ? undefined : runningChoices.find((name) => name === options.running);
  if (options.running !== undefined && running === undefined) {
    throw new AppError('invalid-input', `running: choose one of ${runningChoices.join(', ')}.`, { field: 'running' });
  }
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
  return { format, mapping, dateFormat, running };
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
        staleRunning: [],
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
      };
      const onBytes = (bytes: number) => {
        bytesRead += bytes;
        options.onProgress?.(bytesRead);
      };
      // A worker thread takes some 50 ms to start: worth it to parse a big file on the second
      // core while this one writes, not for a file that was read whole with the first bytes.
      const transaction = await entries.begin();
      const writer = createBatchWriter(transaction.repository, workspaceId, clock.now(), result, checked.running);
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
      if (!options.dryRun && errorCount === 0) {
        const undecided = result.staleRunning.filter(({ choice }) => choice === null);
        errorCount += undecided.length;
        result.errors.push(...undecided.map((interval) => undecidedRunning(interval, zone)));
      }
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

/** The error of an old running interval imported without a choice: what each choice would do, and how to give it. */
function undecidedRunning(interval: StaleRunningInterval, zone: string): ImportIssue {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const hours = new Intl.NumberFormat('en-GB').format(STOPPED_RUNNING_MS / 3_600_000);
  return {
    line: interval.line,
    field: 'running',
    message: `"${interval.activity}" is still running in the file, since ${when.format(new Date(interval.start))}: more than a day before this import. Choose what becomes of it: stop it at ${when.format(new Date(interval.stopAt))} (${hours} hours after its start; the file shows nothing of it since), keep it running as your timer, or leave it out. Give --running stop, keep or skip on the command line (running=stop, keep or skip in the API).`,
  };
}

/** What a stored entry holds of its source, for an entry about to be written. */
const contentOf = (entry: PreparedEntry): EntryContent => ({
  activity: entry.activity,
  start_ms: entry.startMs,
  end_ms: entry.endMs,
  tags: entry.tags,
  note: entry.note,
  source: entry.source,
  ...billingColumns(entry.billing),
});

/**
 * Writes imported entries batch by batch: new ones inserted in one statement, those imported
 * before looked up by provenance and changed when their content hash differs.
 */
function createBatchWriter(
  repository: TimeEntryQueries,
  workspaceId: string,
  clockNow: Date,
  result: ImportResult,
  runningChoice: RunningChoice | undefined,
) {
  const now = clockNow.toISOString();
  const nowMs = clockNow.getTime();
  const warnings: ImportIssue[] = [];
  const nextIds = createIdSequence();
  // The timer running in Bigrock when the import began: an imported running interval must not fight it.
  let running: TimeEntryRow | undefined;
  let runningTaken = false;
  // "calls" in the file joins the workspace's "Calls" (see resolveActivityName).
  let activityName = (typed: string) => typed;
  // Old running intervals stopped by the import: the hash of the source's (running) version, so
  // that the same file again leaves them stopped, as it would had the user stopped them here.
  const stoppedHashes = new Map<string, string>();

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

  /**
   * An interval still running in the file that started more than a day ago is not made the
   * timer silently: it is listed, and the choice decides (none: it is left out of the counts).
   * One imported before, and unchanged in the file since, needs no choice: it stays as it is.
   */
  async function takeStaleRunning(entry: PreparedEntry): Promise<PreparedEntry | null> {
    const [stored] = await repository.findProvenance(workspaceId, entry.source, [entry.sourceId]);
    if (stored !== undefined && sameAsImported(stored, contentOf(entry))) {
      result.skipped++;
      return null;
    }
    const stopAtMs = Math.min(entry.startMs + STOPPED_RUNNING_MS, nowMs);
    result.staleRunning.push({
      line: entry.line,
      activity: entry.activity,
      start: new Date(entry.startMs).toISOString(),
      stopAt: new Date(stopAtMs).toISOString(),
      choice: runningChoice ?? null,
    });
    switch (runningChoice) {
      case undefined:
        return null;
      case 'skip':
        result.skipped++;
        return null;
      case 'keep':
        return entry;
      case 'stop':
        stoppedHashes.set(entry.sourceId, contentHash(contentOf(entry)));
        return { ...entry, endMs: stopAtMs };
    }
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
      activityName = await createActivityNameResolver(repository, workspaceId);
    },

    async write(batch: readonly PreparedEntry[]): Promise<void> {
      const ids = nextIds(batch.length);
      const entries: PreparedEntry[] = [];
      const rows: ImportedRow[] = [];
      for (const [index, given] of batch.entries()) {
        // Named as the workspace names it before anything compares it with what is stored.
        const activity = activityName(given.activity);
        const read = activity === given.activity ? given : { ...given, activity };
        const entry =
          read.endMs === null && nowMs - read.startMs > STALE_RUNNING_MS ? await takeStaleRunning(read) : read;
        if (entry === null) continue;
        if (entry.endMs === null && !mayRun(entry)) {
          result.skipped++;
          continue;
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
          ...billingColumns(entry.billing),
        });
      }
      const keepSourceHashes = async (inserted: Array<{ id: string; sourceId: string }>) => {
        for (const { id, sourceId } of inserted) {
          const sourceHash = stoppedHashes.get(sourceId);
          if (sourceHash !== undefined) await repository.update(workspaceId, id, { source_hash: sourceHash });
        }
      };

      // New provenance is inserted; what is there already (imported before, or twice in this
      // batch) is left alone by the insert, and sorted out below.
      const inserted = await repository.insertMany(workspaceId, now, rows);
      if (inserted === rows.length) {
        result.added += inserted;
        for (const entry of entries) addToPreview(result.preview.added, entry);
        if (stoppedHashes.size > 0) {
          await keepSourceHashes(entries.map((entry, at) => ({ id: rows[at]?.id ?? '', sourceId: entry.sourceId })));
        }
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
          if (row !== undefined) await keepSourceHashes([{ id: row.id, sourceId: entry.sourceId }]);
        } else if (compareWithImported(existing, row).same) {
          // An entry imported before Bigrock kept billing gets the file's client, project and rate.
          const fill = compareWithImported(existing, row).fill;
          if (fill !== null) {
            await repository.update(workspaceId, existing.id, fill);
            known.set(key, { ...existing, ...fill });
          }
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
            client: row.client,
            project: row.project,
            billable: row.billable,
            rate: row.rate,
            rate_currency: row.rate_currency,
          };
          const sourceHash = stoppedHashes.get(entry.sourceId) ?? null;
          await repository.update(workspaceId, existing.id, { ...content, source_hash: sourceHash, updated_at: now });
          known.set(key, { ...existing, ...content, source_hash: sourceHash });
          result.changed++;
          addToPreview(result.preview.changed, entry);
        }
      }
    },
  };
}

import { createHash } from 'node:crypto';

import {
  addDays,
  AppError,
  blockInstants,
  boundedNumber,
  busySlot,
  datesOfIsoWeek,
  isoWeekOf,
  isoWeekSchema,
  type ImportIssue,
  type IsoWeek,
  weekdayOf,
  type WeekBlock,
} from '@bigrock/core';
import { z } from 'zod';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import { readIcs } from '../tracking/import/ics-reader.js';
import { ImportAbort } from '../tracking/import/text-input.js';
import { parseInput } from '../validation.js';
import type { PlannerRepository, StoredWeekBlock } from './planner.repository.js';
import type { PlannerService } from './planner.service.js';

/** Weeks a busy-time import covers: 1 (the week given) to 12 (the feed's span). */
export const busyWeeksSchema = boundedNumber({ min: 1, max: 12, whole: true, note: '(weeks imported)' });

const busyImportSchema = z.object({
  week: isoWeekSchema.optional().describe('The first week to import; this week by default'),
  weeks: busyWeeksSchema.optional().describe('How many weeks from it; 1 by default'),
  fileName: z.string().max(200).optional(),
});
export type BusyImportInput = z.input<typeof busyImportSchema>;

/** What an import of busy time did, week by week. */
export interface BusyImportResult {
  weeks: IsoWeek[];
  added: number;
  updated: number;
  unchanged: number;
  /** Events left out, by reason: all-day event, free time, cancelled, lasts no time. */
  skipped: Record<string, number>;
  blocks: WeekBlock[];
}

export interface BusyImportServiceDeps {
  planner: PlannerRepository;
  plannerService: Pick<PlannerService, 'zoneAndToday' | 'madeWeek'>;
  clock: Clock;
  workspaceId: string;
}

const issueText = (issue: ImportIssue) => `line ${issue.line}: ${issue.message}`;

/**
 * Busy time from a calendar (an .ics file) made fixed blocks of the weeks asked for, kind
 * meetings: recurring events expanded over those weeks, all-day, free (TRANSP:TRANSPARENT) and
 * cancelled events left out. Each occurrence is keyed by its UID and RECURRENCE-ID, so the same
 * file imported again changes nothing, and a moved meeting moves its block (raising its SEQUENCE).
 * The file is read by the tracking importer's iCalendar reader.
 */
export function createBusyImportService({ planner, plannerService, clock, workspaceId }: BusyImportServiceDeps) {
  return {
    async importBusy(text: AsyncIterable<string>, input: unknown = {}): Promise<BusyImportResult> {
      const options = parseInput(busyImportSchema, input);
      const { zone, today } = await plannerService.zoneAndToday();
      const first = datesOfIsoWeek(options.week ?? isoWeekOf(today))[0] ?? today;
      const weeks = Array.from({ length: options.weeks ?? 1 }, (_, index) => isoWeekOf(addDays(first, index * 7)));
      const lastDates = datesOfIsoWeek(weeks.at(-1) ?? weeks[0] ?? '');
      const startMs = blockInstants(first, '00:00', '24:00', zone).startMs;
      const endMs = blockInstants(lastDates[6] ?? first, '00:00', '24:00', zone).endMs;
      const reader = readIcs(text, { zone, startMs, endMs, busyOnly: true });
      const result: BusyImportResult = { weeks, added: 0, updated: 0, unchanged: 0, skipped: {}, blocks: [] };
      const entries: Array<{ key: string; startMs: number; endMs: number; title: string }> = [];
      try {
        for await (const batch of reader.rows) {
          for (const row of batch) {
            if (row.kind === 'issue')
              throw new AppError('invalid-input', `file: ${issueText(row.issue)}`, { field: 'file' });
            if (row.kind === 'skip') {
              if (!/range/.test(row.reason)) result.skipped[row.reason] = (result.skipped[row.reason] ?? 0) + 1;
              continue;
            }
            if (row.kind === 'entry' && row.entry.endMs !== null)
              entries.push({
                // A UID may be of any length: a long one is kept by its hash.
                key:
                  row.entry.key.length > 500
                    ? `sha256:${createHash('sha256').update(row.entry.key).digest('hex')}`
                    : row.entry.key,
                startMs: row.entry.startMs,
                endMs: row.entry.endMs,
                title: row.entry.activity,
              });
          }
        }
      } catch (error) {
        if (error instanceof ImportAbort)
          throw new AppError('invalid-input', `file: ${error.issues.map(issueText).join('; ')}`, { field: 'file' });
        throw error;
      }

      const now = clock.now().toISOString();
      for (const entry of entries) {
        const slot = busySlot(Math.max(entry.startMs, startMs), Math.min(entry.endMs, endMs), zone);
        if (slot === null) {
          result.skipped['lasts no time'] = (result.skipped['lasts no time'] ?? 0) + 1;
          continue;
        }
        const week = await plannerService.madeWeek(isoWeekOf(slot.date), zone);
        const existing = await planner.findImportedBlock(workspaceId, entry.key);
        const note = entry.title.slice(0, 500);
        let block: StoredWeekBlock;
        if (existing === undefined) {
          const id = newId();
          block = {
            id,
            weekId: week.id,
            templateBlockId: null,
            ...slot,
            activityId: null,
            activity: null,
            kind: 'meetings',
            note,
            skipped: false,
            feedUid: id,
            imported: { key: entry.key, from: options.fileName ?? null },
          };
          await planner.insertWeekBlock(workspaceId, block, now);
          result.added++;
        } else {
          const { week: _week, ...stored } = existing;
          block = { ...stored, weekId: week.id, ...slot, note };
          const same =
            existing.weekId === week.id &&
            existing.date === slot.date &&
            existing.start === slot.start &&
            existing.end === slot.end &&
            existing.note === note;
          if (same) result.unchanged++;
          else {
            await planner.updateWeekBlock(workspaceId, block, now);
            result.updated++;
          }
        }
        const { weekId: _weekId, feedUid: _feedUid, ...rest } = block;
        result.blocks.push({
          ...rest,
          weekday: weekdayOf(slot.date),
          ...blockInstants(slot.date, slot.start, slot.end, zone),
        });
      }
      return result;
    },
  };
}

export type BusyImportService = ReturnType<typeof createBusyImportService>;

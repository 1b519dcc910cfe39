import { AppError, assertCalendarDate, createOutcomeSchema, dateInZone, type Outcome } from '@bigrock/core';

import type { Clock } from '../clock.js';
import { newId } from '../db/new-id.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import { resolveActivityName } from './activity-names.js';
import type { OutcomeRepository } from './outcome.repository.js';
import type { TimeEntryQueries } from './time-entry.repository.js';

export interface OutcomeServiceDeps {
  outcomes: OutcomeRepository;
  /** The names of activities in use: an outcome credited to "calls" goes to "Calls". */
  names: TimeEntryQueries;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

/** Used for the first revenue of a workspace that names no currency. */
export const DEFAULT_CURRENCY = 'USD';

export function createOutcomeService({ outcomes, names, workspaces, clock, workspaceId }: OutcomeServiceDeps) {
  return {
    /** Records revenue, a client or leads; revenue takes the currency of the last one unless told. */
    async add(input: unknown): Promise<Outcome> {
      const fields = parseInput(createOutcomeSchema, input);
      const zone = (await workspaces.find(workspaceId))?.timeZone ?? 'UTC';
      const at = clock.now();
      const outcome: Outcome = {
        id: newId(),
        kind: fields.kind,
        amount: fields.amount,
        currency:
          fields.kind === 'revenue'
            ? (fields.currency ?? (await outcomes.lastCurrency(workspaceId)) ?? DEFAULT_CURRENCY)
            : null,
        date: fields.date ?? dateInZone(at, zone),
        activity:
          fields.activity == null
            ? null
            : await resolveActivityName(names, workspaceId, fields.activity, fields.keepSeparate),
        channel: fields.channel ?? null,
        note: fields.note ?? null,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      };
      await outcomes.insert(workspaceId, outcome);
      return outcome;
    },

    async list(range: { from?: string; to?: string } = {}): Promise<Outcome[]> {
      if (range.from !== undefined) assertCalendarDate(range.from, 'from');
      if (range.to !== undefined) assertCalendarDate(range.to, 'to');
      return outcomes.list(workspaceId, range);
    },

    /** Deletes an outcome; resolves to the deleted item's id, to undo it with. */
    async remove(id: string): Promise<string> {
      const deletedItemId = await outcomes.delete(workspaceId, id, clock.now());
      if (deletedItemId === null) {
        throw new AppError('not-found', `No outcome has the id "${id}".`, { field: 'id' });
      }
      return deletedItemId;
    },
  };
}

export type OutcomeService = ReturnType<typeof createOutcomeService>;

import type { Kysely } from 'kysely';

import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { DialectName } from '../db/open-database.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import { createEntryExportService } from './export/entry-export.service.js';
import { createImportService } from './import/import.service.js';
import { createOutcomeRepository } from './outcome.repository.js';
import { createOutcomeService } from './outcome.service.js';
import { createTimeEntryRepository } from './time-entry.repository.js';
import { createTimeEntryService } from './time-entry.service.js';

export interface TrackingDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}

/** The tracking area wired: entries and the timer, outcomes, imports and exports. */
export function createTrackingServices({ db, dialect, workspaces, clock, workspaceId }: TrackingDeps) {
  const entries = createTimeEntryRepository(db, dialect);
  const shared = { entries, workspaces, clock, workspaceId };
  return {
    entries: createTimeEntryService(shared),
    outcomes: createOutcomeService({
      outcomes: createOutcomeRepository(db),
      names: entries,
      workspaces,
      clock,
      workspaceId,
    }),
    imports: createImportService(shared),
    exports: createEntryExportService(shared),
  };
}

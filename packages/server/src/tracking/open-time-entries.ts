import type { Config } from '../config/config.js';
import { openWorkspace, type BigrockOptions } from '../workspaces/open-workspace.js';
import { createTimeEntryRepository } from './time-entry.repository.js';
import { createTimeEntryService, type TimeEntryService } from './time-entry.service.js';

/**
 * The time entries alone, wired as openBigrock wires them: for the CLI's timer, which must start
 * in a blink and so loads none of the rest (goals, funnels, imports and their schemas).
 */
export async function openTimeEntries(
  config: Config,
  options: BigrockOptions = {},
): Promise<{ entries: TimeEntryService; close(): Promise<void> }> {
  const { database, clock, workspaceRepository, workspaceId } = await openWorkspace(config, options);
  const entries = createTimeEntryService({
    entries: createTimeEntryRepository(database.db, database.dialect),
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  return { entries, close: database.close };
}

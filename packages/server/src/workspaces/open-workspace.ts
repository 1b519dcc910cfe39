import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config/config.js';
import { openDatabase, type DatabaseOptions, type OpenDatabase } from '../db/open-database.js';
import { createWorkspaceRepository, type WorkspaceRepository } from './workspace.repository.js';

/** Local mode has one workspace; its id is on every row so that accounts can come later. */
export const DEFAULT_WORKSPACE_ID = 'default';

export interface BigrockOptions extends DatabaseOptions {
  clock?: Clock;
}

export interface OpenWorkspace {
  database: OpenDatabase;
  clock: Clock;
  workspaceRepository: WorkspaceRepository;
  workspaceId: string;
}

/** Opens the database and makes sure the workspace exists: what every composition starts from. */
export async function openWorkspace(config: Config, options: BigrockOptions = {}): Promise<OpenWorkspace> {
  const database = await openDatabase(config, options);
  const clock = options.clock ?? systemClock;
  const workspaceRepository = createWorkspaceRepository(database.db);
  const workspaceId = DEFAULT_WORKSPACE_ID;
  try {
    await workspaceRepository.ensure({
      id: workspaceId,
      name: 'My workspace',
      timeZone: config.timeZone,
      createdAt: clock.now().toISOString(),
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  return { database, clock, workspaceRepository, workspaceId };
}

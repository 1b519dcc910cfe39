import { randomBytes } from 'node:crypto';

import { createActivityRepository } from './activities/activity.repository.js';
import { createActivityService } from './activities/activity.service.js';
import { createBackupRepository } from './backup/backup.repository.js';
import { createBackupService } from './backup/backup.service.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseOptions, type OpenDatabase } from './db/open-database.js';
import { createDemoService } from './demo/demo.service.js';
import { createFunnelRepository } from './funnels/funnel.repository.js';
import { createFunnelService } from './funnels/funnel.service.js';
import { createGoalRepository } from './goals/goal.repository.js';
import { createGoalService } from './goals/goal.service.js';
import { createTrackingServices } from './tracking/tracking-services.js';
import { createSettingRepository } from './workspaces/setting.repository.js';
import { createWorkspaceRepository } from './workspaces/workspace.repository.js';
import { createWorkspaceService } from './workspaces/workspace.service.js';

/** Local mode has one workspace; its id is on every row so that accounts can come later. */
export const DEFAULT_WORKSPACE_ID = 'default';

const SESSION_SECRET_KEY = 'session-secret';

export interface BigrockOptions extends DatabaseOptions {
  clock?: Clock;
}

/** The database, the repositories and the services, wired once for the server and the CLI alike. */
export async function openBigrock(config: Config, options: BigrockOptions = {}) {
  const database: OpenDatabase = await openDatabase(config, options);
  const clock = options.clock ?? systemClock;
  const { db } = database;
  const workspaceRepository = createWorkspaceRepository(db);
  const settings = createSettingRepository(db);
  const goalRepository = createGoalRepository(db);
  const activityRepository = createActivityRepository(db);
  const workspaceId = DEFAULT_WORKSPACE_ID;

  await workspaceRepository.ensure({
    id: workspaceId,
    name: 'My workspace',
    timeZone: config.timeZone,
    createdAt: clock.now().toISOString(),
  });

  /** The secret behind the web app's session cookie and the API's bearer token, made on first use. */
  const sessionSecret = () => settings.getOrInsert(SESSION_SECRET_KEY, randomBytes(32).toString('base64url'));

  const goals = createGoalService({
    goals: goalRepository,
    activities: activityRepository,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const activities = createActivityService({
    activities: activityRepository,
    goals: goalRepository,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const funnels = createFunnelService({
    funnels: createFunnelRepository(db),
    activities: activityRepository,
    activityService: activities,
    goals: goalRepository,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const tracking = createTrackingServices({ db, workspaces: workspaceRepository, clock, workspaceId });
  return {
    config,
    dialect: database.dialect,
    db,
    sessionSecret,
    workspace: createWorkspaceService({ workspaces: workspaceRepository, workspaceId }),
    goals,
    activities,
    funnels,
    demo: createDemoService({ goals: goalRepository, goalService: goals, activities, funnels, workspaceId }),
    entries: tracking.entries,
    outcomes: tracking.outcomes,
    imports: tracking.imports,
    exports: tracking.exports,
    backup: createBackupService({
      backups: createBackupRepository(db, database.dialect, workspaceId),
      dialect: database.dialect,
      clock,
      workspaceId,
    }),
    close: database.close,
  };
}

export type Bigrock = Awaited<ReturnType<typeof openBigrock>>;

import { randomBytes } from 'node:crypto';

import { createActivityRepository } from './activities/activity.repository.js';
import { createActivityService } from './activities/activity.service.js';
import { createBackupRepository } from './backup/backup.repository.js';
import { createBackupService } from './backup/backup.service.js';
import type { Config } from './config/config.js';
import { createDataVersion } from './db/data-version.js';
import { createDemoService } from './demo/demo.service.js';
import { createFunnelRepository } from './funnels/funnel.repository.js';
import { createFunnelService } from './funnels/funnel.service.js';
import { createGoalRepository } from './goals/goal.repository.js';
import { createGoalSourceRepository } from './goals/goal-source.repository.js';
import { createGoalService } from './goals/goal.service.js';
import { createPlannerRepository } from './planner/planner.repository.js';
import { createPlannerService } from './planner/planner.service.js';
import { createTimeEntryRepository } from './tracking/time-entry.repository.js';
import { createTrackingServices } from './tracking/tracking-services.js';
import { createDeletedItemRepository } from './undo/deleted-item.repository.js';
import { createDeletedItemService } from './undo/deleted-item.service.js';
import { openWorkspace, type BigrockOptions } from './workspaces/open-workspace.js';
import { createSettingRepository } from './workspaces/setting.repository.js';
import { createWorkspaceService } from './workspaces/workspace.service.js';

const SESSION_SECRET_KEY = 'session-secret';

/** The database, the repositories and the services, wired once for the server and the CLI alike. */
export async function openBigrock(config: Config, options: BigrockOptions = {}) {
  const { database, clock, workspaceRepository, workspaceId } = await openWorkspace(config, options);
  const { db } = database;
  const settings = createSettingRepository(db);
  const goalRepository = createGoalRepository(db);
  const activityRepository = createActivityRepository(db);

  /** The secret behind the web app's session cookie and the API's bearer token, made on first use. */
  const sessionSecret = () => settings.getOrInsert(SESSION_SECRET_KEY, randomBytes(32).toString('base64url'));

  const goals = createGoalService({
    goals: goalRepository,
    activities: activityRepository,
    sources: createGoalSourceRepository(db),
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
  const tracking = createTrackingServices({
    db,
    dialect: database.dialect,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const planner = createPlannerService({
    planner: createPlannerRepository(db),
    activities: activityRepository,
    activityService: activities,
    goals: goalRepository,
    goalService: goals,
    funnelService: funnels,
    entries: createTimeEntryRepository(db, database.dialect),
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  return {
    config,
    dialect: database.dialect,
    db,
    /** Changes whenever committed data may have: answers computed from unchanged data can be kept. */
    dataVersion: createDataVersion(db, database.dialect),
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
    undo: createDeletedItemService({
      deletedItems: createDeletedItemRepository(db, database.dialect),
      clock,
      workspaceId,
    }),
    planner,
    backup: createBackupService({
      backups: createBackupRepository(db, database.dialect, workspaceId),
      async snapshot() {
        const { db: reading, end } = await database.readSnapshot();
        return { backups: createBackupRepository(reading, database.dialect, workspaceId), end };
      },
      dialect: database.dialect,
      clock,
      workspaceId,
    }),
    close: database.close,
  };
}

export type Bigrock = Awaited<ReturnType<typeof openBigrock>>;
export { DEFAULT_WORKSPACE_ID, type BigrockOptions } from './workspaces/open-workspace.js';

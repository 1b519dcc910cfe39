import { randomBytes } from 'node:crypto';

import { createActivityRepository } from './activities/activity.repository.js';
import { createActivityService } from './activities/activity.service.js';
import { createAuditService } from './audit/audit.service.js';
import { createChannelMappingRepository } from './audit/channel-mapping.repository.js';
import { createBackupRepository } from './backup/backup.repository.js';
import { createBackupService } from './backup/backup.service.js';
import type { Config } from './config/config.js';
import { createDataVersion } from './db/data-version.js';
import { currentSchema } from './db/open-database.js';
import { createDemoService } from './demo/demo.service.js';
import { createFocusRepository } from './focus/focus.repository.js';
import { createFocusService } from './focus/focus.service.js';
import { createFunnelRepository } from './funnels/funnel.repository.js';
import { createFunnelService } from './funnels/funnel.service.js';
import { createGoalRepository } from './goals/goal.repository.js';
import { createGoalSourceRepository } from './goals/goal-source.repository.js';
import { createGoalService } from './goals/goal.service.js';
import { createMoneySettingsRepository } from './money/money-settings.repository.js';
import { createMoneyService } from './money/money.service.js';
import { createNotificationRepository } from './notifications/notification.repository.js';
import { createNotificationService } from './notifications/notification.service.js';
import { createPlannerRepository } from './planner/planner.repository.js';
import { createBusyImportService } from './planner/busy-import.service.js';
import { createCalendarFeedService } from './planner/calendar-feed.service.js';
import { createPlannerService } from './planner/planner.service.js';
import { auditWasters, triageSuggestions } from './review/review-inputs.js';
import { createReviewRepository } from './review/review.repository.js';
import { createReviewService } from './review/review.service.js';
import { createOutcomeRepository } from './tracking/outcome.repository.js';
import { createTriageTaskRepository } from './triage/triage-task.repository.js';
import { createTriageService } from './triage/triage.service.js';
import { createAccountRepository } from './publishing/account.repository.js';
import { createAccountService } from './publishing/account.service.js';
import { createCredentialCipher, loadCredentialKey } from './publishing/credential-cipher.js';
import { createDeliveryService } from './publishing/delivery.service.js';
import { startInProcessWorker, startPgBossWorkers, type DeliveryWorkers } from './publishing/delivery-workers.js';
import { createPostRepository } from './publishing/post.repository.js';
import { createPostService, createScheduleHub } from './publishing/post.service.js';
import { createReportService } from './reports/report.service.js';
import { createPostsFeedService } from './publishing/feeds/posts-feed.service.js';
import { createRuleService } from './rules/rule.service.js';
import { createTimeEntryRepository } from './tracking/time-entry.repository.js';
import { createTrackingServices } from './tracking/tracking-services.js';
import { createDeletedItemRepository } from './undo/deleted-item.repository.js';
import { createDeletedItemService } from './undo/deleted-item.service.js';
import { openWorkspace, type BigrockOptions } from './workspaces/open-workspace.js';
import { createSettingRepository } from './workspaces/setting.repository.js';
import { createWorkspaceService } from './workspaces/workspace.service.js';

const SESSION_SECRET_KEY = 'session-secret';

export interface OpenBigrockOptions extends BigrockOptions {
  /** The waits between a rule's webhook tries (tests pass one that records them). */
  sleep?: (ms: number) => Promise<void>;
}

/** The database, the repositories and the services, wired once for the server and the CLI alike. */
export async function openBigrock(config: Config, options: OpenBigrockOptions = {}) {
  const { database, clock, workspaceRepository, workspaceId } = await openWorkspace(config, options);
  const databaseSchema = options.schema;
  const { db } = database;
  const settings = createSettingRepository(db);
  const goalRepository = createGoalRepository(db);
  const activityRepository = createActivityRepository(db);
  const moneySettings = createMoneySettingsRepository(db, database.dialect);

  /** The secret behind the web app's session cookie and the API's bearer token, made on first use. */
  const sessionSecret = () => settings.getOrInsert(SESSION_SECRET_KEY, randomBytes(32).toString('base64url'));

  const goals = createGoalService({
    goals: goalRepository,
    activities: activityRepository,
    sources: createGoalSourceRepository(db),
    workspaces: workspaceRepository,
    moneySettings,
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
  const plannerRepository = createPlannerRepository(db);
  const dataVersion = createDataVersion(db, database.dialect);
  const planner = createPlannerService({
    planner: plannerRepository,
    activities: activityRepository,
    activityService: activities,
    goals: goalRepository,
    goalService: goals,
    funnelService: funnels,
    entries: createTimeEntryRepository(db, database.dialect),
    workspaces: workspaceRepository,
    moneySettings,
    clock,
    workspaceId,
  });
  const focus = createFocusService({
    focus: createFocusRepository(db),
    entries: createTimeEntryRepository(db, database.dialect),
    planner,
    activities: activityRepository,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const reports = createReportService({
    db,
    settings: moneySettings,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const money = createMoneyService({
    db,
    settings: moneySettings,
    tracked: reports,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const entryRepository = createTimeEntryRepository(db, database.dialect);
  const outcomeRepository = createOutcomeRepository(db);
  const audit = createAuditService({
    tracked: reports,
    outcomes: outcomeRepository,
    activities: activityRepository,
    channels: createChannelMappingRepository(db),
    money,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const triage = createTriageService({
    tracked: reports,
    tasks: createTriageTaskRepository(db),
    money,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
  });
  const review = createReviewService({
    reviews: createReviewRepository(db),
    activities: activityRepository,
    entries: entryRepository,
    outcomes: outcomeRepository,
    goals,
    funnels,
    money,
    workspaces: workspaceRepository,
    clock,
    workspaceId,
    wasters: auditWasters(audit),
    triageSuggestions: triageSuggestions(triage),
  });
  const cipher = createCredentialCipher(() => loadCredentialKey(config));
  const accountRepository = createAccountRepository(db, workspaceId);
  const publishingAccounts = createAccountService({
    accounts: accountRepository,
    cipher,
    clock,
    identity: { plcUrl: config.plcUrl, handleResolverUrl: config.handleResolverUrl },
  });
  const postRepository = createPostRepository(db, database.dialect, workspaceId);
  const scheduleHub = createScheduleHub();
  const posts = createPostService({
    posts: postRepository,
    accounts: accountRepository,
    workspaces: workspaceRepository,
    hub: scheduleHub,
    clock,
    workspaceId,
  });
  const deliveries = createDeliveryService({ posts: postRepository, accounts: publishingAccounts, clock });

  /**
   * Starts the delivery workers of this process: the in-process loop on SQLite, pg-boss workers on
   * PostgreSQL (their jobs in the schema `<the schema Bigrock works in>_jobs`; `bigrock_jobs` for public).
   */
  async function startDeliveryWorkers(
    options: { workers?: number; pollMs?: number; leaseMs?: number; onError?(error: unknown): void } = {},
  ): Promise<DeliveryWorkers> {
    const workerDeliveries =
      options.leaseMs === undefined
        ? deliveries
        : createDeliveryService({
            posts: postRepository,
            accounts: publishingAccounts,
            clock,
            leaseMs: options.leaseMs,
          });
    if (config.databaseUrl === null) {
      return startInProcessWorker({
        deliveries: workerDeliveries,
        hub: scheduleHub,
        clock,
        pollMs: options.pollMs,
        onError: options.onError,
      });
    }
    return startPgBossWorkers({
      deliveries: workerDeliveries,
      hub: scheduleHub,
      clock,
      databaseUrl: config.databaseUrl,
      jobsSchema: `${databaseSchema ?? (await currentSchema(db, database.dialect)) ?? 'bigrock'}_jobs`.replace(
        /^public_jobs$/,
        'bigrock_jobs',
      ),
      workers: Math.max(1, options.workers ?? config.workers),
      sweepMs: options.pollMs,
      onError: options.onError,
    });
  }

  const workspaceName = async () => (await workspaceRepository.find(workspaceId))?.name ?? 'Bigrock';
  const rules = createRuleService({
    db,
    workspaceId,
    cipher,
    accounts: publishingAccounts,
    goals,
    activities,
    posts,
    timeZone: async () => (await workspaceRepository.find(workspaceId))?.timeZone ?? 'UTC',
    clock,
    ...(options.sleep !== undefined && { sleep: options.sleep }),
  });
  return {
    config,
    dialect: database.dialect,
    db,
    /** Changes whenever committed data may have: answers computed from unchanged data can be kept. */
    dataVersion,
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
    money,
    notifications: createNotificationService({
      notifications: createNotificationRepository(db),
      workspaces: workspaceRepository,
      clock,
      workspaceId,
    }),
    triage,
    focus,
    review,
    busyImport: createBusyImportService({ planner: plannerRepository, plannerService: planner, clock, workspaceId }),
    calendarFeed: createCalendarFeedService({
      planner: plannerRepository,
      plannerService: planner,
      settings,
      sessionSecret,
      dataVersion,
      clock,
      workspaceId,
      workspaceName: async () => (await workspaceRepository.find(workspaceId))?.name ?? 'Bigrock',
    }),
    audit,
    publishingAccounts,
    reports,
    /** Posts and the queue: `posts.create({ text, overrides?, accountIds?, when })` queues or sends one. */
    posts,
    /** The queue's slots, pause and resume, and its week: the same service as `posts`. */
    queue: posts,
    /** One try of a delivery at a time, for the workers. */
    deliveries,
    startDeliveryWorkers,
    rules,
    postsFeed: createPostsFeedService({
      posts,
      settings,
      sessionSecret,
      clock,
      workspaceId,
      workspaceName,
    }),
    backup: createBackupService({
      backups: createBackupRepository(db, database.dialect, workspaceId),
      async snapshot() {
        const { db: reading, end } = await database.readSnapshot();
        return { backups: createBackupRepository(reading, database.dialect, workspaceId), end };
      },
      dialect: database.dialect,
      clock,
      workspaceId,
      secrets: [
        {
          table: 'publishing_accounts',
          column: 'credentials',
          reveal: (row) => cipher.open(String(row.credentials), String(row.id)),
          seal: (row, plaintext) => cipher.seal(plaintext, String(row.id)),
        },
        {
          table: 'rules',
          column: 'hook_secret',
          reveal: (row) => cipher.open(String(row.hook_secret), String(row.id)),
          seal: (row, plaintext) => cipher.seal(plaintext, String(row.id)),
        },
      ],
    }),
    close: database.close,
  };
}

export type Bigrock = Awaited<ReturnType<typeof openBigrock>>;
export { DEFAULT_WORKSPACE_ID, type BigrockOptions } from './workspaces/open-workspace.js';

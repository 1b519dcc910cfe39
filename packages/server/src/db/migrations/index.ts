import type { Migration } from 'kysely';

import * as goals from './0001-goals.js';
import * as activities from './0002-activities.js';
import * as tracking from './0003-tracking.js';
import * as longEntries from './0004-long-entries.js';
import * as goalDays from './0005-goal-days.js';
import * as goalSources from './0006-goal-sources.js';
import * as deletedItems from './0007-deleted-items.js';
import * as clientsProjects from './0008-clients-projects.js';
import * as workingHours from './0009-working-hours.js';
import * as activityNames from './0010-activity-names.js';
import * as planner from './0011-planner.js';
import * as moneySettings from './0012-money-settings.js';
import * as focus from './0013-focus.js';
import * as notifications from './0014-notifications.js';
import * as calendarFeed from './0015-calendar-feed.js';
import * as triage from './0018-triage.js';
import * as audit from './0017-audit.js';
import * as publishingAccounts from './0019-publishing-accounts.js';
import * as rollups from './0016-rollups.js';
import * as posts from './0020-posts.js';
import * as rules from './0021-rules.js';
import * as postMedia from './0022-post-media.js';

/** Every migration, in order. A new area adds its file here; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001-goals': goals,
  '0002-activities': activities,
  '0003-tracking': tracking,
  '0004-long-entries': longEntries,
  '0005-goal-days': goalDays,
  '0006-goal-sources': goalSources,
  '0007-deleted-items': deletedItems,
  '0008-clients-projects': clientsProjects,
  '0009-working-hours': workingHours,
  '0010-activity-names': activityNames,
  '0011-planner': planner,
  '0012-money-settings': moneySettings,
  '0013-focus': focus,
  '0014-notifications': notifications,
  '0015-calendar-feed': calendarFeed,
  '0018-triage': triage,
  '0017-audit': audit,
  '0019-publishing-accounts': publishingAccounts,
  '0016-rollups': rollups,
  '0020-posts': posts,
  '0021-rules': rules,
  '0022-post-media': postMedia,
};

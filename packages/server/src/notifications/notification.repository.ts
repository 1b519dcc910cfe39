import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '@bigrock/core';
import type { Kysely } from 'kysely';

import type { Database } from '../db/database.js';

/** The notification settings of a workspace: one row, or none for the defaults (nothing interrupts). */
export function createNotificationRepository(db: Kysely<Database>) {
  return {
    async find(workspaceId: string): Promise<NotificationSettings> {
      const row = await db
        .selectFrom('notification_settings')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      if (row === undefined) return DEFAULT_NOTIFICATION_SETTINGS;
      return {
        digestTime: row.digest_time,
        quietHours:
          row.quiet_start === null || row.quiet_end === null ? null : { start: row.quiet_start, end: row.quiet_end },
      };
    },

    async save(workspaceId: string, settings: NotificationSettings, now: string): Promise<void> {
      const values = {
        digest_time: settings.digestTime,
        quiet_start: settings.quietHours?.start ?? null,
        quiet_end: settings.quietHours?.end ?? null,
        updated_at: now,
      };
      await db
        .insertInto('notification_settings')
        .values({ workspace_id: workspaceId, ...values })
        .onConflict((conflict) => conflict.column('workspace_id').doUpdateSet(values))
        .execute();
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;

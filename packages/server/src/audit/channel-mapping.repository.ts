import { activityNameKey, type ChannelMapping } from '@bigrock/core';
import type { Kysely } from 'kysely';

import type { Database } from '../db/database.js';
import { newId } from '../db/new-id.js';

function readActivities(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** The workspace's channels and the activities each maps to (migration 0017, `audit_channels`). */
export function createChannelMappingRepository(db: Kysely<Database>) {
  return {
    async list(workspaceId: string): Promise<ChannelMapping[]> {
      const rows = await db
        .selectFrom('audit_channels')
        .select(['channel', 'activities'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('channel_key')
        .execute();
      return rows.map((row) => ({ channel: row.channel, activities: readActivities(row.activities) }));
    },

    /** Sets a channel's activities, the channel made on first use; one statement, so two at once leave one row. */
    async put(workspaceId: string, mapping: ChannelMapping, at: string): Promise<void> {
      await db
        .insertInto('audit_channels')
        .values({
          id: newId(),
          workspace_id: workspaceId,
          channel: mapping.channel,
          channel_key: activityNameKey(mapping.channel),
          activities: JSON.stringify(mapping.activities),
          created_at: at,
          updated_at: at,
        })
        .onConflict((conflict) =>
          conflict.columns(['workspace_id', 'channel_key']).doUpdateSet({
            channel: mapping.channel,
            activities: JSON.stringify(mapping.activities),
            updated_at: at,
          }),
        )
        .execute();
    },

    /** Whether there was such a channel. */
    async delete(workspaceId: string, channel: string): Promise<boolean> {
      const result = await db
        .deleteFrom('audit_channels')
        .where('workspace_id', '=', workspaceId)
        .where('channel_key', '=', activityNameKey(channel))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type ChannelMappingRepository = ReturnType<typeof createChannelMappingRepository>;

import { digestDue, notificationSettingsSchema, type DigestDue, type NotificationSettings } from '@bigrock/core';

import type { Clock } from '../clock.js';
import { parseInput } from '../validation.js';
import type { WorkspaceRepository } from '../workspaces/workspace.repository.js';
import type { NotificationRepository } from './notification.repository.js';

/** The settings, with the workspace's zone they are read on and whether the digest is due now. */
export interface NotificationsView extends NotificationSettings {
  timeZone: string;
  /** Today's digest as the server's clock sees it, for a page not shown yet today. */
  digest: DigestDue;
}

/** Notifications, quiet by default: the one daily digest time and the quiet hours the user chose. */
export function createNotificationService({
  notifications,
  workspaces,
  clock,
  workspaceId,
}: {
  notifications: NotificationRepository;
  workspaces: WorkspaceRepository;
  clock: Clock;
  workspaceId: string;
}) {
  async function get(): Promise<NotificationsView> {
    const [settings, workspace] = await Promise.all([notifications.find(workspaceId), workspaces.find(workspaceId)]);
    const timeZone = workspace?.timeZone ?? 'UTC';
    return { ...settings, timeZone, digest: digestDue(settings, timeZone, clock.now().getTime(), null) };
  }

  return {
    get,
    /** Changes the digest time or the quiet hours (null turns either off); what is left out stays. */
    async update(input: unknown): Promise<NotificationsView> {
      const changes = parseInput(notificationSettingsSchema, input);
      const current = await notifications.find(workspaceId);
      await notifications.save(
        workspaceId,
        {
          digestTime: changes.digestTime === undefined ? current.digestTime : changes.digestTime,
          quietHours: changes.quietHours === undefined ? current.quietHours : changes.quietHours,
        },
        clock.now().toISOString(),
      );
      return get();
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;

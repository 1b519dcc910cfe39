import { notificationSettingsSchema } from '@bigrock/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

import type { NotificationService } from './notification.service.js';

export function notificationRoutes(notifications: NotificationService): FastifyPluginAsyncZod {
  return async function registerNotificationRoutes(app) {
    const tags = ['notifications'];
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'The daily digest time and quiet hours (none by default), and whether the digest is due',
        },
      },
      () => notifications.get(),
    );
    app.patch(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'Choose the daily digest time and the quiet hours; null turns either off',
          body: notificationSettingsSchema,
        },
      },
      (request) => notifications.update(request.body),
    );
  };
}

import { z } from 'zod';

import { clockTimeSchema } from '../time/clock-time.js';
import type { QuietHours } from './notification-settings.js';

/** Quiet hours as the API takes them: `{ start: '20:00', end: '08:00' }`; a start equal to the end is refused. */
export const quietHoursSchema = z
  .object({ start: clockTimeSchema, end: clockTimeSchema })
  .strict()
  .superRefine((quiet, context) => {
    if (quiet.start === quiet.end)
      context.addIssue({
        code: 'custom',
        path: ['end'],
        message: `must differ from the start (${quiet.start}); turn quiet hours off with null`,
      });
  });

/**
 * A change of the notification settings: a digest time or null (no digest), quiet hours or null.
 *
 * @example notificationSettingsSchema.parse({ digestTime: '08:30', quietHours: { start: '20:00', end: '08:00' } })
 */
export const notificationSettingsSchema = z
  .object({
    digestTime: clockTimeSchema
      .nullable()
      .optional()
      .describe('The daily digest, HH:MM on the workspace clocks; null for none'),
    quietHours: quietHoursSchema.nullable().optional().describe('Quiet hours, HH:MM to HH:MM; null for none'),
  })
  .strict();
export type NotificationSettingsInput = z.input<typeof notificationSettingsSchema>;

const example = 'write it as 20:00-08:00, or off';

/**
 * Quiet hours as typed on the command line: `20:00-08:00` (8:00 for 08:00), or `off`.
 *
 * @example parseQuietHours('20:00-8:00') // { quiet: { start: '20:00', end: '08:00' } }
 * @example parseQuietHours('off') // { quiet: null }
 */
export function parseQuietHours(text: string): { quiet: QuietHours | null } | { problem: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off' || trimmed === 'none') return { quiet: null };
  const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(trimmed);
  if (match === null) return { problem: `"${text.slice(0, 40)}" is not a span of quiet hours: ${example}` };
  const parsed = quietHoursSchema.safeParse({
    start: (match[1] ?? '').padStart(5, '0'),
    end: (match[2] ?? '').padStart(5, '0'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `quiet ${String(issue?.path[0] ?? '')} ${issue?.message ?? 'is not valid'}; ${example}` };
  }
  return { quiet: parsed.data };
}

/**
 * A digest time as typed on the command line: `08:30` (8:30 too), or `off`.
 *
 * @example parseDigestTime('8:30') // { digestTime: '08:30' }
 */
export function parseDigestTime(text: string): { digestTime: string | null } | { problem: string } {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off' || trimmed === 'none') return { digestTime: null };
  const padded = /^\d:\d{2}$/.test(trimmed) ? `0${trimmed}` : trimmed;
  if (!clockTimeSchema.safeParse(padded).success)
    return { problem: `"${text.slice(0, 40)}" is not a time of day: write the digest time as 08:30 (HH:MM), or off` };
  return { digestTime: padded };
}

import { z } from 'zod';

import { idSchema } from '../input/text-schema.js';
import { AWAY_ACTIVITY, idleActions } from './idle-time.js';
import { entryActivitySchema, instantInputSchema } from './time-entry.js';

// Apart from idle-time.ts, so that the web app's watch on every page loads no schema (nor zod).
export const resolveIdleSchema = z.object({
  entryId: idSchema.describe('The running timer the idle time is in: nothing changes if another one runs now'),
  from: instantInputSchema.describe("When the idle time began; before the timer's start counts from its start"),
  to: instantInputSchema.describe('When the user came back: after `from`; a time after now counts as now'),
  action: z.enum(idleActions),
  activity: entryActivitySchema
    .optional()
    .describe(`split: the activity of the idle time; "${AWAY_ACTIVITY}" by default`),
});
export type ResolveIdleInput = z.input<typeof resolveIdleSchema>;

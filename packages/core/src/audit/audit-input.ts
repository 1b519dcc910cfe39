import { z } from 'zod';

import { entryActivitySchema } from '../tracking/time-entry.js';
import { textSchema } from '../input/text-schema.js';
import { calendarDateSchema } from '../time/calendar-date-schema.js';
import { attributionModels } from './attribution.js';
import { reportRangeNames as relativeRanges } from '../reports/report-range.js';
import { DEFAULT_LAG_WEEKS } from './audit-report.js';

const lagMessage = 'must be a whole number of weeks from 1 to 52';

/** The fields of an audit's query. */
export const auditQueryShape = {
  range: textSchema
    .pipe(z.enum(relativeRanges, { error: `must be one of ${relativeRanges.join(', ')}` }))
    .optional()
    .describe(`A range that rolls forward (${relativeRanges.join(', ')}); this month unless from and to are given`),
  from: calendarDateSchema.optional().describe('The first day, YYYY-MM-DD (with to)'),
  to: calendarDateSchema.optional().describe('The last day, YYYY-MM-DD, included'),
  attribution: textSchema
    .pipe(z.enum(attributionModels, { error: `must be one of ${attributionModels.join(', ')}` }))
    .optional()
    .describe(`How revenue is credited to activities (${attributionModels.join(', ')}); direct unless set`),
  lagWeeks: textSchema
    // A refinement, not a second pattern: the one pattern of the OpenAPI document stays the NUL guard.
    .refine((text) => /^\d{1,2}$/.test(text), { message: lagMessage })
    .transform(Number)
    .pipe(z.number().int().min(1, { message: lagMessage }).max(52, { message: lagMessage }))
    .optional()
    .describe(`Weeks before revenue whose hours earned it (lagged; ${DEFAULT_LAG_WEEKS} unless set)`),
};

interface WindowFields {
  range?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function checkWindow(query: WindowFields, context: z.RefinementCtx) {
  {
    if (query.range !== undefined && (query.from !== undefined || query.to !== undefined)) {
      context.addIssue({ code: 'custom', path: ['range'], message: 'give either a range or from and to, not both' });
    } else if ((query.from === undefined) !== (query.to === undefined)) {
      const missing = query.from === undefined ? 'from' : 'to';
      context.addIssue({ code: 'custom', path: [missing], message: 'give both from and to' });
    } else if (query.from !== undefined && query.to !== undefined && query.to < query.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: `must be on or after from (${query.from})` });
    }
  }
}

/**
 * The window and model of an audit as a query string gives them: `range` (a relative range) or
 * `from` and `to`; `attribution`; `lagWeeks` for the lagged model. The end may not come before the
 * start (field `to`), nor may a range and dates be given together (field `range`).
 *
 * @example auditQuerySchema.parse({ range: 'this-month', attribution: 'lagged', lagWeeks: '6' }) // { range: 'this-month', attribution: 'lagged', lagWeeks: 6 }
 */
export const auditQuerySchema = z.object(auditQueryShape).strict().superRefine(checkWindow);

/**
 * One activity's return over a window: the audit's query and the activity.
 *
 * @example activityRoiQuerySchema.parse({ activity: 'Networking', range: 'this-month' })
 */
export const activityRoiQuerySchema = z
  .object({ ...auditQueryShape, activity: entryActivitySchema })
  .strict()
  .superRefine(checkWindow);

export type AuditQuery = z.output<typeof auditQuerySchema>;

export type ActivityRoiQuery = z.output<typeof activityRoiQuerySchema>;

export const channelNameSchema = textSchema
  .trim()
  .min(1, { message: 'must not be empty: name the channel' })
  .max(100, { message: 'must be at most 100 characters' })
  .describe('A channel: referral, LinkedIn, networking event');

/**
 * The activities a channel maps to, for the `channel` attribution.
 *
 * @example channelMappingInputSchema.parse({ activities: ['Networking', 'Follow-ups'] })
 */
export const channelMappingInputSchema = z
  .object({
    activities: z
      .array(entryActivitySchema)
      .min(1, { message: 'must name at least one activity' })
      .max(50, { message: 'must name at most 50 activities' })
      .describe('The activities whose hours feed this channel'),
  })
  .strict();

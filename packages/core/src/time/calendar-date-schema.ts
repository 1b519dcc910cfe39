import { z } from 'zod';

import { calendarDateProblem } from './calendar-date.js';

/**
 * A calendar date in an input schema: a string written `YYYY-MM-DD` that names a real day from
 * 1900-01-01 to 2999-12-31.
 *
 * @example calendarDateSchema.parse('2026-03-26') // '2026-03-26'
 */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  .superRefine((value, context) => {
    const problem = calendarDateProblem(value);
    // A date in the wrong form has had its issue from the pattern already.
    if (problem !== null && /^\d{4}-\d{2}-\d{2}$/.test(value)) context.addIssue({ code: 'custom', message: problem });
  })
  .describe('A calendar date, YYYY-MM-DD, from 1900-01-01 to 2999-12-31');

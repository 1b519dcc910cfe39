import { z } from 'zod';

import { isCalendarDate } from './calendar-date.js';

/**
 * A calendar date in an input schema: a string written `YYYY-MM-DD` that names a real day.
 *
 * @example calendarDateSchema.parse('2026-03-26') // '2026-03-26'
 */
export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'must be a date written YYYY-MM-DD' })
  .describe('A calendar date, YYYY-MM-DD');

import { z } from 'zod';

import { isoWeekSchema } from '../planner/planner-input.js';

/**
 * The week a review is asked for: `?week=2027-W03`; last week when left out.
 *
 * @example reviewQuerySchema.parse({ week: '2027-W03' }) // { week: '2027-W03' }
 */
export const reviewQuerySchema = z
  .object({
    week: isoWeekSchema.optional().describe('The ISO week, such as 2027-W03; last week by default'),
  })
  .strict();

export type ReviewQuery = z.output<typeof reviewQuerySchema>;

import { textSchema } from '../input/text-schema.js';

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A time of day on the workspace's clocks, written `HH:MM` (24-hour).
 *
 * @example clockTimeSchema.parse('09:00') // '09:00'
 */
export const clockTimeSchema = textSchema
  .trim()
  .refine((text) => timePattern.test(text), { message: 'must be a time written HH:MM, from 00:00 to 23:59' })
  .describe('A time of day on the workspace clocks, HH:MM');

/** The end of a span of a day (a block, a day's working hours): a time of day, or 24:00 for the end of the day. */
export const endTimeSchema = textSchema
  .trim()
  .refine((text) => text === '24:00' || timePattern.test(text), {
    message: 'must be a time written HH:MM, from 00:01 to 24:00',
  })
  .describe('A time of day on the workspace clocks, HH:MM; 24:00 for the end of the day');

/** Minutes from midnight of `HH:MM` (24:00 is 1440). */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

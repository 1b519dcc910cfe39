import { z } from 'zod';

export interface NumberRange {
  min: number;
  max: number;
  /** A count of things: calls, recruits, days. */
  whole?: boolean;
  /**
   * The smallest size of a value other than 0 that makes sense (with `min` 0, the smallest positive). Between 0 and it lie values that
   * no one means (5e-324 hours a week) and that break the maths they feed.
   */
  smallestPositive?: number;
  /** Said after the range, to explain it: "(the hours in a week)". */
  note?: string;
}

const written = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });

/**
 * The range as the error messages say it.
 *
 * @example describeRange({ min: 0, max: 168, smallestPositive: 0.1 }) // 'must be 0, or a number from 0.1 to 168'
 */
export function describeRange({ min, max, whole, smallestPositive, note }: NumberRange): string {
  const kind = whole ? 'a whole number' : 'a number';
  const range =
    smallestPositive === undefined
      ? `must be ${kind} from ${written.format(min)} to ${written.format(max)}`
      : min === 0
        ? `must be 0, or ${kind} from ${written.format(smallestPositive)} to ${written.format(max)}`
        : `must be ${kind} from ${written.format(min)} to ${written.format(max)}, and 0 or at least ${written.format(smallestPositive)} away from 0`;
  return note === undefined ? range : `${range} ${note}`;
}

/**
 * A number within what the maths that read it can carry; every check says the whole range, so a
 * user who got one wrong learns every bound at once. Shows as minimum and maximum in the OpenAPI
 * document.
 *
 * @example boundedNumber({ min: 1, max: 100_000, whole: true }).safeParse(0.5).success // false: "must be a whole number from 1 to 100,000"
 */
export function boundedNumber(range: NumberRange) {
  const message = describeRange(range);
  let schema = z.number({ error: message }).min(range.min, { message }).max(range.max, { message });
  if (range.whole) schema = schema.int({ message });
  const { smallestPositive } = range;
  if (smallestPositive === undefined) return schema;
  return schema.refine((value) => value === 0 || Math.abs(value) >= smallestPositive, { message });
}

import { z } from 'zod';

import { weekdays, type Weekday } from '../goals/goal.js';
import { currencyCodeSchema } from '../input/currency-code.js';
import { textSchema } from '../input/text-schema.js';
import { boundedNumber } from '../input/number-schema.js';

/**
 * What the money figures of a workspace are read against: its currency, the exchange rates the
 * user typed (there is no network to ask), the hourly rate aimed at, the hours a week there are to
 * plan, the day weeks start, and the trailing window the hourly value is measured over.
 */
export interface MoneySettings {
  /** ISO 4217: every total is in it. */
  currency: string;
  /** Units of `currency` one unit of the key is worth: `{ USD: 0.92 }` in a EUR workspace. */
  exchangeRates: Record<string, number>;
  /** Per hour, in `currency`; null until the user sets one. */
  targetHourlyRate: number | null;
  /** The hours a week available to plan; null: the working hours say. */
  hoursPerWeek: number | null;
  weekStart: Weekday;
  /** The trailing days over which the hourly value is measured. */
  valueWindowDays: number;
}

export const DEFAULT_MONEY_SETTINGS: MoneySettings = Object.freeze({
  currency: 'USD',
  exchangeRates: Object.freeze({}) as Record<string, number>,
  targetHourlyRate: null,
  hoursPerWeek: null,
  weekStart: 'mon',
  valueWindowDays: 90,
});

const rateMessage =
  'must be a number more than 0 and at most 1,000,000,000: the units of the workspace currency one unit of this currency is worth';
const rateSchema = z.number({ error: rateMessage }).gt(0, { message: rateMessage }).max(1e9, { message: rateMessage });

/** Each key an ISO 4217 code, upper-cased; a key that is not one is named in the error. */
function currencyKeyed<Value extends z.ZodType>(value: Value) {
  return z.record(textSchema, value).transform((record, context) => {
    const out: Record<string, z.output<Value>> = {};
    for (const [key, item] of Object.entries(record)) {
      const code = currencyCodeSchema.safeParse(key);
      if (!code.success) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: 'is not an ISO 4217 currency code such as USD, EUR or JPY',
        });
        return z.NEVER;
      }
      out[code.data] = item as z.output<Value>;
    }
    return out;
  });
}

/** `{ "USD": 0.92, "GBP": null }`: a number sets a rate, null removes it. */
const exchangeRatesPatchSchema = currencyKeyed(rateSchema.nullable());

/**
 * A change to the money settings: each field left out stays; `exchangeRates` sets or (with null)
 * removes the rates it names and keeps the others.
 *
 * @example moneySettingsPatchSchema.parse({ currency: 'eur', targetHourlyRate: 120 }) // { currency: 'EUR', targetHourlyRate: 120 }
 */
export const moneySettingsPatchSchema = z
  .object({
    currency: currencyCodeSchema.optional().describe('ISO 4217; every total is in it'),
    exchangeRates: exchangeRatesPatchSchema
      .optional()
      .describe('Units of the workspace currency one unit of each currency is worth; null removes a rate'),
    targetHourlyRate: boundedNumber({ min: 0, max: 1e7, note: '(per hour, in the workspace currency)' })
      .nullable()
      .optional()
      .describe('The hourly rate aimed at; null clears it'),
    hoursPerWeek: boundedNumber({ min: 0, max: 168, smallestPositive: 0.25, note: '(the hours in a week)' })
      .nullable()
      .optional()
      .describe('The hours a week available to plan; null: the working hours say'),
    weekStart: z.enum(weekdays, { error: `must be one of ${weekdays.join(', ')}` }).optional(),
    valueWindowDays: boundedNumber({ min: 7, max: 3660, whole: true, note: '(days, the hourly value window)' })
      .optional()
      .describe('The trailing days over which the hourly value is measured (90 unless set)'),
  })
  .strict();

export type MoneySettingsPatch = z.output<typeof moneySettingsPatchSchema>;

/** The settings as stored: anything that does not read back counts as the default, field by field. */
export const storedMoneySettingsSchema = z.object({
  currency: currencyCodeSchema.catch(DEFAULT_MONEY_SETTINGS.currency),
  exchangeRates: currencyKeyed(rateSchema).catch({}),
  targetHourlyRate: z.number().nonnegative().nullable().catch(null),
  hoursPerWeek: z.number().min(0).max(168).nullable().catch(null),
  weekStart: z.enum(weekdays).catch('mon'),
  valueWindowDays: z.number().int().min(7).max(3660).catch(90),
});

/** Reads stored JSON (or anything) back into settings, defaults where a field is missing or wrong. */
export function readMoneySettings(stored: unknown): MoneySettings {
  const parsed = storedMoneySettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_MONEY_SETTINGS, exchangeRates: {} };
}

/**
 * The settings after a change. A rate for the workspace's own currency is dropped: it is 1.
 *
 * @example applyMoneySettingsPatch(DEFAULT_MONEY_SETTINGS, { exchangeRates: { EUR: 1.08 } }).exchangeRates // { EUR: 1.08 }
 */
export function applyMoneySettingsPatch(settings: MoneySettings, patch: MoneySettingsPatch): MoneySettings {
  const currency = patch.currency ?? settings.currency;
  const rates = new Map(Object.entries(settings.exchangeRates));
  for (const [code, rate] of Object.entries(patch.exchangeRates ?? {})) {
    if (rate === null) rates.delete(code);
    else rates.set(code, rate);
  }
  rates.delete(currency);
  const exchangeRates = Object.fromEntries(rates);
  return {
    currency,
    exchangeRates,
    targetHourlyRate: patch.targetHourlyRate === undefined ? settings.targetHourlyRate : patch.targetHourlyRate,
    hoursPerWeek: patch.hoursPerWeek === undefined ? settings.hoursPerWeek : patch.hoursPerWeek,
    weekStart: patch.weekStart ?? settings.weekStart,
    valueWindowDays: patch.valueWindowDays ?? settings.valueWindowDays,
  };
}

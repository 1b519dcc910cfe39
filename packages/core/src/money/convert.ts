import type { MoneySettings } from './money-settings.js';

/** An amount in a currency (ISO 4217). */
export interface Money {
  amount: number;
  currency: string;
}

/** One currency's part of a sum: converted when a rate is known, else kept apart. */
export interface CurrencyPart {
  currency: string;
  amount: number;
  /** Units of the workspace currency per unit; 1 for the workspace's own; null without a rate. */
  rate: number | null;
  /** In the workspace currency; null without a rate. */
  converted: number | null;
}

/**
 * A sum of amounts in the workspace currency. Amounts in a currency with no rate are never summed
 * into another: they stay in `unconverted`, and `warning` says which rates to enter.
 */
export interface MoneySum {
  currency: string;
  total: number;
  parts: CurrencyPart[];
  unconverted: Money[];
  warning: string | null;
}

/** Units of the workspace currency one unit of `currency` is worth, or null when no rate was entered. */
export function rateOf(currency: string, settings: Pick<MoneySettings, 'currency' | 'exchangeRates'>): number | null {
  if (currency === settings.currency) return 1;
  return settings.exchangeRates[currency] ?? null;
}

/**
 * Adds amounts up in the workspace currency, each converted at the rate the user entered.
 *
 * @example
 * sumMoney([{ amount: 100, currency: 'EUR' }, { amount: 50, currency: 'USD' }], { currency: 'EUR', exchangeRates: { USD: 0.9 } }).total // 145
 */
export function sumMoney(
  amounts: readonly Money[],
  settings: Pick<MoneySettings, 'currency' | 'exchangeRates'>,
): MoneySum {
  const byCurrency = new Map<string, number>();
  for (const { amount, currency } of amounts) byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount);
  const parts = [...byCurrency]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amount]): CurrencyPart => {
      const rate = rateOf(currency, settings);
      return { currency, amount, rate, converted: rate === null ? null : amount * rate };
    });
  const unconverted = parts.filter((part) => part.rate === null).map(({ currency, amount }) => ({ currency, amount }));
  const total = parts.reduce((sum, part) => sum + (part.converted ?? 0), 0);
  const warning =
    unconverted.length === 0
      ? null
      : `Revenue in ${unconverted.map((money) => money.currency).join(', ')} has no exchange rate to ${settings.currency} and is left out of the totals: enter a rate in the settings.`;
  return { currency: settings.currency, total, parts, unconverted, warning };
}

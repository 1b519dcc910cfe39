import { numberFormat, type Locale } from './format-number.js';

/**
 * An amount of money as a person writes it in their locale, with the currency's own decimals.
 *
 * @example formatMoney(1234.5, 'EUR', 'de') // '1.234,50 €'
 * @example formatMoney(120, 'USD', 'en') // '$120.00'
 */
export function formatMoney(amount: number, currency: string, locale?: Locale): string {
  return numberFormat(locale, { style: 'currency', currency }).format(amount);
}

import { textSchema } from './text-schema.js';

let currencies: Set<string> | undefined;

/**
 * Whether `code` is an ISO 4217 currency code, as the runtime's Intl knows them.
 *
 * @example isCurrencyCode('EUR') // true
 * @example isCurrencyCode('NAN') // false
 */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/**
 * A currency as typed: three letters, upper-cased, that ISO 4217 lists.
 *
 * @example currencyCodeSchema.parse('usd') // 'USD'
 */
export const currencyCodeSchema = textSchema
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as USD, EUR or JPY' });

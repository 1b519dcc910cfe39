import pluralize from 'pluralize';

import { formatNumber, formatSigned, numberFormat, type Locale } from './format-number.js';

// The words around a figure are English, so whether a noun is singular follows English rules,
// whatever the locale its digits are written for: "1 call", "1.5 calls", "0 calls".
const englishPlurals = new Intl.PluralRules('en');

const isOne = (value: number) => englishPlurals.select(Math.abs(value)) === 'one';

/**
 * The singular of a unit a user typed in the plural ("recruits" → "recruit"), by pluralize's
 * English rules. Codes and symbols stay as typed: `USD`, `kg`, `h`.
 *
 * @example singularUnit('recruits') // 'recruit'
 * @example singularUnit('people') // 'person'
 * @example singularUnit('USD') // 'USD'
 */
export function singularUnit(unit: string): string {
  const lastWord = /[\p{L}-]+$/u.exec(unit)?.[0];
  // An all-capital word is a code (USD, EUR, KPI), not an English plural.
  if (lastWord === undefined || lastWord.length < 3 || lastWord === lastWord.toUpperCase()) return unit;
  return `${unit.slice(0, unit.length - lastWord.length)}${pluralize.singular(lastWord)}`;
}

/**
 * A figure with its unit, singular when the figure is one: `1 recruit`, `12 recruits`, `1.5 h`,
 * or the figure alone for a goal without a unit.
 *
 * @example formatQuantity(1, 'recruits', 2, 'en') // '1 recruit'
 * @example formatQuantity(1500, 'USD', 2, 'en') // '1,500 USD'
 */
export function formatQuantity(value: number, unit: string | null, digits = 2, locale?: Locale): string {
  const figure = formatNumber(value, digits, locale);
  if (unit === null || unit.trim() === '') return figure;
  return `${figure} ${isOneAsWritten(value, digits) ? singularUnit(unit) : unit}`;
}

/**
 * A change with its unit and its sign: `+2 calls`, `-1.5 h`, `+1 call`, `0 calls`.
 *
 * @example formatDelta(-1.5, 'h', 1, 'en') // '-1.5 h'
 */
export function formatDelta(value: number, unit: string | null, digits = 2, locale?: Locale): string {
  const figure = formatSigned(value, digits, locale);
  if (unit === null || unit.trim() === '') return figure;
  return `${figure} ${isOneAsWritten(value, digits) ? singularUnit(unit) : unit}`;
}

/**
 * A count of one of our own nouns, whose two forms we know: `1 day`, `3 days`, `1 entry`.
 *
 * @example formatCount(1, 'entry', 'entries', 'en') // '1 entry'
 */
export function formatCount(count: number, one: string, other: string, locale?: Locale): string {
  return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(count)} ${isOneAsWritten(count, 2) ? one : other}`;
}

// 0.999 written to two decimals reads "1", and a reader expects "1 call" beside it.
function isOneAsWritten(value: number, digits: number): boolean {
  const factor = 10 ** digits;
  return isOne(Math.round(Math.abs(value) * factor) / factor);
}

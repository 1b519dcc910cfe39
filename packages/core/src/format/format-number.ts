/**
 * The locale a figure is written for: a BCP 47 tag such as `en-GB` or `de`, or undefined for the
 * runtime's own (the browser's language in the web app, the environment's in the CLI).
 */
export type Locale = string | undefined;

// Building an Intl formatter costs far more than using one, and lists format many figures.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat`: one per locale and options. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number as a person writes it in their locale, rounded to `digits` decimals at most.
 *
 * @example formatNumber(1500.256, 2, 'en') // '1,500.26'
 * @example formatNumber(1.5, 1, 'de') // '1,5'
 */
export function formatNumber(value: number, digits = 2, locale?: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * A change, where the sign is the news: `+2`, `-1.5`, `0`.
 *
 * @example formatSigned(2, 2, 'en') // '+2'
 */
export function formatSigned(value: number, digits = 2, locale?: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}

/**
 * A share (0.0636) as a percentage, to a tenth of a percent at most.
 *
 * @example formatPercent(0.0636, 'en') // '6.4%'
 * @example formatPercent(0.0636, 'fr') // '6,4 %'
 */
export function formatPercent(rate: number, locale?: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

import { numberFormat, type Locale } from './format-number.js';

export interface DurationFormatOptions {
  /**
   * Below an hour, write the seconds too (`12 min 05 sec`): for one entry or a timer just stopped,
   * where a minute more or less matters. Totals leave them off above a minute.
   */
  precise?: boolean;
  locale?: Locale;
}

type DurationUnit = 'hour' | 'minute' | 'second';

// Node 20 has no Intl.DurationFormat: each part is a number with its unit, written by
// Intl.NumberFormat, so the locale chooses the unit's abbreviation ("hr", "Std.", "h").
function part(value: number, unit: DurationUnit, locale: Locale, padded = false): string {
  return numberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 0,
    ...(padded && { minimumIntegerDigits: 2 }),
  }).format(value);
}

/**
 * A duration the way a person reads it: the one duration format of the web app, the CLI and the
 * review inbox. Under a minute it is seconds, never "0 min"; below an hour minutes, with the
 * seconds when `precise`; from an hour on, hours and minutes.
 *
 * @example formatDuration(23, { locale: 'en' }) // '23 sec'
 * @example formatDuration(2700, { locale: 'en' }) // '45 min'
 * @example formatDuration(725, { precise: true, locale: 'en' }) // '12 min 05 sec'
 * @example formatDuration(5400, { locale: 'en' }) // '1 hr 30 min'
 */
export function formatDuration(seconds: number, { precise = false, locale }: DurationFormatOptions = {}): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
  if (whole < 60) return part(whole, 'second', locale);
  if (precise && whole < 3600) {
    const rest = whole % 60;
    const minutes = part(Math.floor(whole / 60), 'minute', locale);
    return rest === 0 ? minutes : `${minutes} ${part(rest, 'second', locale, true)}`;
  }
  const minutes = Math.round(whole / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return part(rest, 'minute', locale);
  const hourPart = part(hours, 'hour', locale);
  return rest === 0 ? hourPart : `${hourPart} ${part(rest, 'minute', locale, true)}`;
}

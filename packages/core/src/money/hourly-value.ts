import type { CalendarDate } from '../time/calendar-date.js';
import { sumMoney, type Money, type MoneySum } from './convert.js';
import type { MoneySettings } from './money-settings.js';

/** Work that can be bought for less than a quarter of what an hour of yours earns should be. */
export const BUYBACK_DIVISOR = 4;

/**
 * What an hour of the user's work earned over a window, with the numbers it comes from: revenue
 * (in the workspace currency) ÷ hours worked. Null figures when no hour was worked.
 */
export interface HourlyValue {
  from: CalendarDate;
  to: CalendarDate;
  revenue: MoneySum;
  /** Tracked seconds in the window, clipped to it. */
  seconds: number;
  hours: number;
  hourlyValue: number | null;
  /** hourlyValue ÷ 4. */
  buybackRate: number | null;
  targetHourlyRate: number | null;
}

/**
 * The hourly value and the buyback rate over a window.
 *
 * @example
 * computeHourlyValue({ from: '2027-01-01', to: '2027-03-31', revenue: [{ amount: 12000, currency: 'EUR' }], seconds: 100 * 3600, settings }).hourlyValue // 120
 */
export function computeHourlyValue({
  from,
  to,
  revenue,
  seconds,
  settings,
}: {
  from: CalendarDate;
  to: CalendarDate;
  revenue: readonly Money[];
  seconds: number;
  settings: MoneySettings;
}): HourlyValue {
  const sum = sumMoney(revenue, settings);
  const hours = seconds / 3600;
  const hourlyValue = seconds > 0 ? sum.total / hours : null;
  return {
    from,
    to,
    revenue: sum,
    seconds,
    hours,
    hourlyValue,
    buybackRate: hourlyValue === null ? null : hourlyValue / BUYBACK_DIVISOR,
    targetHourlyRate: settings.targetHourlyRate,
  };
}

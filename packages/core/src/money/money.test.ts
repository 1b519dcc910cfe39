import { describe, expect, it } from 'vitest';

import { computeHourlyValue } from './hourly-value.js';
import { sumMoney } from './convert.js';
import {
  applyMoneySettingsPatch,
  DEFAULT_MONEY_SETTINGS,
  moneySettingsPatchSchema,
  readMoneySettings,
} from './money-settings.js';

const eur = { ...DEFAULT_MONEY_SETTINGS, currency: 'EUR', exchangeRates: { USD: 0.9 } };

describe('money settings', () => {
  it('sets and removes exchange rates one by one and drops a rate for its own currency', () => {
    const patch = moneySettingsPatchSchema.parse({ exchangeRates: { gbp: 1.15, usd: null } });
    const next = applyMoneySettingsPatch(eur, patch);
    expect(next.exchangeRates).toEqual({ GBP: 1.15 });
    expect(applyMoneySettingsPatch(next, { currency: 'GBP' }).exchangeRates).toEqual({});
  });

  it('refuses an unknown currency, a negative rate and a rate of 0, naming the field', () => {
    for (const bad of [
      { currency: 'XYZ1' },
      { targetHourlyRate: -1 },
      { exchangeRates: { USD: 0 } },
      { hoursPerWeek: 169 },
    ]) {
      const parsed = moneySettingsPatchSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path[0]).toBe(Object.keys(bad)[0]);
    }
    expect(moneySettingsPatchSchema.safeParse({ weekStart: 'monday' }).success).toBe(false);
  });

  it('reads stored settings field by field, defaults for what is missing or wrong', () => {
    expect(readMoneySettings({ currency: 'EUR', weekStart: 'sun', valueWindowDays: 'x' })).toEqual({
      ...DEFAULT_MONEY_SETTINGS,
      currency: 'EUR',
      weekStart: 'sun',
    });
  });
});

describe('sums of money', () => {
  it('converts at the rates entered and keeps a currency without a rate apart, with a warning', () => {
    const sum = sumMoney(
      [
        { amount: 100, currency: 'EUR' },
        { amount: 50, currency: 'USD' },
        { amount: 1000, currency: 'JPY' },
      ],
      eur,
    );
    expect(sum.total).toBe(145);
    expect(sum.unconverted).toEqual([{ amount: 1000, currency: 'JPY' }]);
    expect(sum.warning).toContain('JPY');
  });
});

describe('hourly value', () => {
  it('is revenue over hours, and the buyback rate a quarter of it (seed 004: 12,000 in 100 hours)', () => {
    const value = computeHourlyValue({
      from: '2027-01-01',
      to: '2027-03-31',
      revenue: [{ amount: 12_000, currency: 'EUR' }],
      seconds: 100 * 3600,
      settings: eur,
    });
    expect(value.hourlyValue).toBe(120);
    expect(value.buybackRate).toBe(30);
  });

  it('has no hourly value when no hour was worked', () => {
    const value = computeHourlyValue({ from: '2027-01-01', to: '2027-01-31', revenue: [], seconds: 0, settings: eur });
    expect(value.hourlyValue).toBeNull();
    expect(value.buybackRate).toBeNull();
  });
});

describe('money as written', () => {
  it('uses the currency and the locale', async () => {
    const { formatMoney } = await import('../format/format-money.js');
    expect(formatMoney(1234.5, 'EUR', 'de')).toBe('1.234,50\u00a0€');
    expect(formatMoney(120, 'USD', 'en')).toBe('$120.00');
    expect(formatMoney(1000, 'JPY', 'en')).toBe('¥1,000');
  });
});

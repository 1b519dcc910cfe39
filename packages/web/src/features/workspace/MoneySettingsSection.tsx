import { weekdays, type MoneySettings, type Weekday } from '@bigrock/core';
import { useEffect, useState, type FormEvent } from 'react';

import { api, ApiError, errorField, fieldMessage } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';

const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** "USD=0.92, GBP=1.15" ⇄ { USD: 0.92, GBP: 1.15 }; a rate left out of the text is removed. */
function ratesText(rates: Record<string, number>): string {
  return Object.entries(rates)
    .map(([code, rate]) => `${code}=${rate}`)
    .join(', ');
}

function readRates(text: string, before: Record<string, number>): Record<string, number | null> | string {
  const rates: Record<string, number | null> = Object.fromEntries(Object.keys(before).map((code) => [code, null]));
  for (const part of text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]{3})\s*=\s*(\S+)$/.exec(part);
    const rate = Number(match?.[2]);
    if (match === null || !Number.isFinite(rate)) return `"${part}": write CODE=RATE, such as USD=0.92`;
    rates[(match[1] ?? '').toUpperCase()] = rate;
  }
  return rates;
}

/** The money settings (GET/PATCH /settings): currency, exchange rates, target rate, hours a week, week start, value window. */
export function MoneySettingsSection() {
  const [settings, setSettings] = useState<MoneySettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    api.get<MoneySettings>('/settings').then(setSettings, setError);
  }, []);

  if (settings === null) {
    return (
      <section className="panel settings-panel" aria-labelledby="money-heading">
        <h2 id="money-heading">Money</h2>
        <ErrorAlert error={error} />
      </section>
    );
  }
  const field = errorField(error);
  const fieldError = (name: string) => (field === name && error instanceof ApiError ? fieldMessage(error) : undefined);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (settings === null) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const rates = readRates(text('exchangeRates'), settings.exchangeRates);
    if (typeof rates === 'string') {
      setError(new ApiError(400, { code: 'invalid-input', message: rates, field: 'exchangeRates' }));
      return;
    }
    const numberOrNull = (name: string) => (text(name) === '' ? null : Number(text(name)));
    setPending(true);
    setSaved(false);
    try {
      const next = await api.patch<MoneySettings>('/settings', {
        currency: text('currency'),
        exchangeRates: rates,
        targetHourlyRate: numberOrNull('targetHourlyRate'),
        hoursPerWeek: numberOrNull('hoursPerWeek'),
        weekStart: text('weekStart'),
        valueWindowDays: Number(text('valueWindowDays')),
      });
      setSettings(next);
      setError(null);
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="panel settings-panel" aria-labelledby="money-heading">
      <h2 id="money-heading">Money</h2>
      <p className="field-hint">
        What the audit sets your hours against. Revenue in a currency with no exchange rate is shown apart, never added
        in.
      </p>
      <form onSubmit={save} noValidate>
        <Field
          label="Currency"
          hint="ISO 4217, such as USD or EUR: every total is in it."
          error={fieldError('currency')}
          control={(props) => <input {...props} name="currency" defaultValue={settings.currency} maxLength={3} />}
        />
        <Field
          label="Exchange rates"
          hint={`Units of ${settings.currency} one unit of another currency is worth: USD=0.92, GBP=1.15.`}
          error={fieldError('exchangeRates')}
          control={(props) => (
            <input {...props} name="exchangeRates" defaultValue={ratesText(settings.exchangeRates)} />
          )}
        />
        <Field
          label="Target hourly rate"
          hint={`Per hour, in ${settings.currency}; empty: none.`}
          error={fieldError('targetHourlyRate')}
          control={(props) => (
            <input
              {...props}
              name="targetHourlyRate"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              defaultValue={settings.targetHourlyRate ?? ''}
            />
          )}
        />
        <Field
          label="Hours a week"
          hint="The hours you have to plan; empty: your working hours say."
          error={fieldError('hoursPerWeek')}
          control={(props) => (
            <input
              {...props}
              name="hoursPerWeek"
              type="number"
              min={0}
              max={168}
              step="any"
              defaultValue={settings.hoursPerWeek ?? ''}
            />
          )}
        />
        <Field
          label="Week starts on"
          error={fieldError('weekStart')}
          control={(props) => (
            <select {...props} name="weekStart" defaultValue={settings.weekStart}>
              {weekdays.map((day) => (
                <option key={day} value={day}>
                  {weekdayNames[day]}
                </option>
              ))}
            </select>
          )}
        />
        <Field
          label="Hourly value window (days)"
          hint="Your hourly value is revenue ÷ hours over these trailing days."
          error={fieldError('valueWindowDays')}
          control={(props) => (
            <input
              {...props}
              name="valueWindowDays"
              type="number"
              min={7}
              max={3660}
              step={1}
              defaultValue={settings.valueWindowDays}
            />
          )}
        />
        {field === undefined && <ErrorAlert error={error} />}
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            Save money settings
          </button>
          {saved && (
            <span role="status" className="muted">
              Saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

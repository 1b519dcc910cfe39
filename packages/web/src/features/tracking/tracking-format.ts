import { formatDay as formatDayIn, formatDuration, type Outcome, type OutcomeKind } from '@bigrock/core';

import { formatQuantity } from '../../shared/format';

/** `09:15`: an instant on the workspace's clocks. */
export function formatClock(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(instant),
  );
}

/** `Mon, Mar 2` (`Mon 2 Mar` in British English): a calendar date written for a heading, in the reader's locale. */
export const formatDay = (date: string) => formatDayIn(date);

/** `1 hr 30 min`, `45 min`, `23 sec`: a total, in the reader's locale. */
export const formatSeconds = (seconds: number) => formatDuration(seconds);

/** `12 min 05 sec`, `23 sec`, `1 hr 30 min`: one entry, where a minute more or less matters. */
export const formatEntrySeconds = (seconds: number) => formatDuration(seconds, { precise: true });

/** `0:12:05`: a running timer. */
export function formatElapsed(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(whole / 3600)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}

export const outcomeKindLabels: Record<OutcomeKind, string> = {
  revenue: 'Revenue',
  client: 'New clients',
  lead: 'Leads',
};

/** `1,500 EUR` for revenue, `3` for clients and leads. */
export function formatOutcomeAmount(outcome: Pick<Outcome, 'amount' | 'currency'>): string {
  return formatQuantity(outcome.amount, outcome.currency);
}

import { formatDuration, type TimeEntry } from '@bigrock/core';
import type { Command } from 'commander';

import { parseNumber } from '../option-parsers.js';

/** `09:15` or `2026-03-02 09:15`: an instant on the workspace's clocks, as short as the context allows. */
export function localTime(iso: string, zone: string, withDate = false): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}`;
  return withDate ? `${part('year')}-${part('month')}-${part('day')} ${time}` : time;
}

/** The shape `bigrock entry list --json` promises: ISO 8601 UTC instants, whole seconds. */
export function entryJson({
  id,
  activity,
  start,
  end,
  durationSeconds,
  tags,
  source,
  client,
  project,
  billable,
  rate,
  currency,
}: TimeEntry) {
  return { id, activity, start, end, durationSeconds, tags, source, client, project, billable, rate, currency };
}

export function describeEntry(entry: TimeEntry, zone: string): string {
  const end = entry.end === null ? 'running' : localTime(entry.end, zone);
  const tags = entry.tags.length > 0 ? `  [${entry.tags.join(', ')}]` : '';
  const forWhom = [entry.client, entry.project].filter((name) => name !== null).join(' / ');
  const billing = [forWhom, entry.billable ? 'billable' : ''].filter((text) => text !== '').join(', ');
  return `${localTime(entry.start, zone, true)}–${end}  ${formatDuration(entry.durationSeconds, { precise: true }).padStart(13)}  ${entry.activity}${billing === '' ? '' : `  (${billing})`}${tags}`;
}

/** The billing options of `timer start`, `entry add` and `entry edit`. */
export interface BillingOptions {
  client?: string;
  project?: string;
  billable?: boolean;
  rate?: number;
  currency?: string;
}

/** Adds --client, --project, --billable (and --no-billable), --rate and --currency. */
export function addBillingOptions(command: Command): Command {
  return command
    .option('--client <name>', 'who the work is for ("" to clear it)')
    .option('--project <name>', 'what the work is part of ("" to clear it)')
    .option('--billable', 'the time is billed to the client')
    .option('--no-billable', 'the time is not billed')
    .option('--rate <amount>', 'the billable rate per hour', parseNumber)
    .option('--currency <code>', 'the currency of the rate, ISO 4217 (USD, EUR...)');
}

/** The billing fields of an input from the options; those left out are left out. */
export function billingInput(options: BillingOptions): BillingOptions {
  const input: BillingOptions = {};
  if (options.client !== undefined) input.client = options.client;
  if (options.project !== undefined) input.project = options.project;
  if (options.billable !== undefined) input.billable = options.billable;
  if (options.rate !== undefined) input.rate = options.rate;
  if (options.currency !== undefined) input.currency = options.currency;
  return input;
}

/** Adds the filters of lists and exports: --client, --project, --billable and --no-billable. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--client <name>', 'only entries of this client')
    .option('--project <name>', 'only entries of this project')
    .option('--billable', 'only billable entries')
    .option('--no-billable', 'only entries that are not billable');
}

/** Collects a repeatable option (`--tag a --tag b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The help of `--keep-separate`, the same wherever an activity is named. */
export const KEEP_SEPARATE =
  'keep the activity as typed, apart from one that differs only by case (by default "calls" is written as the "Calls" in use)';

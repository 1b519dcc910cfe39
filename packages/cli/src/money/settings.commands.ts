import { AppError, formatMoney, formatNumber, type MoneySettings } from '@bigrock/core';
import type { Command } from 'commander';

import { printJson, withBigrock, type CliIo } from '../cli-context.js';

function describeSettings(io: CliIo, settings: MoneySettings): void {
  const rates = Object.entries(settings.exchangeRates);
  io.out(
    [
      `currency:          ${settings.currency}`,
      `exchange rates:    ${
        rates.length === 0
          ? 'none'
          : rates.map(([code, rate]) => `1 ${code} = ${formatNumber(rate, 6)} ${settings.currency}`).join(', ')
      }`,
      `target rate:       ${
        settings.targetHourlyRate === null
          ? 'not set'
          : `${formatMoney(settings.targetHourlyRate, settings.currency)} an hour`
      }`,
      `hours a week:      ${settings.hoursPerWeek === null ? 'the working hours' : formatNumber(settings.hoursPerWeek)}`,
      `week starts on:    ${settings.weekStart}`,
      `hourly value over: the last ${formatNumber(settings.valueWindowDays, 0)} days`,
      '',
    ].join('\n'),
  );
}

/** `--rate USD=0.92`: one unit of USD is worth 0.92 of the workspace currency; `--rate USD=none` removes it. */
function readRate(text: string, rates: Record<string, number | null>): Record<string, number | null> {
  const match = /^\s*([A-Za-z]{3})\s*=\s*(\S+)\s*$/.exec(text);
  if (match === null) {
    throw new AppError(
      'invalid-input',
      `--rate "${text}": write CODE=RATE, such as --rate USD=0.92, or USD=none to remove it.`,
      {
        field: 'exchangeRates',
      },
    );
  }
  const [, code = '', value = ''] = match;
  const rate = value.toLowerCase() === 'none' ? null : Number(value);
  if (rate !== null && (value.trim() === '' || !Number.isFinite(rate))) {
    throw new AppError('invalid-input', `--rate ${code}: "${value}" is not a number; write such as USD=0.92.`, {
      field: `exchangeRates.${code.toUpperCase()}`,
    });
  }
  return { ...rates, [code.toUpperCase()]: rate };
}

/** A number option, or `none` (null): clears the setting. */
function numberOrNone(flag: string, field: string) {
  return (text: string): number | null => {
    if (text.trim().toLowerCase() === 'none') return null;
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number)) {
      throw new AppError('invalid-input', `${flag}: "${text}" is not a number; give one such as 120, or none.`, {
        field,
      });
    }
    return number;
  };
}

export function registerSettingsCommands(program: Command, io: CliIo): void {
  const settings = program
    .command('settings')
    .description('money settings: currency, exchange rates, target hourly rate, hours a week, week start');

  settings
    .command('get')
    .description('show the money settings')
    .option(
      '--json',
      'print JSON: { currency, exchangeRates, targetHourlyRate, hoursPerWeek, weekStart, valueWindowDays }',
    )
    .action((options: { json?: boolean }) =>
      withBigrock(io, async (bigrock) => {
        const current = await bigrock.money.get();
        if (options.json) return printJson(io, current);
        describeSettings(io, current);
      }),
    );

  settings
    .command('set')
    .description('change the money settings; what is not named stays')
    .option('--currency <code>', 'ISO 4217 currency every total is in, such as EUR')
    .option(
      '--rate <CODE=RATE>',
      'an exchange rate: one unit of CODE is worth RATE of the workspace currency (USD=0.92); CODE=none removes it; repeat for more',
      readRate,
      {} as Record<string, number | null>,
    )
    .option('--target-rate <amount>', 'the hourly rate aimed at, in the workspace currency; none clears it')
    .option('--hours-per-week <hours>', 'hours a week available to plan; none: the working hours say')
    .option('--week-start <day>', 'the day weeks start: mon, tue, ... sun')
    .option('--value-window <days>', 'the trailing days the hourly value is measured over (90 unless set)')
    .option('--json', 'print JSON: the settings')
    .action(
      (options: {
        currency?: string;
        rate: Record<string, number | null>;
        targetRate?: string;
        hoursPerWeek?: string;
        weekStart?: string;
        valueWindow?: string;
        json?: boolean;
      }) =>
        withBigrock(io, async (bigrock) => {
          const patch = {
            ...(options.currency !== undefined && { currency: options.currency }),
            ...(Object.keys(options.rate).length > 0 && { exchangeRates: options.rate }),
            ...(options.targetRate !== undefined && {
              targetHourlyRate: numberOrNone('--target-rate', 'targetHourlyRate')(options.targetRate),
            }),
            ...(options.hoursPerWeek !== undefined && {
              hoursPerWeek: numberOrNone('--hours-per-week', 'hoursPerWeek')(options.hoursPerWeek),
            }),
            ...(options.weekStart !== undefined && { weekStart: options.weekStart }),
            ...(options.valueWindow !== undefined && { valueWindowDays: Number(options.valueWindow) }),
          };
          if (Object.keys(patch).length === 0) {
            throw new AppError(
              'invalid-input',
              'Say what to change: --currency, --rate, --target-rate, --hours-per-week, --week-start or --value-window, e.g. bigrock settings set --currency EUR --target-rate 120.',
            );
          }
          const changed = await bigrock.money.update(patch);
          if (options.json) return printJson(io, changed);
          describeSettings(io, changed);
        }),
    );
}

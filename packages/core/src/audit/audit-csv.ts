import { defuseSpreadsheetFormula } from '../tracking/spreadsheet-formula.js';
import type { AuditReport } from './audit-report.js';

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = defuseSpreadsheetFormula(value);
  return /[",\n\r]/.test(text) || text !== value ? `"${text.replaceAll('"', '""')}"` : text;
}

const rowOf = (cells: Array<string | number | boolean | null>) => `${cells.map(cell).join(',')}\r\n`;

/**
 * The audit's activity table as CSV (RFC 4180, formulas defused): one row per activity, seconds
 * whole, money in the workspace currency, revenue in a currency with no rate in its own column.
 *
 * @example auditCsv(report).split('\r\n')[0] // 'activity,class,seconds,hours,revenue,currency,revenue_without_rate,effective_rate,target_rate,cost,below_buyback,clients,attribution'
 */
export function auditCsv(report: AuditReport): string {
  const header = rowOf([
    'activity',
    'class',
    'seconds',
    'hours',
    'revenue',
    'currency',
    'revenue_without_rate',
    'effective_rate',
    'target_rate',
    'cost',
    'below_buyback',
    'clients',
    'attribution',
  ]);
  return (
    header +
    report.activities
      .map((row) =>
        rowOf([
          row.activity,
          row.activityClass ?? 'unclassed',
          row.seconds,
          row.hours,
          row.revenue.total,
          report.currency,
          row.revenue.unconverted.map((money) => `${money.amount} ${money.currency}`).join('; ') || null,
          row.effectiveRate,
          report.targetHourlyRate,
          row.cost,
          row.belowBuyback,
          row.clients,
          report.attribution,
        ]),
      )
      .join('')
  );
}

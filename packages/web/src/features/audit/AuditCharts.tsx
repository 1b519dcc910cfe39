import type { AuditReport } from '@bigrock/core';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

import { formatNumber, formatShortDate } from '../../shared/format';

const classColours = { income: '#2f7d4f', supporting: '#3b6ea5', waste: '#b5473a', unclassed: '#8a94a6' } as const;
const classNames = {
  income: 'Income-producing',
  supporting: 'Supporting',
  waste: 'Waste',
  unclassed: 'Unclassed',
} as const;

/** Hours by class, one stacked bar a week. */
export function HoursByClassChart({ report }: { report: AuditReport }) {
  const data = report.classWeeks.map((week) => ({
    week: formatShortDate(week.week),
    income: week.seconds.income / 3600,
    supporting: week.seconds.supporting / 3600,
    waste: week.seconds.waste / 3600,
    unclassed: week.seconds.unclassed / 3600,
  }));
  return (
    <figure className="chart">
      <figcaption className="sr-only">Hours by class per week; the table below has the figures.</figcaption>
      <BarChart data={data} style={{ width: '100%', height: 260 }} responsive>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} />
        <YAxis width="auto" tickFormatter={(value: number) => formatNumber(value, 1)} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => `${formatNumber(Number(value), 2)} h`} />
        <Legend />
        {(['income', 'supporting', 'waste', 'unclassed'] as const).map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={classNames[key]}
            stackId="hours"
            fill={classColours[key]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </figure>
  );
}

/** The effective rate of each activity with hours, against the target rate's line. */
export function RateChart({ report }: { report: AuditReport }) {
  const data = report.activities
    .filter((row) => row.effectiveRate !== null)
    .map((row) => ({ activity: row.activity, rate: row.effectiveRate ?? 0 }));
  return (
    <figure className="chart">
      <figcaption className="sr-only">
        Effective rate per activity against the target rate; the table below has the figures.
      </figcaption>
      <BarChart data={data} style={{ width: '100%', height: 260 }} responsive>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="activity" tick={{ fontSize: 12 }} />
        <YAxis width="auto" tickFormatter={(value: number) => formatNumber(value, 0)} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => `${formatNumber(Number(value), 2)} ${report.currency}/h`} />
        <Bar dataKey="rate" name="Earned an hour" fill="#3b6ea5" isAnimationActive={false} />
        {report.targetHourlyRate !== null && (
          <ReferenceLine y={report.targetHourlyRate} stroke="#b5473a" strokeDasharray="6 3" label="Target" />
        )}
        {report.buybackRate !== null && (
          <ReferenceLine y={report.buybackRate} stroke="#8a94a6" strokeDasharray="2 3" label="Buyback" />
        )}
      </BarChart>
    </figure>
  );
}

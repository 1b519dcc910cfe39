import {
  attributionModels,
  auditCsv,
  formatDuration,
  formatMoney,
  reportRangeNames,
  type ActivityRoi,
  type AuditReport,
  type MoneySum,
} from '@bigrock/core';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Form, useLoaderData, useRevalidator, useSearchParams } from 'react-router-dom';

import { DataTable } from '../../shared/DataTable';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate, formatNumber, formatShortDate } from '../../shared/format';
import { auditApi, auditQuery, type auditLoader } from './audit-api';
import { ChannelMappingForm } from './ChannelMappingForm';

// recharts loads after the page's figures are shown: the tables under each chart carry the same numbers.
const HoursByClassChart = lazy(async () => ({ default: (await import('./AuditCharts')).HoursByClassChart }));
const RateChart = lazy(async () => ({ default: (await import('./AuditCharts')).RateChart }));

const rangeNames: Record<(typeof reportRangeNames)[number], string> = {
  today: 'Today',
  'this-week': 'This week',
  'last-week': 'Last week',
  'this-month': 'This month',
  'last-month': 'Last month',
  'last-90-days': 'Last 90 days',
  'this-year': 'This year',
};
const modelNames: Record<(typeof attributionModels)[number], string> = {
  direct: 'Direct',
  channel: 'By channel',
  'pro-rata': 'Pro rata',
  lagged: 'Lagged',
};

function moneyText(sum: MoneySum): string {
  return [
    formatMoney(sum.total, sum.currency),
    ...sum.unconverted.map((money) => `+ ${formatMoney(money.amount, money.currency)} (no rate)`),
  ].join(' ');
}

const hours = (seconds: number) => formatDuration(seconds);

/** The time audit: where the hours went, what each earned, and the time wasters, by the model chosen. */
export function AuditPage() {
  const { report, channels, activities, query } = useLoaderData<typeof auditLoader>();
  const [params] = useSearchParams();
  const revalidator = useRevalidator();
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, report.currency));
  const chartFallback = <div className="chart" style={{ minHeight: 260 }} aria-busy="true" />;
  return (
    <>
      <title>Audit · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Time audit</h1>
          <p className="muted">
            {formatDate(report.from)} to {formatDate(report.to)} · attribution: {modelNames[report.attribution]}
            {report.lagWeeks !== null && `, ${formatNumber(report.lagWeeks, 0)} weeks`}
          </p>
        </div>
        <CsvDownload report={report} />
      </div>

      <section className="panel" aria-labelledby="audit-window-heading">
        <h2 id="audit-window-heading">Range and attribution</h2>
        <Form method="get" className="audit-controls">
          <label>
            Range{' '}
            <select name="range" defaultValue={params.get('range') ?? (params.get('from') ? '' : 'this-month')}>
              {params.get('from') && <option value="">{`${report.from} to ${report.to}`}</option>}
              {reportRangeNames.map((range) => (
                <option key={range} value={range}>
                  {rangeNames[range]}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Attribution{' '}
            <select name="attribution" defaultValue={report.attribution}>
              {attributionModels.map((model) => (
                <option key={model} value={model}>
                  {modelNames[model]}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Lag (weeks){' '}
            <input name="lagWeeks" type="number" min={1} max={52} defaultValue={report.lagWeeks ?? 8} size={3} />
          </label>{' '}
          <button type="submit">Show</button>
        </Form>
        <p className="field-hint">{report.attributionDescription}</p>
      </section>

      <section className="panel" aria-labelledby="audit-value-heading">
        <h2 id="audit-value-heading">What an hour is worth</h2>
        <p>
          Hourly value {money(report.hourlyValue)} · buyback rate {money(report.buybackRate)} · target rate{' '}
          {money(report.targetHourlyRate)}
        </p>
        <p className="muted">
          Revenue in the range: {moneyText(report.revenue)}; credited to activities: {moneyText(report.attributed)};
          unattributed: {moneyText(report.unattributed)}
          {report.creditedOutside.total !== 0 &&
            `; credited to hours outside the range: ${moneyText(report.creditedOutside)}`}
          .
        </p>
        {report.warnings.map((warning) => (
          <p key={warning} role="note" className="form-error">
            {warning}
          </p>
        ))}
      </section>

      <section className="panel" aria-labelledby="audit-wasters-heading">
        <h2 id="audit-wasters-heading">Time wasters</h2>
        {report.wasters.length === 0 ? (
          <p className="muted">No activity cost more than it earned.</p>
        ) : (
          <ol className="audit-wasters">
            {report.wasters.map((waster) => (
              <li key={waster.activity}>
                <strong>{waster.activity}</strong>: {money(waster.cost)} over {formatNumber(waster.hours, 2)} h.{' '}
                <span className={waster.calledOut ? 'form-error' : undefined}>{waster.message}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" aria-labelledby="audit-activities-heading">
        <h2 id="audit-activities-heading">Activities: effective rate against the target</h2>
        {report.activities.length === 0 ? (
          <p className="muted">
            No time tracked from {formatDate(report.from)} to {formatDate(report.to)}: track or import some, or pick
            another range.
          </p>
        ) : (
          <>
            <Suspense fallback={chartFallback}>
              <RateChart report={report} />
            </Suspense>
            <ActivityTable report={report} query={query} />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="audit-classes-heading">
        <h2 id="audit-classes-heading">Hours by class per week</h2>
        <Suspense fallback={chartFallback}>
          <HoursByClassChart report={report} />
        </Suspense>
        <div className="table-scroll" role="region" aria-label="Hours by class per week" tabIndex={0}>
          <table className="data-points">
            <caption className="sr-only">Hours by class per week</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Income-producing</th>
                <th scope="col">Supporting</th>
                <th scope="col">Waste</th>
                <th scope="col">Unclassed</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {report.classWeeks.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{formatShortDate(week.week)}</th>
                  <td className="number">{hours(week.seconds.income)}</td>
                  <td className="number">{hours(week.seconds.supporting)}</td>
                  <td className="number">{hours(week.seconds.waste)}</td>
                  <td className="number">{hours(week.seconds.unclassed)}</td>
                  <td className="number">{hours(week.totalSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="audit-channels-heading">
        <h2 id="audit-channels-heading">Channels</h2>
        {report.channels.length === 0 ? (
          <p className="muted">
            No channel yet: give outcomes a channel, and map it to the activities whose hours feed it below.
          </p>
        ) : (
          <DataTable
            caption="Channels compared"
            rowKey={(row) => row.channel}
            rows={report.channels}
            columns={[
              { label: 'Channel', cell: (row) => row.channel },
              { label: 'Activities', cell: (row) => row.activities.join(', ') || '—' },
              { label: 'Hours', number: true, cell: (row) => hours(row.seconds) },
              { label: 'Cost of the hours', number: true, cell: (row) => money(row.cost) },
              { label: 'Clients', number: true, cell: (row) => formatNumber(row.clients, 2) },
              { label: 'Revenue', number: true, cell: (row) => moneyText(row.revenue) },
            ]}
          />
        )}
        <h3>Which activities feed each channel</h3>
        <ChannelMappingForm mappings={channels} activities={activities} saved={() => revalidator.revalidate()} />
      </section>
    </>
  );
}

/** The activity table as the CLI's `bigrock audit --csv` writes it (core's `auditCsv`), as a file. */
function CsvDownload({ report }: { report: AuditReport }) {
  const href = useMemo(() => URL.createObjectURL(new Blob([auditCsv(report)], { type: 'text/csv' })), [report]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <a className="button" href={href} download={`bigrock-audit-${report.from}-to-${report.to}.csv`}>
      Download CSV
    </a>
  );
}

function ActivityTable({ report, query }: { report: AuditReport; query: string }) {
  const [roi, setRoi] = useState<ActivityRoi | null>(null);
  const [error, setError] = useState<unknown>(null);
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, report.currency));
  async function earned(activity: string) {
    try {
      setRoi(await auditApi.roi(auditQuery(new URLSearchParams(query)), activity));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <>
      <DataTable
        caption="Hours, revenue and effective rate per activity"
        rowKey={(row) => row.activity}
        rows={report.activities}
        columns={[
          { label: 'Activity', cell: (row) => row.activity },
          { label: 'Class', cell: (row) => row.activityClass ?? 'unclassed' },
          { label: 'Hours', number: true, cell: (row) => hours(row.seconds) },
          { label: 'Revenue', number: true, cell: (row) => moneyText(row.revenue) },
          { label: 'Per hour', number: true, cell: (row) => money(row.effectiveRate) },
          { label: 'Cost', number: true, cell: (row) => money(row.cost) },
          {
            label: 'Return',
            cell: (row) => (
              <button type="button" onClick={() => void earned(row.activity)}>
                What did {row.activity} earn?
              </button>
            ),
          },
        ]}
        footer={
          <tr>
            <th scope="row">Total</th>
            <td />
            <td className="number">{hours(report.totalSeconds)}</td>
            <td className="number">{moneyText(report.attributed)}</td>
            <td colSpan={3} />
          </tr>
        }
      />
      <ErrorAlert error={error} />
      <div role="status" aria-live="polite">
        {roi !== null && (
          <div className="panel audit-roi">
            <h3>What {roi.activity} earned</h3>
            <p>{roi.summary}</p>
            <p className="muted">
              {formatNumber(roi.hours, 2)} h over {formatNumber(roi.days, 0)} days · worth {money(roi.costOfHours)} ·
              brought {formatNumber(roi.clients, 2)} clients and {moneyText(roi.revenue)} · net {money(roi.net)}
            </p>
          </div>
        )}
      </div>
    </>
  );
}

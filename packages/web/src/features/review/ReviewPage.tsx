import {
  formatDuration,
  formatHourOfDay,
  formatMoney,
  type ReviewClass,
  type ReviewFunnel,
  type WeeklyReview,
} from '@bigrock/core';
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { Form, useLoaderData } from 'react-router-dom';

import { DataTable } from '../../shared/DataTable';
import { formatDate, formatNumber, formatPercent, formatQuantity } from '../../shared/format';
import { reviewApi, type reviewLoader } from './review-api';

// recharts is the largest library of the app: the charts load after the page, which shows every
// figure in its tables meanwhile.
const HoursBars = lazy(async () => ({ default: (await import('./ReviewCharts')).HoursBars }));
const HourlyValueLine = lazy(async () => ({ default: (await import('./ReviewCharts')).HourlyValueLine }));

const CLASS_NAMES: Record<ReviewClass, string> = {
  income: 'Income-producing',
  supporting: 'Supporting',
  waste: 'Waste',
  unclassified: 'Not an activity',
};

const duration = (seconds: number) => formatDuration(seconds);
const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel review-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function ChartPlace({ height, children }: { height: number; children: ReactNode }) {
  return (
    <Suspense fallback={<figure className="chart" style={{ minHeight: height }} aria-busy="true" />}>
      {children}
    </Suspense>
  );
}

function HoursSection({ review }: { review: WeeklyReview }) {
  const { byClass, byActivity, totalSeconds, targetSeconds } = review.hours;
  return (
    <Section title="Hours">
      <p>
        Tracked <strong>{duration(totalSeconds)}</strong> against {duration(targetSeconds)} that the activities&apos;
        targets take.
        {review.bestHour !== null && (
          <>
            {' '}
            Best hour of income-producing work: {formatHourOfDay(review.bestHour.hour)} (
            {duration(review.bestHour.seconds)} over the week).
          </>
        )}
      </p>
      <h3>By class</h3>
      <ChartPlace height={200}>
        <HoursBars
          caption="Hours tracked and targeted by class; the table below has the figures."
          rows={byClass.map((row) => ({
            name: CLASS_NAMES[row.activityClass],
            tracked: hours(row.seconds),
            target: hours(row.targetSeconds),
          }))}
        />
      </ChartPlace>
      <DataTable
        caption="Hours by class"
        rowKey={(row) => row.activityClass}
        rows={byClass}
        columns={[
          { label: 'Class', cell: (row) => CLASS_NAMES[row.activityClass] },
          { label: 'Tracked', number: true, cell: (row) => duration(row.seconds) },
          { label: 'Target', number: true, cell: (row) => duration(row.targetSeconds) },
        ]}
      />
      <h3>By activity</h3>
      {byActivity.length === 0 ? (
        <p className="muted">No activity has time or a target this week.</p>
      ) : (
        <>
          <ChartPlace height={60 + 36 * byActivity.length}>
            <HoursBars
              caption="Hours tracked and targeted by activity; the table below has the figures."
              rows={byActivity.map((row) => ({
                name: row.activity,
                tracked: hours(row.seconds),
                target: hours(row.targetSeconds ?? 0),
              }))}
            />
          </ChartPlace>
          <DataTable
            caption="Hours by activity"
            rowKey={(row) => row.activity}
            rows={byActivity}
            columns={[
              { label: 'Activity', cell: (row) => row.activity },
              { label: 'Class', cell: (row) => CLASS_NAMES[row.activityClass ?? 'unclassified'] },
              { label: 'Tracked', number: true, cell: (row) => duration(row.seconds) },
              {
                label: 'Target',
                number: true,
                cell: (row) => (row.targetSeconds === null ? '—' : duration(row.targetSeconds)),
              },
              {
                label: 'Difference',
                number: true,
                cell: (row) =>
                  row.differenceSeconds === null
                    ? '—'
                    : `${row.differenceSeconds < 0 ? '−' : '+'}${duration(Math.abs(row.differenceSeconds))}`,
              },
              {
                label: 'Units',
                number: true,
                cell: (row) =>
                  row.unitsLogged === null
                    ? '—'
                    : row.targetUnits === null
                      ? formatNumber(row.unitsLogged)
                      : `${formatNumber(row.unitsLogged)} of ${formatNumber(row.targetUnits)}`,
              },
            ]}
          />
        </>
      )}
    </Section>
  );
}

function MoneySection({ review }: { review: WeeklyReview }) {
  const money = (amount: number) => formatMoney(amount, review.currency);
  const { revenue, hourlyValue, targetHourlyRate, window, trend, clients, leads } = review.money;
  return (
    <Section title="Money">
      <dl className="review-figures">
        <div>
          <dt>Revenue</dt>
          <dd>{money(revenue.total)}</dd>
        </div>
        <div>
          <dt>Hourly value this week</dt>
          <dd>{hourlyValue === null ? 'none (no hours)' : money(hourlyValue)}</dd>
        </div>
        <div>
          <dt>Target rate</dt>
          <dd>{targetHourlyRate === null ? 'not set' : money(targetHourlyRate)}</dd>
        </div>
        <div>
          <dt>Clients, leads</dt>
          <dd>
            {formatNumber(clients)}, {formatNumber(leads)}
          </dd>
        </div>
      </dl>
      {revenue.warning !== null && <p className="muted">{revenue.warning}</p>}
      <p>
        Over {formatNumber(window.hours)} h from {formatDate(window.from)} to {formatDate(window.to)}: hourly value{' '}
        {window.hourlyValue === null ? 'none' : money(window.hourlyValue)}, buyback rate{' '}
        {window.buybackRate === null ? 'none' : money(window.buybackRate)}.
      </p>
      <h3>Hourly value, last 8 weeks</h3>
      <ChartPlace height={220}>
        <HourlyValueLine weeks={trend} formatMoney={money} />
      </ChartPlace>
      <DataTable
        caption="Hours, revenue and hourly value of the last 8 weeks"
        rowKey={(week) => week.week}
        rows={trend}
        columns={[
          { label: 'Week', cell: (week) => week.week },
          { label: 'Hours', number: true, cell: (week) => duration(week.seconds) },
          { label: 'Revenue', number: true, cell: (week) => money(week.revenue) },
          {
            label: 'Hourly value',
            number: true,
            cell: (week) => (week.hourlyValue === null ? '—' : money(week.hourlyValue)),
          },
        ]}
      />
    </Section>
  );
}

function FunnelTable({ funnel }: { funnel: ReviewFunnel }) {
  return (
    <DataTable
      caption={`${funnel.name}: ${formatPercent(funnel.probability)} chance of reaching the target`}
      showCaption
      rowKey={(item) => `${item.from}-${item.to}`}
      rows={funnel.conversions}
      columns={[
        { label: 'Step', cell: (item) => `${item.from} → ${item.to}` },
        { label: 'Guess', number: true, cell: (item) => formatPercent(item.guess) },
        { label: 'Learned', number: true, cell: (item) => (item.learned === null ? '—' : formatPercent(item.learned)) },
        {
          label: 'Logged',
          number: true,
          cell: (item) => `${formatNumber(item.successes)} of ${formatNumber(item.trials)}`,
        },
      ]}
    />
  );
}

/** The weekly review: every section of the PDF, with the charts' figures in tables, and the PDF in one click. */
export function ReviewPage() {
  const { review, weekError } = useLoaderData<typeof reviewLoader>();
  const money = (amount: number) => formatMoney(amount, review.currency);
  const weekErrorId = useId();
  return (
    <>
      <title>{`Review ${review.week} · Bigrock`}</title>
      <div className="page-header">
        <div>
          <h1>Weekly review {review.week}</h1>
          <p className="muted">
            {formatDate(review.from)} to {formatDate(review.to)} ({review.timeZone}), amounts in {review.currency}.
          </p>
        </div>
        <a className="button" href={reviewApi.pdfUrl(review.week)} download={`bigrock-review-${review.week}.pdf`}>
          Download PDF
        </a>
      </div>
      <Form method="get" className="review-week-form">
        <label htmlFor="review-week">Week</label>
        <input
          id="review-week"
          name="week"
          type="week"
          defaultValue={review.week}
          required
          aria-invalid={weekError !== null}
          aria-describedby={weekError === null ? undefined : weekErrorId}
        />
        <button type="submit" className="button-secondary">
          Show
        </button>
        {weekError !== null && (
          <p id={weekErrorId} className="field-error" role="alert">
            {weekError}
          </p>
        )}
      </Form>

      <Section title="What to change next week">
        <ul className="review-next-week">
          {review.nextWeek.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </Section>

      <HoursSection review={review} />
      <MoneySection review={review} />

      <Section title="Goals">
        {review.goals.length === 0 ? (
          <p className="muted">No goals yet.</p>
        ) : (
          <DataTable
            caption="Goals' pace at the end of the week"
            rowKey={(goal) => goal.id}
            rows={review.goals}
            columns={[
              { label: 'Goal', cell: (goal) => goal.title },
              { label: 'Pace', cell: (goal) => goal.status ?? 'no pace' },
              {
                label: 'Actual',
                number: true,
                cell: (goal) => (goal.actual === null ? '—' : formatQuantity(goal.actual, goal.unit)),
              },
              {
                label: 'Expected',
                number: true,
                cell: (goal) => (goal.expected === null ? '—' : formatQuantity(goal.expected, goal.unit)),
              },
            ]}
          />
        )}
      </Section>

      <Section title="Funnel conversions">
        {review.funnels.length === 0 ? (
          <p className="muted">No funnels yet.</p>
        ) : (
          review.funnels.map((funnel) => <FunnelTable key={funnel.id} funnel={funnel} />)
        )}
      </Section>

      <Section title="Biggest time wasters">
        {review.wasters.length === 0 ? (
          <p className="muted">None: no activity costs more than it returns.</p>
        ) : (
          <DataTable
            caption="Activities that cost more than they return, most costly first"
            rowKey={(waster) => waster.activity}
            rows={review.wasters}
            columns={[
              { label: 'Activity', cell: (waster) => waster.activity },
              { label: 'Hours', number: true, cell: (waster) => duration(waster.seconds) },
              { label: 'Revenue', number: true, cell: (waster) => money(waster.revenue) },
              {
                label: 'Per hour',
                number: true,
                cell: (waster) => (waster.effectiveRate === null ? '—' : money(waster.effectiveRate)),
              },
              { label: 'Cost', number: true, cell: (waster) => money(waster.cost) },
            ]}
          />
        )}
      </Section>

      <Section title="Triage suggestions">
        {review.suggestions.length === 0 ? (
          <p className="muted">None yet: the triage suggests once recurring tasks are listed.</p>
        ) : (
          <ul>
            {review.suggestions.map((suggestion) => (
              <li key={suggestion.task}>
                {suggestion.action} “{suggestion.task}”: frees {duration(suggestion.hoursFreedPerMonth * 3600)} and{' '}
                {money(suggestion.moneyFreedPerMonth)} a month. {suggestion.why}
              </li>
            ))}
          </ul>
        )}
      </Section>

      {review.notes.length > 0 && (
        <Section title="Notes">
          <ul>
            {review.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

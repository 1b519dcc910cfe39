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
      <table className="data-points data-cards">
        <caption className="sr-only">Hours by class</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col" className="number">
              Tracked
            </th>
            <th scope="col" className="number">
              Target
            </th>
          </tr>
        </thead>
        <tbody>
          {byClass.map((row) => (
            <tr key={row.activityClass}>
              <th scope="row" className="row-head">
                {CLASS_NAMES[row.activityClass]}
              </th>
              <td className="number" data-label="Tracked">
                {duration(row.seconds)}
              </td>
              <td className="number" data-label="Target">
                {duration(row.targetSeconds)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
          <table className="data-points data-cards">
            <caption className="sr-only">Hours by activity</caption>
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col">Class</th>
                <th scope="col" className="number">
                  Tracked
                </th>
                <th scope="col" className="number">
                  Target
                </th>
                <th scope="col" className="number">
                  Difference
                </th>
                <th scope="col" className="number">
                  Units
                </th>
              </tr>
            </thead>
            <tbody>
              {byActivity.map((row) => (
                <tr key={row.activity}>
                  <th scope="row" className="row-head">
                    {row.activity}
                  </th>
                  <td data-label="Class">{CLASS_NAMES[row.activityClass ?? 'unclassified']}</td>
                  <td className="number" data-label="Tracked">
                    {duration(row.seconds)}
                  </td>
                  <td className="number" data-label="Target">
                    {row.targetSeconds === null ? '—' : duration(row.targetSeconds)}
                  </td>
                  <td className="number" data-label="Difference">
                    {row.differenceSeconds === null
                      ? '—'
                      : `${row.differenceSeconds < 0 ? '−' : '+'}${duration(Math.abs(row.differenceSeconds))}`}
                  </td>
                  <td className="number" data-label="Units">
                    {row.unitsLogged === null
                      ? '—'
                      : row.targetUnits === null
                        ? formatNumber(row.unitsLogged)
                        : `${formatNumber(row.unitsLogged)} of ${formatNumber(row.targetUnits)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
      <table className="data-points data-cards">
        <caption className="sr-only">Hours, revenue and hourly value of the last 8 weeks</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col" className="number">
              Hours
            </th>
            <th scope="col" className="number">
              Revenue
            </th>
            <th scope="col" className="number">
              Hourly value
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.map((week) => (
            <tr key={week.week}>
              <th scope="row" className="row-head">
                {week.week}
              </th>
              <td className="number" data-label="Hours">
                {duration(week.seconds)}
              </td>
              <td className="number" data-label="Revenue">
                {money(week.revenue)}
              </td>
              <td className="number" data-label="Hourly value">
                {week.hourlyValue === null ? '—' : money(week.hourlyValue)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function FunnelTable({ funnel }: { funnel: ReviewFunnel }) {
  return (
    <table className="data-points data-cards">
      <caption>
        {funnel.name}: {formatPercent(funnel.probability)} chance of reaching the target
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col" className="number">
            Guess
          </th>
          <th scope="col" className="number">
            Learned
          </th>
          <th scope="col" className="number">
            Logged
          </th>
        </tr>
      </thead>
      <tbody>
        {funnel.conversions.map((item) => (
          <tr key={`${item.from}-${item.to}`}>
            <th scope="row" className="row-head">
              {item.from} → {item.to}
            </th>
            <td className="number" data-label="Guess">
              {formatPercent(item.guess)}
            </td>
            <td className="number" data-label="Learned">
              {item.learned === null ? '—' : formatPercent(item.learned)}
            </td>
            <td className="number" data-label="Logged">
              {formatNumber(item.successes)} of {formatNumber(item.trials)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
          <table className="data-points data-cards">
            <caption className="sr-only">Goals&apos; pace at the end of the week</caption>
            <thead>
              <tr>
                <th scope="col">Goal</th>
                <th scope="col">Pace</th>
                <th scope="col" className="number">
                  Actual
                </th>
                <th scope="col" className="number">
                  Expected
                </th>
              </tr>
            </thead>
            <tbody>
              {review.goals.map((goal) => (
                <tr key={goal.id}>
                  <th scope="row" className="row-head">
                    {goal.title}
                  </th>
                  <td data-label="Pace">{goal.status ?? 'no pace'}</td>
                  <td className="number" data-label="Actual">
                    {goal.actual === null ? '—' : formatQuantity(goal.actual, goal.unit)}
                  </td>
                  <td className="number" data-label="Expected">
                    {goal.expected === null ? '—' : formatQuantity(goal.expected, goal.unit)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
          <table className="data-points data-cards">
            <caption className="sr-only">Activities that cost more than they return, most costly first</caption>
            <thead>
              <tr>
                <th scope="col">Activity</th>
                <th scope="col" className="number">
                  Hours
                </th>
                <th scope="col" className="number">
                  Revenue
                </th>
                <th scope="col" className="number">
                  Per hour
                </th>
                <th scope="col" className="number">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {review.wasters.map((waster) => (
                <tr key={waster.activity}>
                  <th scope="row" className="row-head">
                    {waster.activity}
                  </th>
                  <td className="number" data-label="Hours">
                    {duration(waster.seconds)}
                  </td>
                  <td className="number" data-label="Revenue">
                    {money(waster.revenue)}
                  </td>
                  <td className="number" data-label="Per hour">
                    {waster.effectiveRate === null ? '—' : money(waster.effectiveRate)}
                  </td>
                  <td className="number" data-label="Cost">
                    {money(waster.cost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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

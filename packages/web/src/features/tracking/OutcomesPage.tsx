import { formatCount, type Outcome } from '@bigrock/core';
import { Link, useLoaderData, useNavigate, useRevalidator } from 'react-router-dom';

import { DeleteButton } from '../../shared/DeleteButton';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useUndo } from '../../shared/undo-context';
import { formatDate } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { DayPicker } from './DayPicker';
import { OutcomeForm } from './OutcomeForm';
import { trackingApi } from './tracking-api';
import { formatOutcomeAmount, outcomeKindLabels } from './tracking-format';
import type { outcomesLoader } from './tracking-loaders';

const rangePath = (from: string, to: string) => `/tracking/outcomes?from=${from}&to=${to}`;

/** `1,500 EUR revenue · 2 clients · 5 leads`: the days' outcomes added up, revenue per currency. */
function outcomeTotals(outcomes: readonly Outcome[]): string {
  const revenue = new Map<string, number>();
  const counts = { client: 0, lead: 0 };
  for (const outcome of outcomes) {
    if (outcome.kind === 'revenue') {
      const currency = outcome.currency ?? '';
      revenue.set(currency, (revenue.get(currency) ?? 0) + outcome.amount);
    } else {
      counts[outcome.kind] += outcome.amount;
    }
  }
  return [
    ...[...revenue].map(([currency, amount]) => `${formatOutcomeAmount({ amount, currency })} revenue`),
    formatCount(counts.client, 'client', 'clients'),
    formatCount(counts.lead, 'lead', 'leads'),
  ].join(' · ');
}

/** Revenue, clients and leads over some days, what the hours are set against: listed, added, deleted. */
export function OutcomesPage() {
  const { today, from, to, outcomes, names } = useLoaderData<typeof outcomesLoader>();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();

  const offerUndo = useUndo();

  const remove = (outcome: Outcome) =>
    run(async () => {
      const deleted = await trackingApi.removeOutcome(outcome.id);
      await revalidator.revalidate();
      offerUndo({
        what: `${outcomeKindLabels[outcome.kind]} ${formatOutcomeAmount(outcome)} on ${formatDate(outcome.date)}`,
        deleted,
      });
    });

  return (
    <>
      <title>Outcomes · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Outcomes</h1>
          <p className="muted">Revenue, new clients and leads: what your tracked hours bring in.</p>
        </div>
        <div className="actions">
          <Link to="/tracking">Back to tracking</Link>
        </div>
      </div>
      <div className="detail-grid">
        <section className="panel" aria-labelledby="outcomes-heading">
          <div className="tracking-controls">
            <h2 id="outcomes-heading">
              {formatDate(from)} to {formatDate(to)}
            </h2>
            <DayPicker id="outcomes-from" label="From" value={from} onPick={(day) => navigate(rangePath(day, to))} />
            <DayPicker id="outcomes-to" label="To" value={to} onPick={(day) => navigate(rangePath(from, day))} />
          </div>
          <ErrorAlert error={error} />
          {from > to && (
            <p role="alert" className="form-error">
              From is after To, so no day is between them: pick a From on or before the To.
            </p>
          )}
          {outcomes.length === 0 ? (
            <p className="muted">No outcomes in these days.</p>
          ) : (
            <>
              <p>{outcomeTotals(outcomes)}</p>
              <table className="data-points data-cards">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Kind</th>
                    <th scope="col" className="number">
                      Amount
                    </th>
                    <th scope="col">Credited to</th>
                    <th scope="col">Note</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {outcomes.map((outcome) => (
                    <tr key={outcome.id}>
                      <td className="date card-title">{formatDate(outcome.date)}</td>
                      <td data-label="Kind">{outcomeKindLabels[outcome.kind]}</td>
                      <td className="number" data-label="Amount">
                        {formatOutcomeAmount(outcome)}
                      </td>
                      <td data-label="Credited to">
                        {[outcome.activity, outcome.channel].filter((credit) => credit !== null).join(' · ')}
                      </td>
                      <td className="note" data-label="Note">
                        {outcome.note}
                      </td>
                      <td className="action">
                        <DeleteButton
                          label={`Delete ${outcomeKindLabels[outcome.kind]} ${formatOutcomeAmount(outcome)} on ${formatDate(outcome.date)}`}
                          disabled={pending}
                          onDelete={() => void remove(outcome)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <OutcomeForm today={today} names={names} />
      </div>
    </>
  );
}

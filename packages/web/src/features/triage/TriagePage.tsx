import type { TriagePlan, TriagePlanTask } from '@bigrock/core';
import { formatMoney } from '@bigrock/core';
import { useState } from 'react';
import { Link, useLoaderData, useRevalidator } from 'react-router-dom';

import { DeleteButton } from '../../shared/DeleteButton';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatNumber } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { triageApi, type triageLoader } from './triage-api';
import { formToTriageInput, newTriageForm, taskToForm } from './triage-form-values';
import { actionLabels, quadrantLabels, valueSourceLabels } from './triage-labels';
import { TriageOverrideForm } from './TriageOverrideForm';
import { TriageTaskForm } from './TriageTaskForm';

const COLUMNS = 6;

/** Recurring tasks, what to do with each and why, and what the whole plan frees and costs a month. */
export function TriagePage() {
  const { plan } = useLoaderData<typeof triageLoader>();
  const revalidator = useRevalidator();
  const refresh = async () => {
    await revalidator.revalidate();
  };
  const { basis } = plan;
  const money = (amount: number | null) => (amount === null ? '—' : formatMoney(amount, basis.currency));

  return (
    <>
      <title>Triage · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Triage</h1>
          <p className="muted">
            What to drop, automate, delegate, batch or produce among your recurring tasks, and what it frees.
          </p>
        </div>
      </div>
      <section className="panel" aria-labelledby="triage-plan-heading">
        <h2 id="triage-plan-heading">The plan</h2>
        {basis.hourlyValue === null ? (
          <p role="note" className="notice">
            There is no hourly value and no target rate yet, so no money is weighed and nothing is delegated or
            automated. Set a target hourly rate (<code>bigrock settings set --target-rate 80</code>) or track time and
            revenue.
          </p>
        ) : (
          <p>
            Hours are weighed at {money(basis.hourlyValue)} an hour, {valueSourceLabels[basis.source]}. Buyback rate:{' '}
            {money(basis.buybackRate)} an hour.
          </p>
        )}
        <dl className="pace-summary" aria-label="The plan's totals">
          <Total term="Hours freed a month" value={`${formatNumber(plan.totals.hoursFreedPerMonth, 1)} h`} />
          <Total term="Hours freed a week" value={`${formatNumber(plan.totals.hoursFreedPerWeek, 1)} h`} />
          <Total term="Their worth a month" value={money(plan.totals.valueFreedPerMonth)} />
          <Total term="Cost a month" value={money(plan.totals.costPerMonth)} />
          <Total term="Cost once" value={money(plan.totals.oneOffCost)} />
          <Total term="Net a month" value={money(plan.totals.netPerMonth)} />
        </dl>
      </section>
      <section className="panel" aria-labelledby="triage-tasks-heading">
        <h2 id="triage-tasks-heading">Your recurring tasks</h2>
        {plan.tasks.length === 0 ? (
          <p className="muted">No tasks yet. Add the ones that come back every week, e.g. bookkeeping, 3 h a week.</p>
        ) : (
          <table className="data-points data-cards triage-table">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Recommendation</th>
                <th scope="col" className="number">
                  Frees a month
                </th>
                <th scope="col" className="number">
                  Costs
                </th>
                <th scope="col">Override</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {plan.tasks.map((row) => (
                <TaskRow key={row.task.id} row={row} plan={plan} refresh={refresh} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="triage-add-heading">
        <h2 id="triage-add-heading">Add a task</h2>
        <TriageTaskForm
          label="Add a task"
          initial={newTriageForm()}
          currency={basis.currency}
          submitLabel="Add task"
          resetOnSave
          save={async (values) => {
            await triageApi.create(formToTriageInput(values));
            await refresh();
          }}
        />
      </section>
      <section className="panel" aria-labelledby="triage-rules-heading">
        <h2 id="triage-rules-heading">The rules</h2>
        <p className="muted">
          Tried in this order for each task; the first that applies is the recommendation. Hours tracked come from the
          last {plan.measuredWeeks} weeks; set the target rate and currency in <Link to="/settings">Settings</Link> or
          with <code>bigrock settings set</code>.
        </p>
        <ul className="triage-rules">
          {plan.rules.map((rule) => (
            <li key={rule.action}>{rule.text}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Total({ term, value }: { term: string; value: string }) {
  return (
    <div className="pace-fact">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function TaskRow({ row, plan, refresh }: { row: TriagePlanTask; plan: TriagePlan; refresh(): Promise<void> }) {
  const { task, verdict } = row;
  const [editing, setEditing] = useState(false);
  const removing = usePendingAction();
  const currency = plan.basis.currency;
  const money = (amount: number) => formatMoney(amount, currency);

  if (editing) {
    return (
      <tr>
        <td colSpan={COLUMNS}>
          <TriageTaskForm
            label={`Edit ${task.name}`}
            initial={taskToForm(task)}
            currency={currency}
            submitLabel="Save task"
            save={async (values) => {
              await triageApi.update(task.id, formToTriageInput(values));
              setEditing(false);
              await refresh();
            }}
            cancel={() => setEditing(false)}
          />
        </td>
      </tr>
    );
  }

  const hours =
    row.hoursSource === 'measured'
      ? `${formatNumber(row.hoursPerWeek, 1)} h a week, tracked on ${task.activity ?? ''}`
      : row.hoursSource === 'estimated'
        ? `${formatNumber(row.hoursPerWeek, 1)} h a week, estimated`
        : 'no hours yet: nothing tracked on the activity';
  const facts = [
    hours,
    task.energy,
    task.producesIncome ? 'produces income' : 'earns nothing itself',
    task.onlyMe ? 'only you' : null,
    task.needed ? null : 'not needed',
    task.outsourceRate === null ? null : `outsourcing ${money(task.outsourceRate)}/h`,
    task.reviewHoursPerWeek > 0 ? `review ${formatNumber(task.reviewHoursPerWeek)} h/week` : null,
    task.automationOnce === null && task.automationMonthly === null
      ? null
      : `automation ${money(task.automationOnce ?? 0)} once + ${money(task.automationMonthly ?? 0)}/month`,
  ].filter((fact) => fact !== null);

  return (
    <tr>
      <td className="card-title">
        {task.name}
        <div className="muted small">{facts.join(' · ')}</div>
      </td>
      <td data-label="Recommendation">
        <strong className={`triage-action triage-${verdict.recommended}`}>{actionLabels[verdict.recommended]}</strong>
        <div className="small">{verdict.reason}</div>
        <div className="muted small">{quadrantLabels[verdict.quadrant]}</div>
      </td>
      <td className="number" data-label="Frees a month">
        {formatNumber(verdict.hoursFreedPerMonth, 1)} h
        {verdict.valueFreedPerMonth !== null && <div className="small">{money(verdict.valueFreedPerMonth)}</div>}
      </td>
      <td className="number" data-label="Costs">
        {money(verdict.costPerMonth)}
        <div className="small">a month</div>
        {verdict.oneOffCost > 0 && <div className="small">{money(verdict.oneOffCost)} once</div>}
      </td>
      {/* No data-label: on a phone the form's own "Your choice" label leads the line. */}
      <td>
        {task.override !== null && (
          <p className="small">
            You chose <strong>{actionLabels[task.override.action]}</strong>: {task.override.reason}
          </p>
        )}
        <TriageOverrideForm key={`${task.id}-${task.updatedAt}`} task={task} saved={refresh} />
      </td>
      <td className="action">
        <div className="actions">
          <button
            type="button"
            className="button-small button-secondary"
            aria-label={`Edit ${task.name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <DeleteButton
            label={`Delete ${task.name}`}
            disabled={removing.pending}
            onDelete={() =>
              void removing.run(async () => {
                await triageApi.remove(task.id);
                await refresh();
              })
            }
          />
        </div>
        <ErrorAlert error={removing.error} />
      </td>
    </tr>
  );
}

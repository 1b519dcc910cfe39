import { addDays, isoWeekOf, weekdays, type BigRock } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';
import { Link, useLoaderData, useNavigate, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate, formatPercent } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { weekdayLabels } from '../goals/goal-labels';
import { AddBlockForm } from './AddBlockForm';
import { BlockRow } from './BlockRow';
import { CapacityPanel } from './CapacityPanel';
import { plannerApi, type weekLoader } from './planner-api';
import { duration } from './planner-labels';
import { RecordPanel } from './RecordPanel';
import { RockForm } from './RockForm';

const rockStatusLabels: Record<BigRock['status'], string> = { open: 'open', done: 'done', carried: 'carried over' };

/** `75% of 6 hr kept`, or nothing planned has passed yet. */
function adherenceSummary(item: { adherence: number | null; plannedSeconds: number }): string {
  return item.adherence === null
    ? 'nothing planned has passed yet'
    : `${formatPercent(item.adherence)} of ${duration(item.plannedSeconds)} kept`;
}

/**
 * The week: its blocks by day on the workspace's clocks, a template to make it from, one big rock
 * a day, the capacity, and the plan against what was tracked.
 */
export function WeekPage() {
  const { plan, templates, record, choices } = useLoaderData<typeof weekLoader>();
  const navigate = useNavigate();
  const monday = plan.dates[0] ?? '';
  const previous = isoWeekOf(addDays(monday, -7));
  const next = isoWeekOf(addDays(monday, 7));

  return (
    <>
      <title>{`Week ${plan.week} · Bigrock`}</title>
      <div className="page-header">
        <div>
          <h1>Week {plan.week}</h1>
          <p className="muted">
            {formatDate(monday)} to {formatDate(plan.dates[6] ?? monday)}, on the clocks of {plan.timeZone}.{' '}
            {plan.made
              ? `Made${plan.template === null ? '' : ` from ${plan.template}`}: changes stay in this week.`
              : plan.template === null
                ? 'No template yet: apply one, or add blocks.'
                : `Follows the template ${plan.template} until you change it.`}
          </p>
        </div>
        <nav className="actions week-nav" aria-label="Weeks">
          <Link className="button button-secondary" to={`/week?week=${previous}`}>
            Previous week
          </Link>
          <Link className="button button-secondary" to={`/week?week=${next}`}>
            Next week
          </Link>
        </nav>
      </div>
      <div className="planner-toolbar">
        <div className="field">
          <label htmlFor="week-picker">Week</label>
          <input
            id="week-picker"
            type="week"
            value={plan.week}
            onChange={(event) => {
              if (/^\d{4}-W\d{2}$/.test(event.target.value)) void navigate(`/week?week=${event.target.value}`);
            }}
          />
        </div>
        <TemplateForm week={plan.week} templates={templates} current={plan.template} />
      </div>

      <section className="panel" aria-labelledby="adherence-heading">
        <h2 id="adherence-heading">Plan against actual</h2>
        <p>
          This week: <strong>{adherenceSummary(plan.actual.week)}</strong>
        </p>
        <ul className="adherence-days">
          {plan.actual.days.map((day) => (
            <li key={day.date}>
              {formatDate(day.date)}: {adherenceSummary(day)}
            </li>
          ))}
        </ul>
      </section>

      <div className="week-days">
        {plan.dates.map((date, index) => {
          const weekday = weekdays[index] ?? 'mon';
          const blocks = plan.blocks.filter((block) => block.date === date);
          const rock = plan.rocks.find((item) => item.date === date);
          const headingId = `day-${date}`;
          return (
            <section key={date} className="panel week-day" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {weekdayLabels[weekday]} <span className="muted">{formatDate(date)}</span>
              </h2>
              <p className="week-day-rock">
                Big rock:{' '}
                {rock === undefined ? (
                  <span className="muted">none yet</span>
                ) : (
                  <>
                    <strong>{rock.title}</strong> ({rockStatusLabels[rock.status]})
                  </>
                )}
              </p>
              {blocks.length === 0 ? (
                <p className="muted">No blocks.</p>
              ) : (
                <ul className="block-list" aria-label={`Blocks of ${weekdayLabels[weekday]}`}>
                  {blocks.map((block) => (
                    <BlockRow
                      key={block.id}
                      block={block}
                      actual={plan.actual.blocks.find((item) => item.blockId === block.id)}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>

      <section className="panel">
        <RockForm dates={plan.dates} choices={choices} heading="Set a big rock for a day" />
      </section>
      <AddBlockForm week={plan.week} activities={choices.activities} />
      <CapacityPanel capacity={plan.capacity} notes={plan.notes} />
      <RecordPanel record={record} />
    </>
  );
}

/** Applies a template to the week: the week is made from it anew, its own changes given up. */
function TemplateForm({
  week,
  templates,
  current,
}: {
  week: string;
  templates: Array<{ name: string; description: string | null; hoursPerWeek: number }>;
  current: string | null;
}) {
  const id = useId();
  const [name, setName] = useState(current ?? templates[0]?.name ?? '');
  const [applied, setApplied] = useState<string | null>(null);
  const { pending, error, run } = usePendingAction();
  const revalidator = useRevalidator();
  const chosen = templates.find((template) => template.name === name);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied(null);
    void run(async () => {
      await plannerApi.applyTemplate(name, week);
      setApplied(`Week ${week} made from ${name}.`);
      await revalidator.revalidate();
    });
  }

  return (
    <form className="template-form" aria-label="Apply a template" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-template`}>Template</label>
        <select
          id={`${id}-template`}
          value={name}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setName(event.target.value)}
        >
          {templates.map((template) => (
            <option key={template.name} value={template.name}>
              {template.name}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="field-hint">
          {chosen?.description ?? ''} Applying it replaces this week&apos;s blocks; other weeks keep theirs.
        </p>
      </div>
      <button type="submit" className="button" disabled={pending || name === ''}>
        Apply to this week
      </button>
      <ErrorAlert error={error} />
      <p role="status" className="muted">
        {applied}
      </p>
    </form>
  );
}

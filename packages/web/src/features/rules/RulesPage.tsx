import type { Rule, RuleRun, RuleTrigger } from '@bigrock/core';
import { useLoaderData, useRevalidator } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDateTime } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { RuleForm } from './RuleForm';
import { rulesApi, type rulesLoader } from './rules-api';

/** The runs a rule shows, latest first. */
const RUNS_SHOWN = 5;

function describeTrigger(trigger: RuleTrigger): string {
  switch (trigger.kind) {
    case 'feed':
      return `New items in ${trigger.url}, checked every ${trigger.everyMinutes ?? 15} minutes`;
    case 'pace':
      return `${trigger.activity ?? trigger.goal ?? 'It'} falling behind its line`;
    case 'schedule':
      return trigger.at === undefined
        ? `Every ${trigger.everyMinutes ?? 0} minutes`
        : `Each ${trigger.at.map(({ day, time }) => `${day} at ${time}`).join(', ')}`;
    case 'webhook':
      return 'A signed message to its own address';
  }
}

const runStatusLabels: Record<RuleRun['status'], string> = {
  done: 'Done',
  failed: 'Failed',
  nothing: 'Nothing to do',
  primed: 'First check: items noted, nothing posted',
};

function RunList({ runs }: { runs: readonly RuleRun[] }) {
  if (runs.length === 0) return <p className="muted">Not run yet.</p>;
  return (
    <ol className="rule-runs" aria-label="Runs">
      {runs.slice(0, RUNS_SHOWN).map((run) => (
        <li key={run.id}>
          <strong>{run.dryRun ? `Dry run: ${runStatusLabels[run.status]}` : runStatusLabels[run.status]}</strong>{' '}
          <span className="muted">
            {formatDateTime(run.startedAt)} · {run.source}
          </span>
          <p>{run.note}</p>
          {run.items.length > 0 && (
            <ul>
              {run.items.flatMap((item, index) =>
                item.actions.length === 0
                  ? [<li key={`${index}`}>{item.fields.title ?? item.key ?? 'An item'}: filtered out</li>]
                  : item.actions.map((outcome) => <li key={`${index}-${outcome.action}`}>{outcome.detail}</li>),
              )}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function RuleCard({ rule, runs, changed }: { rule: Rule; runs: readonly RuleRun[]; changed(): Promise<void> }) {
  const { pending, error, run } = usePendingAction();
  const act = (work: () => Promise<unknown>) =>
    void run(async () => {
      await work();
      await changed();
    });
  return (
    <li className="panel">
      <section aria-label={rule.name}>
        <h3>
          {rule.name} {!rule.enabled && <span className="muted">(off)</span>}
        </h3>
        <p className="muted">{describeTrigger(rule.trigger)}</p>
        {rule.hookPath !== null && (
          <p className="muted">
            Address: <code>{rule.hookPath}</code>
          </p>
        )}
        <div className="button-row">
          <button type="button" disabled={pending} onClick={() => act(() => rulesApi.run(rule.id, false))}>
            Run now
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={pending}
            onClick={() => act(() => rulesApi.run(rule.id, true))}
          >
            Dry run
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={pending}
            onClick={() => act(() => rulesApi.update(rule.id, { enabled: !rule.enabled }))}
          >
            {rule.enabled ? 'Turn off' : 'Turn on'}
          </button>
          <button
            type="button"
            className="button-small button-danger"
            disabled={pending}
            aria-label={`Remove the rule ${rule.name}`}
            onClick={() => act(() => rulesApi.remove(rule.id))}
          >
            Remove
          </button>
        </div>
        <ErrorAlert error={error} />
        <RunList runs={runs} />
      </section>
    </li>
  );
}

/** Rules: when a feed has a new item, an activity falls behind, a time comes or a message arrives, do this. */
export function RulesPage() {
  const { rules, webhookAccounts, runs } = useLoaderData<typeof rulesLoader>();
  const revalidator = useRevalidator();
  const changed = () => revalidator.revalidate();
  return (
    <>
      <title>Rules · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Rules</h1>
          <p className="muted">
            When this, then that: each rule shows its last runs, what they found and what they did. Rules run once a
            minute while Bigrock runs; a dry run says what a rule would do and does nothing.
          </p>
        </div>
      </div>
      {rules.length === 0 ? (
        <p className="muted">No rule yet: add one below.</p>
      ) : (
        <ul className="rule-list" aria-label="Rules">
          {rules.map((rule) => (
            <RuleCard key={rule.id} rule={rule} runs={runs[rule.id] ?? []} changed={changed} />
          ))}
        </ul>
      )}
      <RuleForm webhookAccounts={webhookAccounts} saved={changed} />
    </>
  );
}

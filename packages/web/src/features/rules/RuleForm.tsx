import type { CreateRuleInput, PublishingAccount, RuleAction, RuleTrigger } from '@bigrock/core';
import { useState, type FormEvent } from 'react';

import { ApiError, fieldMessage } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { rulesApi } from './rules-api';

type TriggerKind = RuleTrigger['kind'];
type ActionKind = RuleAction['kind'];

const triggerLabels: Record<TriggerKind, string> = {
  feed: 'A new item in an RSS or Atom feed',
  pace: 'An activity falling behind its line',
  schedule: 'A day and time each week',
  webhook: 'A signed message to its own address',
};
const actionLabels: Record<ActionKind, string> = {
  post: 'Post it',
  webhook: 'Send it to a webhook',
  log: 'Log an activity count',
};
const weekdayLabels = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const;
type Weekday = keyof typeof weekdayLabels;

const empty = {
  name: '',
  url: '',
  everyMinutes: '15',
  activity: '',
  day: 'mon' as Weekday,
  time: '09:00',
  contains: '',
  template: '{title} {link}',
  postWhen: 'queue' as 'queue' | 'now',
  accountId: '',
  logActivity: '',
  count: '1',
};

/**
 * A new rule: one trigger, an optional "title contains" filter and one action, as most rules are;
 * the CLI and the API take several filters and actions.
 */
export function RuleForm({
  webhookAccounts,
  saved,
}: {
  webhookAccounts: readonly PublishingAccount[];
  saved(): Promise<void>;
}) {
  const [trigger, setTrigger] = useState<TriggerKind>('feed');
  const [action, setAction] = useState<ActionKind>('post');
  const [values, setValues] = useState(empty);
  const [secret, setSecret] = useState<{ path: string | null; secret: string } | null>(null);
  const { pending, error, run } = usePendingAction();
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function triggerInput(): RuleTrigger {
    if (trigger === 'feed') return { kind: 'feed', url: values.url, everyMinutes: Number(values.everyMinutes) };
    if (trigger === 'pace') return { kind: 'pace', activity: values.activity };
    if (trigger === 'schedule') return { kind: 'schedule', at: [{ day: values.day, time: values.time }] };
    return { kind: 'webhook' };
  }
  function actionInput(): RuleAction {
    if (action === 'post') return { kind: 'post', template: values.template, when: values.postWhen };
    if (action === 'webhook') return { kind: 'webhook', accountId: values.accountId };
    return { kind: 'log', activity: values.logActivity, count: Number(values.count) };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSecret(null);
    const input: CreateRuleInput = {
      name: values.name,
      trigger: triggerInput(),
      filters: values.contains.trim() === '' ? [] : [{ kind: 'contains', field: 'title', value: values.contains }],
      actions: [actionInput()],
    };
    await run(async () => {
      const made = await rulesApi.create(input);
      if (made.secret !== undefined) setSecret({ path: made.rule.hookPath, secret: made.secret });
      setValues(empty);
      await saved();
    });
  }

  // The server names nested fields whole (`trigger.url`, `actions.0.template`): each beside its control.
  const named = (field: string) =>
    error instanceof ApiError && error.field === field ? fieldMessage(error) : undefined;
  const shown = [
    'name',
    'trigger.url',
    'trigger.everyMinutes',
    'trigger.activity',
    'trigger.at.0.time',
    'filters.0.value',
    'actions.0.template',
    'actions.0.accountId',
    'actions.0.activity',
    'actions.0.count',
  ];
  return (
    <section className="panel" aria-labelledby="new-rule-heading">
      <h2 id="new-rule-heading">New rule</h2>
      <form aria-label="New rule" onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label="Name"
          error={named('name')}
          control={(props) => <input {...props} value={values.name} maxLength={100} onChange={set('name')} />}
        />
        <Field
          label="When"
          control={(props) => (
            <select {...props} value={trigger} onChange={(event) => setTrigger(event.target.value as TriggerKind)}>
              {(Object.keys(triggerLabels) as TriggerKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {triggerLabels[kind]}
                </option>
              ))}
            </select>
          )}
        />
        {trigger === 'feed' && (
          <>
            <Field
              label="Feed address"
              hint="The first check only notes what is there; new items after it run the action, each once."
              error={named('trigger.url')}
              control={(props) => (
                <input
                  {...props}
                  type="url"
                  placeholder="https://blog.example.org/feed.xml"
                  value={values.url}
                  onChange={set('url')}
                />
              )}
            />
            <Field
              label="Check every (minutes)"
              error={named('trigger.everyMinutes')}
              control={(props) => (
                <input
                  {...props}
                  type="number"
                  min={5}
                  max={1440}
                  value={values.everyMinutes}
                  onChange={set('everyMinutes')}
                />
              )}
            />
            <Field
              label="Only items whose title contains (optional)"
              error={named('filters.0.value')}
              control={(props) => <input {...props} value={values.contains} onChange={set('contains')} />}
            />
          </>
        )}
        {trigger === 'pace' && (
          <Field
            label="Activity"
            hint="Fires once each time it falls behind its line."
            error={named('trigger.activity')}
            control={(props) => <input {...props} value={values.activity} onChange={set('activity')} />}
          />
        )}
        {trigger === 'schedule' && (
          <>
            <Field
              label="Day"
              control={(props) => (
                <select {...props} value={values.day} onChange={set('day')}>
                  {(Object.keys(weekdayLabels) as Weekday[]).map((day) => (
                    <option key={day} value={day}>
                      {weekdayLabels[day]}
                    </option>
                  ))}
                </select>
              )}
            />
            <Field
              label="Time"
              error={named('trigger.at.0.time')}
              control={(props) => <input {...props} type="time" value={values.time} onChange={set('time')} />}
            />
          </>
        )}
        <Field
          label="Then"
          control={(props) => (
            <select {...props} value={action} onChange={(event) => setAction(event.target.value as ActionKind)}>
              {(Object.keys(actionLabels) as ActionKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {actionLabels[kind]}
                </option>
              ))}
            </select>
          )}
        />
        {action === 'post' && (
          <>
            <Field
              label="Post text"
              hint="The item's fields in braces, such as {title} and {link}."
              error={named('actions.0.template')}
              control={(props) => <textarea {...props} rows={3} value={values.template} onChange={set('template')} />}
            />
            <Field
              label="Post it"
              control={(props) => (
                <select {...props} value={values.postWhen} onChange={set('postWhen')}>
                  <option value="queue">In the queue's next free slot</option>
                  <option value="now">Now</option>
                </select>
              )}
            />
          </>
        )}
        {action === 'webhook' && (
          <Field
            label="Webhook account"
            error={named('actions.0.accountId')}
            hint={webhookAccounts.length === 0 ? 'Add a webhook on the Accounts page first.' : undefined}
            control={(props) => (
              <select {...props} value={values.accountId} onChange={set('accountId')}>
                <option value="">Choose one</option>
                {webhookAccounts.map((account) => (
                  <option key={account.id} value={account.id}>
                    {account.name}
                  </option>
                ))}
              </select>
            )}
          />
        )}
        {action === 'log' && (
          <>
            <Field
              label="Activity to log"
              error={named('actions.0.activity')}
              control={(props) => <input {...props} value={values.logActivity} onChange={set('logActivity')} />}
            />
            <Field
              label="Count"
              error={named('actions.0.count')}
              control={(props) => (
                <input {...props} type="number" min={0} value={values.count} onChange={set('count')} />
              )}
            />
          </>
        )}
        <button type="submit" disabled={pending}>
          Add rule
        </button>
      </form>
      {shown.every((field) => named(field) === undefined) && <ErrorAlert error={error} />}
      <div role="status" aria-live="polite">
        {secret !== null && (
          <p>
            Signed messages go to <code>{secret.path}</code> on this server. Its signing secret, shown this once:{' '}
            <code>{secret.secret}</code>
          </p>
        )}
      </div>
    </section>
  );
}

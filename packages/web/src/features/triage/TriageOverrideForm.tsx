import { triageActions, type TriageAction, type TriageTask } from '@bigrock/core';
import { useState, type FormEvent } from 'react';

import { fieldError } from '../../api/api-client';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { triageApi } from './triage-api';
import { actionLabels } from './triage-labels';

const FOLLOW = 'follow';

/** The user's own choice over the recommendation, with the reason; "As recommended" clears it. */
export function TriageOverrideForm({ task, saved }: { task: TriageTask; saved(): Promise<void> }) {
  const [action, setAction] = useState<TriageAction | typeof FOLLOW>(task.override?.action ?? FOLLOW);
  const [reason, setReason] = useState(task.override?.reason ?? '');
  const { pending, error, run } = usePendingAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      if (action === FOLLOW) await triageApi.clearOverride(task.id);
      else await triageApi.override(task.id, { action, reason });
      await saved();
    });
  }

  return (
    <form className="triage-override" aria-label={`Override for ${task.name}`} onSubmit={submit} noValidate>
      <Field
        label="Your choice"
        error={fieldError(error, 'action')}
        control={(props) => (
          <select
            {...props}
            value={action}
            onChange={(event) => {
              const chosen = triageActions.find((candidate) => candidate === event.target.value);
              setAction(chosen ?? FOLLOW);
            }}
          >
            <option value={FOLLOW}>As recommended</option>
            {triageActions.map((candidate) => (
              <option key={candidate} value={candidate}>
                {actionLabels[candidate]}
              </option>
            ))}
          </select>
        )}
      />
      {action !== FOLLOW && (
        <Field
          label="Why"
          error={fieldError(error, 'reason')}
          control={(props) => (
            <input {...props} value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          )}
        />
      )}
      {error !== null && fieldError(error, 'action') === undefined && fieldError(error, 'reason') === undefined && (
        <p role="alert" className="form-error">
          {error instanceof Error ? error.message : 'Something went wrong; try again.'}
        </p>
      )}
      <button type="submit" className="button-small" disabled={pending}>
        Save choice
      </button>
    </form>
  );
}

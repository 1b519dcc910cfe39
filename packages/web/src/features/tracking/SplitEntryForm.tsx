import type { CalendarDate, TimeEntry } from '@bigrock/core';
import { useState, type FormEvent } from 'react';

import { fieldError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { useFormChecks } from '../../shared/form-checks';
import { usePendingAction } from '../../shared/use-pending-action';
import { dayOfTimeAfter } from './entry-form-values';
import { trackingApi } from './tracking-api';

interface SplitEntryFormProps {
  entry: TimeEntry;
  /** The day and time the entry starts, on the workspace's clocks. */
  date: CalendarDate;
  startTime: string;
  onSplit(): Promise<void> | void;
}

/** Cuts an entry in two at a time inside it; both parts keep its activity, tags and note. */
export function SplitEntryForm({ entry, date, startTime, onSplit }: SplitEntryFormProps) {
  const [at, setAt] = useState('');
  const checks = useFormChecks();
  const { pending, error, run } = usePendingAction();
  const besideTheField = checks.errors.at ?? fieldError(error, 'at');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checks.passes(event.currentTarget, { at: at === '' ? 'Give the time to split at.' : undefined })) return;
    await run(async () => {
      await trackingApi.splitEntry(entry.id, { at: `${dayOfTimeAfter(date, startTime, at)} ${at}` });
      await onSplit();
    });
  }

  if (entry.end === null) return <p className="muted">This timer is still running: stop it before splitting it.</p>;
  return (
    <form noValidate onInput={checks.onInput} onSubmit={(event) => void submit(event)}>
      <Field
        label="Split at"
        hint="The first part ends and the second starts then."
        error={besideTheField}
        control={(props) => (
          <input {...props} name="at" type="time" value={at} onChange={(event) => setAt(event.target.value)} />
        )}
      />
      {besideTheField === undefined && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={pending}>
          {pending ? 'Splitting…' : 'Split entry'}
        </button>
      </div>
    </form>
  );
}

import type { ChannelMapping } from '@bigrock/core';
import { useState, type FormEvent } from 'react';

import { fieldError } from '../../api/api-client';
import { DeleteButton } from '../../shared/DeleteButton';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { auditApi } from './audit-api';

/**
 * The channel attribution's mapping: which activities' hours feed a channel (a referral, a network),
 * as `bigrock channel map` sets it. Saving a channel again replaces its list.
 */
export function ChannelMappingForm({
  mappings,
  activities,
  saved,
}: {
  mappings: readonly ChannelMapping[];
  activities: readonly string[];
  saved(): Promise<void>;
}) {
  const [channel, setChannel] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [unnamed, setUnnamed] = useState(false);
  const { pending, error, run } = usePendingAction();
  const channelError = unnamed ? 'Must not be empty: name the channel.' : fieldError(error, 'channel');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // An empty name has no address to be saved at: said here, before anything is sent.
    setUnnamed(channel.trim() === '');
    if (channel.trim() === '') return;
    const done = await run(async () => {
      await auditApi.mapChannel(channel, { activities: activities.filter((name) => chosen.has(name)) });
      await saved();
    });
    if (done) {
      setChannel('');
      setChosen(new Set());
    }
  }

  const toggle = (name: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  return (
    <>
      {mappings.length > 0 && (
        <ul className="channel-mappings" aria-label="Channel mappings">
          {mappings.map((mapping) => (
            <li key={mapping.channel}>
              <strong>{mapping.channel}</strong>: {mapping.activities.join(', ')}{' '}
              <DeleteButton
                label={`Remove the channel ${mapping.channel}`}
                disabled={pending}
                onDelete={() =>
                  void run(async () => {
                    await auditApi.removeChannel(mapping.channel);
                    await saved();
                  })
                }
              />
            </li>
          ))}
        </ul>
      )}
      <form aria-label="Map a channel to activities" onSubmit={submit} noValidate>
        <Field
          label="Channel"
          hint="As the outcomes name it, such as Referral or LinkedIn"
          error={channelError}
          control={(props) => (
            <input {...props} value={channel} maxLength={200} onChange={(event) => setChannel(event.target.value)} />
          )}
        />
        <fieldset aria-describedby="channel-activities-error">
          <legend>Activities whose hours feed it</legend>
          {activities.length === 0 && <p className="muted">No activity yet.</p>}
          {activities.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.has(name)}
                onChange={(event) => toggle(name, event.target.checked)}
              />{' '}
              {name}
            </label>
          ))}
          {fieldError(error, 'activities') !== undefined && (
            <p id="channel-activities-error" className="field-error">
              {fieldError(error, 'activities')}
            </p>
          )}
        </fieldset>
        <button type="submit" disabled={pending}>
          Save channel
        </button>
      </form>
      {channelError === undefined && fieldError(error, 'activities') === undefined && <ErrorAlert error={error} />}
    </>
  );
}

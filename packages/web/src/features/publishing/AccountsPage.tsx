import type { AddAccountInput, PublishingAccount, PublishingNetwork } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { useLoaderData, useRevalidator } from 'react-router-dom';

import { ApiError, fieldMessage } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { formatCount } from '@bigrock/core';
import { usePendingAction } from '../../shared/use-pending-action';
import { publishingApi, type accountsLoader } from './publishing-api';

const networkLabels: Record<PublishingNetwork, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  webhook: 'Webhook',
};

const hints: Record<PublishingNetwork, string> = {
  mastodon:
    'In your instance: Preferences → Development → New application, with the scopes read:accounts, write:statuses and write:media; copy "Your access token".',
  bluesky: 'In Bluesky: Settings → Privacy and security → App passwords → Add. Never your account password.',
  webhook:
    'Posts go to this address signed per Standard Webhooks. Leave the secret empty and Bigrock makes one, shown once.',
};

function AccountRow({ account, onRemoved }: { account: PublishingAccount; onRemoved(): Promise<void> }) {
  const { pending, error, run } = usePendingAction();
  const limits = account.limits;
  return (
    <li className="panel account-row">
      <div>
        <strong>{account.name}</strong> <span className="muted">· {networkLabels[account.network]}</span>
        <p className="muted account-url">{account.url}</p>
        {limits !== null && (
          <p className="muted">
            {formatCount(limits.maxCharacters, 'character', 'characters')} a post; a link counts{' '}
            {formatCount(limits.charactersReservedPerUrl, 'character', 'characters')}.
          </p>
        )}
        {!account.hasCredentials && (
          <p className="form-error">
            No credentials (restored from a backup without them): remove it and add it again.
          </p>
        )}
        <ErrorAlert error={error} />
      </div>
      <button
        type="button"
        className="button-secondary"
        disabled={pending}
        aria-label={`Remove ${account.name}`}
        onClick={() =>
          void run(async () => {
            await publishingApi.removeAccount(account.id);
            await onRemoved();
          })
        }
      >
        Remove
      </button>
    </li>
  );
}

/** The Mastodon, Bluesky and webhook accounts that posts go to; their credentials never come back. */
export function AccountsPage() {
  const { accounts } = useLoaderData<typeof accountsLoader>();
  const revalidator = useRevalidator();
  const [network, setNetwork] = useState<PublishingNetwork>('mastodon');
  const [values, setValues] = useState({ instance: '', token: '', handle: '', appPassword: '', url: '', secret: '' });
  const [madeSecret, setMadeSecret] = useState<string | null>(null);
  const { pending, error, run } = usePendingAction();

  const fieldError = (field: string) =>
    error instanceof ApiError && error.field === field ? fieldMessage(error) : undefined;
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function input(): AddAccountInput {
    if (network === 'mastodon') return { network, instance: values.instance, token: values.token };
    if (network === 'bluesky') return { network, handle: values.handle, appPassword: values.appPassword };
    return { network, url: values.url, ...(values.secret.trim() !== '' && { secret: values.secret }) };
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMadeSecret(null);
    await run(async () => {
      const { secret } = await publishingApi.addAccount(input());
      setMadeSecret(secret ?? null);
      setValues({ instance: '', token: '', handle: '', appPassword: '', url: '', secret: '' });
      await revalidator.revalidate();
    });
  }

  return (
    <>
      <title>Accounts · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Accounts</h1>
          <p className="muted">Where your posts go. Credentials are kept encrypted and never shown again.</p>
        </div>
      </div>

      {accounts.length === 0 ? (
        <p className="muted">No accounts yet: add one below.</p>
      ) : (
        <ul className="account-list" aria-label="Accounts">
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} onRemoved={async () => revalidator.revalidate()} />
          ))}
        </ul>
      )}

      <section className="panel" aria-labelledby="add-account-heading">
        <h2 id="add-account-heading">Add an account</h2>
        <form onSubmit={(event) => void add(event)} noValidate>
          <Field
            label="Network"
            hint={hints[network]}
            control={(props) => (
              <select
                {...props}
                value={network}
                onChange={(event) => setNetwork(event.target.value as PublishingNetwork)}
              >
                {(Object.keys(networkLabels) as PublishingNetwork[]).map((option) => (
                  <option key={option} value={option}>
                    {networkLabels[option]}
                  </option>
                ))}
              </select>
            )}
          />
          {network === 'mastodon' && (
            <>
              <Field
                label="Instance address"
                error={fieldError('instance')}
                control={(props) => (
                  <input
                    {...props}
                    type="url"
                    placeholder="https://mastodon.social"
                    value={values.instance}
                    onChange={set('instance')}
                  />
                )}
              />
              <Field
                label="Access token"
                error={fieldError('token')}
                control={(props) => (
                  <input {...props} type="password" autoComplete="off" value={values.token} onChange={set('token')} />
                )}
              />
            </>
          )}
          {network === 'bluesky' && (
            <>
              <Field
                label="Handle"
                error={fieldError('handle')}
                control={(props) => (
                  <input
                    {...props}
                    placeholder="maria.bsky.social"
                    autoCapitalize="none"
                    value={values.handle}
                    onChange={set('handle')}
                  />
                )}
              />
              <Field
                label="App password"
                error={fieldError('appPassword')}
                control={(props) => (
                  <input
                    {...props}
                    type="password"
                    autoComplete="off"
                    placeholder="xxxx-xxxx-xxxx-xxxx"
                    value={values.appPassword}
                    onChange={set('appPassword')}
                  />
                )}
              />
            </>
          )}
          {network === 'webhook' && (
            <>
              <Field
                label="Webhook address"
                error={fieldError('url')}
                control={(props) => (
                  <input
                    {...props}
                    type="url"
                    placeholder="https://example.org/hooks/bigrock"
                    value={values.url}
                    onChange={set('url')}
                  />
                )}
              />
              <Field
                label="Secret (optional)"
                hint="whsec_…, from the receiver; empty to make one."
                error={fieldError('secret')}
                control={(props) => (
                  <input {...props} type="password" autoComplete="off" value={values.secret} onChange={set('secret')} />
                )}
              />
            </>
          )}
          {error instanceof ApiError &&
          ['instance', 'token', 'handle', 'appPassword', 'url', 'secret'].includes(error.field ?? '') ? null : (
            <ErrorAlert error={error} />
          )}
          <button type="submit" disabled={pending}>
            {pending ? 'Checking…' : `Add the ${networkLabels[network]} account`}
          </button>
        </form>
        {madeSecret !== null && (
          <div role="status" className="made-secret">
            <p>The webhook's signing secret, shown this once; give it to the receiver:</p>
            <code aria-label="Signing secret">{madeSecret}</code>
          </div>
        )}
      </section>
    </>
  );
}

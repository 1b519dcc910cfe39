import { dateInZone, isoWeekOf, postTextFor, type CreatePostInput, type Post } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { Link, useLoaderData } from 'react-router-dom';

import { ApiError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { ImagePicker, mediaInput, type ComposeImage } from './ImagePicker';
import { formatPostTime, networkLabels } from './post-labels';
import { imageFieldLabels, postFieldMessage } from './post-messages';
import { PostPreview } from './PostPreview';
import { postsApi, type composeLoader } from './posts-api';

type WhenKind = 'queue' | 'at' | 'now';
type OverridableNetwork = 'mastodon' | 'bluesky';

/** The fields the server names in its errors, each shown beside its control, with that control's label. */
const fieldLabels: Record<string, string> = {
  text: 'Text',
  'overrides.mastodon': 'Mastodon text',
  'overrides.bluesky': 'Bluesky text',
  contentWarning: 'Content warning',
  accountIds: 'Accounts',
  when: 'When',
  'when.at': 'Time',
  ...imageFieldLabels,
};
const fields = Object.keys(fieldLabels);

const submitLabels: Record<WhenKind, string> = { queue: 'Add to queue', at: 'Schedule', now: 'Post now' };

const madeLabels: Record<Post['status'], string> = {
  queued: 'Queued for',
  sending: 'Sending, since',
  posted: 'Posted at',
  failed: 'Failed at',
  missed: 'Missed at',
  cancelled: 'Cancelled at',
};

/**
 * Compose once: one text, a different one for Mastodon or Bluesky if wanted, a content warning,
 * the accounts (all by default), and when. Each chosen account previews its text with its counter,
 * counted as its network counts; a counter over its limit says so, and the server's refusal is
 * shown at the field it names.
 */
export function ComposePage() {
  const { accounts, queue } = useLoaderData<typeof composeLoader>();
  const [text, setText] = useState('');
  const [different, setDifferent] = useState<Record<OverridableNetwork, boolean>>({ mastodon: false, bluesky: false });
  const [overrides, setOverrides] = useState<Record<OverridableNetwork, string>>({ mastodon: '', bluesky: '' });
  const [contentWarning, setContentWarning] = useState('');
  const [images, setImages] = useState<ComposeImage[]>([]);
  const [chosen, setChosen] = useState<string[]>(() => accounts.map((account) => account.id));
  const [when, setWhen] = useState<WhenKind>('queue');
  const [at, setAt] = useState('');
  const [made, setMade] = useState<Post | null>(null);
  const { pending, error, run } = usePendingAction();

  const errorAt = (field: string) => postFieldMessage(error, field, fieldLabels[field] ?? field);
  const chosenAccounts = accounts.filter((account) => chosen.includes(account.id));
  const networks = new Set(chosenAccounts.map((account) => account.network));
  const overridable = (['mastodon', 'bluesky'] as const).filter((network) => networks.has(network));
  const postOverrides = Object.fromEntries(
    overridable.filter((network) => different[network]).map((network) => [network, overrides[network]]),
  );

  function input(): CreatePostInput {
    return {
      text,
      ...(Object.keys(postOverrides).length > 0 && { overrides: postOverrides }),
      ...(networks.has('mastodon') && contentWarning.trim() !== '' && { contentWarning }),
      ...(images.length > 0 && { media: mediaInput(images) }),
      // All of them is the server's default: a list only when some are left out.
      ...(chosen.length !== accounts.length && { accountIds: chosen }),
      when: when === 'at' ? { kind: 'at', at } : { kind: when },
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMade(null);
    await run(async () => {
      const post = await postsApi.create(input());
      setMade(post);
      setText('');
      setOverrides({ mastodon: '', bluesky: '' });
      setDifferent({ mastodon: false, bluesky: false });
      setContentWarning('');
      setImages([]);
      setAt('');
    });
  }

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  if (accounts.length === 0) {
    return (
      <>
        <title>Compose · Bigrock</title>
        <h1>Compose</h1>
        <p className="empty-state">
          No account to post to yet: <Link to="/accounts">add your Mastodon, Bluesky or webhook account</Link> first.
        </p>
      </>
    );
  }

  return (
    <>
      <title>Compose · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Compose</h1>
          <p className="muted">Write once; each network gets its text, counted its own way.</p>
        </div>
        <nav className="actions" aria-label="Publishing">
          <Link className="button button-secondary" to="/queue">
            Queue
          </Link>
        </nav>
      </div>

      {made !== null && (
        <div role="status" className="notice">
          <p>
            {made.whenKind === 'now' && made.status === 'queued'
              ? queue.paused
                ? 'Waiting for the queue to resume, since'
                : 'Going out now,'
              : madeLabels[made.status]}{' '}
            {formatPostTime(made.scheduledAt, queue.timeZone)} ({queue.timeZone}).{' '}
            <Link to={`/posts/${made.id}`}>Its history</Link> ·{' '}
            <Link to={`/queue?week=${isoWeekOf(dateInZone(new Date(made.scheduledAt), queue.timeZone))}`}>
              Its week in the queue
            </Link>
          </p>
        </div>
      )}

      {queue.paused && (
        <p className="notice">
          The queue is paused: nothing goes out, not even &ldquo;Now&rdquo;, until you{' '}
          <Link to="/queue">resume it on the Queue page</Link>.
        </p>
      )}

      <div className="compose">
        <form className="panel compose-form" onSubmit={(event) => void submit(event)} noValidate>
          <Field
            label="Text"
            hint="Links count 23 characters on Mastodon and as written on Bluesky."
            error={errorAt('text')}
            control={(props) => (
              <textarea {...props} rows={6} dir="auto" value={text} onChange={(event) => setText(event.target.value)} />
            )}
          />
          {overridable.map((network) => (
            <div key={network}>
              <label className="inline-check">
                <input
                  type="checkbox"
                  checked={different[network]}
                  onChange={(event) => {
                    const on = event.target.checked;
                    setDifferent((current) => ({ ...current, [network]: on }));
                    // The other text starts from the post's, to shorten rather than retype.
                    if (on && overrides[network] === '') setOverrides((current) => ({ ...current, [network]: text }));
                  }}
                />
                Different text for {networkLabels[network]}
              </label>
              {different[network] && (
                <Field
                  label={`${networkLabels[network]} text`}
                  error={errorAt(`overrides.${network}`)}
                  control={(props) => (
                    <textarea
                      {...props}
                      rows={4}
                      dir="auto"
                      value={overrides[network]}
                      onChange={(event) => setOverrides((current) => ({ ...current, [network]: event.target.value }))}
                    />
                  )}
                />
              )}
            </div>
          ))}
          {networks.has('mastodon') && (
            <Field
              label="Content warning (Mastodon)"
              hint="Shown before the text on Mastodon, and counted in its limit; the other networks leave it out."
              error={errorAt('contentWarning')}
              control={(props) => (
                <input
                  {...props}
                  type="text"
                  dir="auto"
                  value={contentWarning}
                  onChange={(event) => setContentWarning(event.target.value)}
                />
              )}
            />
          )}

          <ImagePicker images={images} onChange={setImages} errorAt={errorAt} requireAltText={queue.requireAltText} />

          <fieldset
            className="form-section"
            aria-describedby={errorAt('accountIds') ? 'compose-accounts-error' : undefined}
          >
            <legend>Accounts</legend>
            {accounts.map((account) => (
              <label key={account.id} className="inline-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(account.id)}
                  onChange={(event) => toggle(account.id, event.target.checked)}
                />
                {networkLabels[account.network]} · {account.name}
              </label>
            ))}
            {errorAt('accountIds') && (
              <p id="compose-accounts-error" className="field-error">
                {errorAt('accountIds')}
              </p>
            )}
          </fieldset>

          <fieldset className="form-section">
            <legend>When</legend>
            {(
              [
                ['queue', 'Add to queue (the next free slot)'],
                ['at', 'At a time'],
                ['now', 'Now'],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className="inline-check">
                <input type="radio" name="when" value={kind} checked={when === kind} onChange={() => setWhen(kind)} />
                {label}
              </label>
            ))}
            {when === 'at' && (
              <Field
                label="Time"
                hint={`YYYY-MM-DD HH:mm on the workspace's clocks (${queue.timeZone}).`}
                error={errorAt('when.at')}
                control={(props) => (
                  <input
                    {...props}
                    type="text"
                    placeholder="2027-01-04 09:00"
                    value={at}
                    onChange={(event) => setAt(event.target.value)}
                  />
                )}
              />
            )}
            {errorAt('when') && <p className="field-error">{errorAt('when')}</p>}
          </fieldset>

          {error instanceof ApiError && fields.includes(error.field ?? '') ? null : <ErrorAlert error={error} />}
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {pending ? 'Saving…' : submitLabels[when]}
            </button>
          </div>
        </form>

        <section className="compose-previews" aria-labelledby="previews-heading">
          <h2 id="previews-heading">Previews</h2>
          {chosenAccounts.length === 0 ? (
            <p className="muted">Choose an account to see its preview.</p>
          ) : (
            chosenAccounts.map((account) => (
              <PostPreview
                key={account.id}
                account={account}
                text={postTextFor(account.network, text, postOverrides)}
                contentWarning={contentWarning}
                images={images}
              />
            ))
          )}
        </section>
      </div>
    </>
  );
}

import type { Post, PostOverrides } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { ApiError } from '../../api/api-client';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { Field } from '../../shared/Field';
import { usePendingAction } from '../../shared/use-pending-action';
import { DeliveryLine } from './DeliveryLine';
import { ImagePicker, mediaInput, storedImage, type ComposeImage } from './ImagePicker';
import { imageFieldLabels, postFieldMessage } from './post-messages';
import { formatPostTime, networkLabels, statusBadge, statusLabels, wallTime } from './post-labels';
import { postsApi } from './posts-api';

/** The first words of a post, to name it on buttons and in lists. */
export const postExcerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

interface QueuePostProps {
  post: Post;
  timeZone: string;
  /** Free slots a post can move to, as instants. */
  freeSlots: string[];
  /** Whether the post's time is shown (the Missed list), or the slot it is in says it. */
  showTime?: boolean;
  /** On the post's own page, its targets have sections of their own. */
  onItsPage?: boolean;
  /** Whether the queue's settings require alt text on every image. */
  requireAltText: boolean;
  onChanged(): Promise<void>;
}

/** The fields the edit and move forms show the server's errors beside, with their labels. */
const fieldLabels: Record<string, string> = {
  text: 'Text',
  'overrides.mastodon': 'Mastodon text',
  'overrides.bluesky': 'Bluesky text',
  'when.at': 'Time',
  ...imageFieldLabels,
};

/**
 * A post in the queue's batch view: its targets' statuses, and while something is still to send,
 * edit its text and its images (their alt text, remove one, add more), move it (the next free
 * slot, a free slot of the week, any time), send it now or delete it.
 */
export function QueuePost({
  post,
  timeZone,
  freeSlots,
  showTime = false,
  onItsPage = false,
  requireAltText,
  onChanged,
}: QueuePostProps) {
  const { pending, error, run } = usePendingAction();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [text, setText] = useState(post.text);
  const [overrides, setOverrides] = useState<PostOverrides>(post.overrides);
  const [images, setImages] = useState<ComposeImage[]>(() => post.media.map((image) => storedImage(post.id, image)));
  const [moveTo, setMoveTo] = useState('queue');
  const [at, setAt] = useState('');

  const toSend = post.deliveries.some((delivery) => ['queued', 'missed', 'failed'].includes(delivery.status));
  const editable = toSend && post.deliveries.every((delivery) => delivery.status !== 'posted');
  const excerpt = postExcerpt(post.text);
  // The buttons name the post they act on: a week holds many, each with its own.
  const sendLabel = post.status === 'missed' ? 'Post now' : 'Send now';
  const moveLabel = post.status === 'missed' ? 'Reschedule' : 'Move';
  const errorAt = (field: string) => postFieldMessage(error, field, fieldLabels[field] ?? field);

  const act = (action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      await onChanged();
    });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The images go only when changed: a text edit does not ask again about images kept as they were.
    const media = mediaInput(images);
    const imagesChanged =
      JSON.stringify(media) !== JSON.stringify(post.media.map(({ id, altText }) => ({ id, altText })));
    const ok = await act(() => postsApi.update(post.id, { text, overrides, ...(imagesChanged && { media }) }));
    if (ok) setEditing(false);
  }

  async function move(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const when =
      moveTo === 'queue'
        ? ({ kind: 'queue' } as const)
        : ({ kind: 'at', at: moveTo === 'other' ? at : wallTime(moveTo, timeZone) } as const);
    const ok = await act(() => postsApi.update(post.id, { when }));
    if (ok) setMoving(false);
  }

  return (
    <article className="queue-post" aria-label={`Post: ${excerpt}`}>
      <p className="queue-post-text" dir="auto">
        {post.text}
      </p>
      <p className="queue-post-meta">
        <span className={statusBadge[post.status]}>{statusLabels[post.status]}</span>
        {showTime && <span> {formatPostTime(post.scheduledAt, timeZone)}</span>}{' '}
        {post.media.length > 0 && (
          <span className="badge badge-none" title={post.media.map((image) => image.altText).join(' · ')}>
            {post.media.length === 1 ? '1 image' : `${post.media.length} images`}
          </span>
        )}{' '}
        {!onItsPage && (
          <Link to={`/posts/${post.id}`} aria-label={`History of the post ${excerpt}`}>
            History
          </Link>
        )}
      </p>
      {!onItsPage && (
        <ul className="delivery-list" aria-label="Where it goes">
          {post.deliveries.map((delivery) => (
            <DeliveryLine key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}

      {toSend && (
        <div className="queue-post-actions">
          <button
            type="button"
            className="button-small"
            disabled={pending}
            aria-label={`${sendLabel}: ${excerpt}`}
            onClick={() => void act(() => postsApi.sendNow(post.id))}
          >
            {sendLabel}
          </button>
          {editable && (
            <button
              type="button"
              className="button-small button-secondary"
              aria-expanded={editing}
              aria-label={`Edit: ${excerpt}`}
              onClick={() => setEditing(!editing)}
            >
              Edit
            </button>
          )}
          <button
            type="button"
            className="button-small button-secondary"
            aria-expanded={moving}
            aria-label={`${moveLabel}: ${excerpt}`}
            onClick={() => setMoving(!moving)}
          >
            {moveLabel}
          </button>
          <button
            type="button"
            className="button-small button-danger"
            disabled={pending}
            aria-label={`Delete: ${excerpt}`}
            onClick={() => void act(() => postsApi.remove(post.id))}
          >
            Delete
          </button>
        </div>
      )}

      {editing && (
        <form className="row-edit" onSubmit={(event) => void save(event)} noValidate>
          <Field
            label="Text"
            error={errorAt('text')}
            control={(props) => (
              <textarea {...props} rows={4} dir="auto" value={text} onChange={(event) => setText(event.target.value)} />
            )}
          />
          {(['mastodon', 'bluesky'] as const)
            .filter((network) => post.overrides[network] !== undefined)
            .map((network) => (
              <Field
                key={network}
                label={`${networkLabels[network]} text`}
                error={errorAt(`overrides.${network}`)}
                control={(props) => (
                  <textarea
                    {...props}
                    rows={3}
                    dir="auto"
                    value={overrides[network] ?? ''}
                    onChange={(event) => setOverrides((current) => ({ ...current, [network]: event.target.value }))}
                  />
                )}
              />
            ))}
          <ImagePicker images={images} onChange={setImages} errorAt={errorAt} requireAltText={requireAltText} />
          <div className="form-actions">
            <button type="submit" className="button-small" disabled={pending}>
              Save the changes
            </button>
          </div>
        </form>
      )}

      {moving && (
        <form className="row-edit" onSubmit={(event) => void move(event)} noValidate>
          <Field
            label="Move to"
            control={(props) => (
              <select {...props} value={moveTo} onChange={(event) => setMoveTo(event.target.value)}>
                <option value="queue">The next free slot</option>
                {freeSlots.map((slot) => (
                  <option key={slot} value={slot}>
                    {formatPostTime(slot, timeZone)}
                  </option>
                ))}
                <option value="other">Another time…</option>
              </select>
            )}
          />
          {moveTo === 'other' && (
            <Field
              label="Time"
              hint={`YYYY-MM-DD HH:mm on the workspace's clocks (${timeZone}).`}
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
          <div className="form-actions">
            <button type="submit" className="button-small" disabled={pending}>
              {moveLabel} the post
            </button>
          </div>
        </form>
      )}
      {error instanceof ApiError && Object.keys(fieldLabels).includes(error.field ?? '') ? null : (
        <ErrorAlert error={error} />
      )}
    </article>
  );
}

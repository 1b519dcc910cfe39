import { ErrorAlert } from '../../shared/ErrorAlert';
import { usePendingAction } from '../../shared/use-pending-action';
import { postsApi, type QueueSettings } from './posts-api';

/**
 * The workspace's choice to require alt text on every image of a post (on by default): saved as
 * soon as it is ticked or not.
 */
export function AltTextSetting({ queue, onSaved }: { queue: QueueSettings; onSaved(): Promise<void> }) {
  const { pending, error, run } = usePendingAction();
  return (
    <section className="panel" aria-labelledby="alt-text-heading">
      <h2 id="alt-text-heading">Images</h2>
      <label className="inline-check">
        <input
          type="checkbox"
          checked={queue.requireAltText}
          disabled={pending}
          onChange={(event) => {
            const required = event.target.checked;
            void run(async () => {
              await postsApi.setAltTextRequired(required);
              await onSaved();
            });
          }}
        />
        Require alt text
      </label>
      <p className="field-hint">
        On, a post with an image that has no alt text (what it shows, for those who cannot see it) is refused.
      </p>
      <ErrorAlert error={error} />
    </section>
  );
}

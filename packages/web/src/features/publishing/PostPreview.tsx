import type { PublishingAccount } from '@bigrock/core';

import { imageSrc, type ComposeImage } from './ImagePicker';
import { networkLabels } from './post-labels';
import { countFor, counterText } from './post-counter';

/**
 * One account's preview of a post: the text it gets (its network's override, or the post's), the
 * content warning on Mastodon, and its counter, counted by core as the network does.
 */
export function PostPreview({
  account,
  text,
  contentWarning,
  images = [],
}: {
  account: PublishingAccount;
  text: string;
  contentWarning: string;
  images?: ComposeImage[];
}) {
  const warning = account.network === 'mastodon' ? contentWarning.trim() : '';
  const count = countFor(account, text.trim(), warning);
  return (
    <section className="panel post-preview" aria-label={`${networkLabels[account.network]} preview, ${account.name}`}>
      <h3>
        {networkLabels[account.network]} <span className="muted">· {account.name}</span>
      </h3>
      {warning !== '' && (
        <p className="post-preview-warning" dir="auto">
          <strong>Content warning:</strong> {warning}
        </p>
      )}
      <p className="post-preview-text" dir="auto">
        {text.trim() === '' ? <span className="muted">Nothing written yet.</span> : text.trim()}
      </p>
      {images.length > 0 && account.network !== 'webhook' && (
        <ul className="post-images" aria-label="Images">
          {images.map((image, index) => (
            <li key={image.key} className="post-image">
              <img src={imageSrc(image)} alt={image.altText} />
              <span className="muted" dir="auto">
                {image.altText.trim() === '' ? `Image ${index + 1}: no alt text yet` : `Alt: ${image.altText.trim()}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {images.length > 0 && account.network === 'webhook' && (
        <p className="muted">
          {images.length === 1 ? 'One image' : `${images.length} images`}, described: type, alt text, size and SHA-256.
        </p>
      )}
      {count === null ? (
        <p className="muted">No length limit.</p>
      ) : (
        <p className={count.over ? 'post-counter post-counter-over' : 'post-counter'} data-counter={account.network}>
          {counterText(count)}
        </p>
      )}
    </section>
  );
}

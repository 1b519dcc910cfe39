import type { Post } from '@bigrock/core';

import { postMediaUrl } from './posts-api';

/** A post's images as stored, each with its alt text beside it, served by GET /posts/:id/media/:mediaId. */
export function PostImages({ post }: { post: Pick<Post, 'id' | 'media'> }) {
  if (post.media.length === 0) return null;
  return (
    <ul className="post-images" aria-label="Images">
      {post.media.map((image, index) => (
        <li key={image.id} className="post-image">
          <img src={postMediaUrl(post.id, image.id)} alt={image.altText} loading="lazy" />
          <span className="muted" dir="auto">
            Image {index + 1}: {image.altText === '' ? 'no alt text' : image.altText}
          </span>
        </li>
      ))}
    </ul>
  );
}

import {
  formatByteSize,
  formatNumber,
  imageTypeNames,
  MAX_ALT_TEXT,
  MAX_POST_IMAGES,
  postImageTypes,
  sniffImageType,
  type PostImage,
  type PostImageInput,
  type PostImageType,
} from '@bigrock/core';
import { useId, useState } from 'react';

import { Field } from '../../shared/Field';
import { postMediaUrl } from './posts-api';

/**
 * An image of a post being composed or edited, with its alt text: one the post already has (kept
 * by its id) or one just chosen (its bytes in base64, as the API takes them).
 */
export interface ComposeImage {
  key: string;
  name: string;
  size: number;
  mimeType: PostImageType;
  altText: string;
  source: { kind: 'stored'; id: string; url: string } | { kind: 'new'; data: string };
}

/** Its thumbnail's address: the stored image, or a data: address (the page's CSP allows data: images, not blob:). */
export const imageSrc = ({ source, mimeType }: ComposeImage) =>
  source.kind === 'stored' ? source.url : `data:${mimeType};base64,${source.data}`;

/** A post's stored image, to keep (its alt text changed or not) or remove on an edit. */
export const storedImage = (postId: string, image: PostImage): ComposeImage => ({
  key: image.id,
  name: `a ${imageTypeNames[image.mimeType]} image of the post`,
  size: image.size,
  mimeType: image.mimeType,
  altText: image.altText,
  source: { kind: 'stored', id: image.id, url: postMediaUrl(postId, image.id) },
});

/** The images as the API takes them, in order: stored ones by id, new ones with their bytes. */
export const mediaInput = (images: ComposeImage[]): PostImageInput[] =>
  images.map(({ source, mimeType, altText }) =>
    source.kind === 'stored' ? { id: source.id, altText } : { data: source.data, mimeType, altText },
  );

/** The file's bytes in base64, and the type its first bytes say (null: not one of the four). */
async function readImage(file: File): Promise<{ data: string; mimeType: PostImageType | null }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In pieces: String.fromCharCode with millions of arguments overflows the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return { data: btoa(binary), mimeType: sniffImageType(bytes) };
}

/**
 * The images of a post being composed or edited: a file input for PNG, JPEG, GIF and WebP (up to
 * four), each image with its thumbnail, its alt text and a counter; the server's errors shown at
 * the image they name (`media.1.altText`).
 */
export function ImagePicker({
  images,
  onChange,
  errorAt,
  requireAltText,
}: {
  images: ComposeImage[];
  onChange(images: ComposeImage[]): void;
  errorAt(field: string): string | undefined;
  requireAltText: boolean;
}) {
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  async function add(files: FileList | null) {
    setProblem(null);
    const chosen = [...(files ?? [])];
    const room = MAX_POST_IMAGES - images.length;
    if (chosen.length > room)
      setProblem(`A post takes at most ${MAX_POST_IMAGES} images: only the first ${room} were added.`);
    const added: ComposeImage[] = [];
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const { data, mimeType } = await readImage(file);
      if (mimeType === null) {
        setProblem(`${file.name} is not a PNG, JPEG, GIF or WebP image.`);
        continue;
      }
      added.push({
        key: `${Date.now()}-${file.name}-${added.length}`,
        name: file.name,
        size: file.size,
        mimeType,
        altText: '',
        source: { kind: 'new', data },
      });
    }
    onChange([...images, ...added]);
  }

  const mediaError = errorAt('media');
  return (
    <fieldset className="form-section compose-images">
      <legend>Images</legend>
      <p className="field-hint">
        Up to {MAX_POST_IMAGES}: PNG, JPEG, GIF or WebP.{' '}
        {requireAltText
          ? 'Each needs alt text: what it shows, for those who cannot see it.'
          : 'Alt text is not required (turned off on the Queue page), but those who cannot see the image need it.'}
      </p>
      {images.length > 0 && (
        <ol className="compose-image-list">
          {images.map((image, index) => (
            <li key={image.key} className="compose-image" aria-label={`Image ${index + 1}: ${image.name}`}>
              <img className="compose-image-thumb" src={imageSrc(image)} alt={image.altText} />
              <div className="compose-image-fields">
                <Field
                  label={`Alt text of image ${index + 1}`}
                  hint={`${formatNumber(image.altText.length, 0)} / ${formatNumber(MAX_ALT_TEXT, 0)} · ${image.name}, ${formatByteSize(image.size)}`}
                  error={
                    errorAt(`media.${index}.altText`) ??
                    errorAt(`media.${index}.data`) ??
                    errorAt(`media.${index}.mimeType`)
                  }
                  control={(props) => (
                    <textarea
                      {...props}
                      rows={2}
                      dir="auto"
                      maxLength={MAX_ALT_TEXT}
                      value={image.altText}
                      onChange={(event) =>
                        onChange(
                          images.map((other) =>
                            other.key === image.key ? { ...other, altText: event.target.value } : other,
                          ),
                        )
                      }
                    />
                  )}
                />
                <button
                  type="button"
                  className="button-small button-secondary"
                  aria-label={`Remove image ${index + 1}`}
                  onClick={() => onChange(images.filter((other) => other.key !== image.key))}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {images.length < MAX_POST_IMAGES && (
        <div className="field">
          <label htmlFor={inputId}>Add images</label>
          <input
            id={inputId}
            type="file"
            accept={postImageTypes.join(',')}
            multiple
            onChange={(event) => {
              const input = event.target;
              void add(input.files).then(() => {
                // Empty again, so the same file can be chosen twice.
                input.value = '';
              });
            }}
          />
        </div>
      )}
      {(problem ?? mediaError) && <p className="field-error">{problem ?? mediaError}</p>}
    </fieldset>
  );
}

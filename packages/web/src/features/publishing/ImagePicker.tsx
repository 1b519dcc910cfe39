import {
  formatByteSize,
  formatNumber,
  MAX_ALT_TEXT,
  MAX_POST_IMAGES,
  postImageTypes,
  sniffImageType,
  type PostImageType,
} from '@bigrock/core';
import { useId, useState } from 'react';

import { Field } from '../../shared/Field';

/** An image chosen in Compose: its bytes in base64 (as the API takes them), its type and its alt text. */
export interface ComposeImage {
  key: string;
  name: string;
  size: number;
  mimeType: PostImageType;
  data: string;
  altText: string;
}

/** A data: address for a thumbnail: the page's Content-Security-Policy allows data: images, not blob:. */
export const imageDataUrl = (image: Pick<ComposeImage, 'mimeType' | 'data'>) =>
  `data:${image.mimeType};base64,${image.data}`;

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
 * The images of a post being composed: a file input for PNG, JPEG, GIF and WebP (up to four), each
 * image with its thumbnail, its alt text and a counter; the server's errors shown at the image
 * they name (`media.1.altText`).
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
        data,
        altText: '',
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
              <img className="compose-image-thumb" src={imageDataUrl(image)} alt={image.altText} />
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

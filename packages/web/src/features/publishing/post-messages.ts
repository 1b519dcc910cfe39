import { ApiError, fieldMessage } from '../../api/api-client';

/** The words the compose and queue forms use for what the API calls by its code names. */
const plainWords: Array<[RegExp, string]> = [
  [/\boverrides\.mastodon\b/g, 'a different text for Mastodon'],
  [/\boverrides\.bluesky\b/g, 'a different text for Bluesky'],
  [/\{ kind: "now" \}/g, 'Now'],
];

/**
 * The server's message about `field`, to show beside the control `label` names: the field's code
 * name at its start becomes that label, and the other code names the API's users read become the
 * words on the form. Undefined when the error is about another field.
 *
 * @example postFieldMessage(error400('when.at', 'when.at is in the past: give a later time, or { kind: "now" }.'), 'when.at', 'Time')
 * // 'Time is in the past: give a later time, or Now.'
 */
export function postFieldMessage(error: unknown, field: string, label: string): string | undefined {
  if (!(error instanceof ApiError) || error.field !== field) return undefined;
  const named = error.message.startsWith(`${field} `)
    ? `${label}${error.message.slice(field.length)}`
    : fieldMessage(error);
  return plainWords.reduce((message, [code, words]) => message.replace(code, words), named);
}

/** The image fields the server names in its errors (`media.1.altText`), with the image picker's labels for them. */
export const imageFieldLabels: Record<string, string> = {
  media: 'Images',
  ...Object.fromEntries(
    [0, 1, 2, 3].flatMap((index) => [
      [`media.${index}.altText`, `Alt text of image ${index + 1}`],
      [`media.${index}.id`, `Image ${index + 1}`],
      [`media.${index}.data`, `Image ${index + 1}`],
      [`media.${index}.mimeType`, `Image ${index + 1}`],
    ]),
  ),
};

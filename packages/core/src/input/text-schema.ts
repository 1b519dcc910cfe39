import { z } from 'zod';

/** U+0000. PostgreSQL cannot store it in text, and no one means to type it. */
export const NUL = '\u0000';

/**
 * Text from outside (a body, a path, a query string, a file): any string without a NUL character.
 * Every string field of every input schema starts from this one, so no field can let one through
 * to the database.
 *
 * @example textSchema.trim().min(1).max(80).parse(' calls ') // 'calls'
 * @example textSchema.safeParse('call\u0000s').success // false: "must not contain a NUL character (U+0000): remove it"
 */
// A pattern, not a refinement: it shows in the OpenAPI document, and a test walks every schema for it.
// eslint-disable-next-line no-control-regex -- the control character is the point: it is refused
export const textSchema = z.string().regex(/^[^\u0000]*$/, {
  message: 'must not contain a NUL character (U+0000): remove it',
});

/**
 * An id or a name given to find a record (a path parameter, a reference in a body).
 *
 * @example idSchema.parse('01JQ4ZK3T8') // '01JQ4ZK3T8'
 */
export const idSchema = textSchema
  .min(1, { message: 'must not be empty' })
  .max(200, { message: 'must be at most 200 characters' });

/**
 * Optional text of at most `max` characters: trimmed, and null when empty.
 *
 * @example optionalTextSchema(500).parse('  ') // null
 */
export function optionalTextSchema(max: number) {
  return textSchema
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));
}

/**
 * The text without its NUL characters, and how many there were.
 *
 * @example withoutNul('a\u0000b') // { text: 'ab', removed: 1 }
 */
export function withoutNul(text: string): { text: string; removed: number } {
  if (!text.includes(NUL)) return { text, removed: 0 };
  const cleaned = text.replaceAll(NUL, '');
  return { text: cleaned, removed: text.length - cleaned.length };
}

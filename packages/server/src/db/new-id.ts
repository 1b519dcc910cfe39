import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short random id that is easy to type on the command line: 10 characters of Crockford's
 * base 32, 50 bits, plenty for one workspace.
 */
export function newId(): string {
  return Array.from(randomBytes(10), (byte) => alphabet[byte & 31]).join('');
}

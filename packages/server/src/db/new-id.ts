import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A short random id that is easy to type on the command line: 10 characters of Crockford's
 * base 32, 50 bits, plenty for one workspace.
 */
export function newId(): string {
  return Array.from(randomBytes(10), (byte) => alphabet[byte & 31]).join('');
}

const encode = (value: number, length: number) => {
  let text = '';
  for (let rest = value; text.length < length; rest = Math.floor(rest / 32)) text = alphabet[rest % 32] + text;
  return text;
};

/**
 * Ids for the many rows of one import: a random prefix of five characters, then a count. Rows
 * written in id order fill the primary key's index at its end, several times faster than random
 * ids; the prefix keeps two imports apart (one chance in 33 million of meeting, and then the
 * import fails whole rather than mixing rows).
 */
export function createIdSequence(): (count: number) => string[] {
  const prefix = newId().slice(0, 5);
  let next = 0;
  return function nextIds(count: number): string[] {
    const ids = new Array<string>(count);
    for (let index = 0; index < count; index++) ids[index] = prefix + encode(next++, 5);
    return ids;
  };
}

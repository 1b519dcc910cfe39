import { randomInt } from 'node:crypto';

const SORTABLE_BASE32 = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key for a new Bluesky post: a TID (53 bits of microseconds since 1970, 10 bits of a
 * random clock id, in sortable base 32), chosen and saved before the call that writes the record.
 * Apart from the connector so that choosing one does not load the network client.
 *
 * @example newRecordKey(new Date('2026-12-02T10:00:00Z')) // '3m7…' (13 characters)
 */
export function newRecordKey(now: Date, clockId = randomInt(1024)): string {
  let value = (BigInt(now.getTime()) * 1000n + BigInt(randomInt(1000))) * 1024n + BigInt(clockId);
  let text = '';
  for (let index = 0; index < 13; index += 1) {
    text = SORTABLE_BASE32[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return text;
}

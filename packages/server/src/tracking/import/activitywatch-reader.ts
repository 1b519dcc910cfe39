import { awBucketKind, mapAwEvent, type ImportRow } from '@bigrock/core';

import { describePath, streamJsonValues, type JsonPath } from './json-values.js';
import { ImportAbort } from './text-input.js';

const isBucketType = (path: JsonPath) => path.length === 3 && path[0] === 'buckets' && path[2] === 'type';
const isEvent = (path: JsonPath) =>
  path.length === 4 && path[0] === 'buckets' && path[2] === 'events' && typeof path[3] === 'number';

/**
 * Reads an ActivityWatch export, `{ "buckets": { "<id>": { "type": …, "events": [...] } } }`,
 * streamed one event at a time: window and web events become entries, AFK events are left out.
 */
export async function* readActivityWatch(text: AsyncIterable<string>): AsyncGenerator<ImportRow[]> {
  const types = new Map<string, unknown>();
  let sawBucket = false;
  const values = streamJsonValues(text, (path) => isBucketType(path) || isEvent(path), 'object');
  for await (const batch of values) {
    const rows: ImportRow[] = [];
    for (const { path, value, line } of batch) {
      const bucketId = String(path[1]);
      sawBucket = true;
      if (isBucketType(path)) {
        types.set(bucketId, value);
        continue;
      }
      const row = mapAwEvent(bucketId, awBucketKind(bucketId, types.get(bucketId)), value, line);
      if (row.kind === 'issue') row.issue.message = `${describePath(path)}: ${row.issue.message}`;
      rows.push(row);
    }
    if (rows.length > 0) yield rows;
  }
  if (!sawBucket) {
    throw new ImportAbort({
      line: 1,
      message:
        'This JSON has no "buckets" with events: export it from ActivityWatch (Raw data → Export all buckets as JSON).',
    });
  }
}

import { mapTimewInterval, type ImportRow } from '@bigrock/core';

import { describePath, streamJsonValues } from './json-values.js';

/** Reads `timew export`: one JSON array of intervals, streamed one interval at a time. */
export async function* readTimew(text: AsyncIterable<string>): AsyncGenerator<ImportRow[]> {
  const values = streamJsonValues(text, (path) => path.length === 1 && typeof path[0] === 'number', 'array');
  for await (const batch of values) {
    yield batch.map(({ value, line, path }) => {
      const row = mapTimewInterval(value, line);
      if (row.kind === 'issue') row.issue.message = `${describePath(path)}: ${row.issue.message}`;
      return row;
    });
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { DEFAULT_WORKSPACE_ID } from '../workspaces/open-workspace.js';
import { createTimeEntryRepository, type ImportedRow } from './time-entry.repository.js';

describe.each(dialects)('the time entry repository on %s', (dialect) => {
  let test: TestBigrock;
  let repository: ReturnType<typeof createTimeEntryRepository>;

  beforeAll(async () => {
    test = await openTestBigrock(dialect);
    repository = createTimeEntryRepository(test.bigrock.db, dialect);
  });
  afterAll(() => test.cleanup());

  it('pages through entries in (start, id) order, entries that start together included', async () => {
    const hour = 3_600_000;
    const base = Date.parse('2026-03-02T09:00:00Z');
    // Seven entries, three of them at the same start, written out of order.
    const starts = [2, 0, 1, 1, 3, 1, 4];
    const rows: ImportedRow[] = starts.map((offset, index) => ({
      id: `page-${String.fromCharCode(103 - index)}`,
      activity: 'Calls',
      start_ms: base + offset * hour,
      end_ms: base + offset * hour + 1_800_000,
      tags: '',
      note: null,
      source: 'import',
      source_id: `test:${index}`,
      client: null,
      project: null,
      billable: 0,
      rate: null,
      rate_currency: null,
    }));
    expect(await repository.insertMany(DEFAULT_WORKSPACE_ID, '2026-03-02T00:00:00.000Z', rows)).toBe(7);

    const seen: string[] = [];
    let after: { startMs: number; id: string } | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await repository.listPage(DEFAULT_WORKSPACE_ID, {}, after, 2);
      seen.push(...page.map(({ id }) => id));
      const last = page.at(-1);
      if (last === undefined || page.length < 2) break;
      after = { startMs: Number(last.start_ms), id: last.id };
    }
    const expected = [...rows].sort((a, b) => a.start_ms - b.start_ms || (a.id < b.id ? -1 : 1)).map(({ id }) => id);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(7);
  });
});

import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

type Tables = Record<string, Array<Record<string, unknown>>>;
const tablesOf = (backup: string) => (JSON.parse(backup) as { tables: Tables }).tables;

describe.each(dialects)('focus sessions in backup and restore on %s', (dialect) => {
  let source: TestBigrock;
  let target: TestBigrock;
  let backup: string;

  beforeAll(async () => {
    source = await openTestBigrock(dialect, { clock: fixedClock('2026-03-25T10:30:00Z'), timeZone: 'Europe/Paris' });
    target = await openTestBigrock(dialect, { clock: fixedClock('2026-03-26T10:30:00Z') });
    const { focus, planner } = source.bigrock;
    await planner.setRock({ title: 'Programme outline' });
    await focus.start({ rock: true, minutes: 45 });
    await focus.interrupt({ kind: 'external', note: 'Courier' });
    await focus.abandon({ reason: 'Fire drill' });
    await focus.start({ activity: 'Calls' });
    await focus.interrupt({ kind: 'internal' });
    backup = await text(source.bigrock.backup.backup());
  });
  afterAll(async () => {
    await source.cleanup();
    await target.cleanup();
  });

  it('backs up sessions and interruptions, and restores them with the open session', async () => {
    const tables = tablesOf(backup);
    expect(tables.focus_sessions).toHaveLength(2);
    expect(tables.focus_interruptions).toHaveLength(2);
    await target.bigrock.backup.restore(Readable.from([backup]));
    const current = await target.bigrock.focus.current();
    expect(current.session).toMatchObject({ activity: 'Calls', interruptions: [{ kind: 'internal' }] });
    expect(tablesOf(await text(target.bigrock.backup.backup())).focus_sessions).toEqual(tables.focus_sessions);
  });

  it('refuses a restore with an abandoned session without its reason, or a second open session, naming them', async () => {
    const tables = tablesOf(backup);
    const sessions = tables.focus_sessions ?? [];
    const withoutReason = sessions.map((row) => (row.status === 'abandoned' ? { ...row, abandon_reason: null } : row));
    const twoOpen = sessions.map((row) => ({ ...row, status: 'paused', ended_at: null }));
    for (const [rows, pattern] of [
      [withoutReason, /abandon_reason/],
      [twoOpen, /open focus session/],
    ] as const) {
      const changed = JSON.stringify({ ...JSON.parse(backup), tables: { ...tables, focus_sessions: rows } });
      await expect(target.bigrock.backup.restore(Readable.from([changed]))).rejects.toThrow(pattern);
    }
  });
});

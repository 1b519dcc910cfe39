import { Readable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { backupRowSchemas, type BackupRowSchema } from './backup-row-schemas.js';
import { createBackupRepository, tablesOf } from './backup.repository.js';

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

const withoutStamp = (backup: string) => {
  const { exportedAt: _exportedAt, ...rest } = JSON.parse(backup) as { exportedAt: string };
  return rest;
};

/** Working hours other than a new workspace's, so that a restore shows it brought them. */
const danasHours = { mon: { start: '08:00', end: '12:00' }, sat: { start: '10:00', end: '14:00' } };

/** A workspace with a bit of everything: a goal hierarchy, progress, entries, a running timer, outcomes. */
async function fill(test: TestBigrock): Promise<void> {
  const { goals, entries, outcomes, workspace, activities, funnels } = test.bigrock;
  await workspace.update({ name: 'Dana Reyes Coaching', timeZone: 'America/New_York', workingHours: danasHours });
  const monthly = await goals.create({
    title: 'Recruit 4 distributors',
    target: 4,
    unit: 'recruits',
    deadline: '2026-12-31',
  });
  const dream = await goals.create({ title: 'Earn $3000 a month', level: 'dream', why: 'Stay home with my kids' });
  // A parent created after its child: the restore must not trip over the order.
  await goals.update(monthly.id, { parentId: dream.id });
  await goals.logProgress(monthly.id, { value: 1, date: '2026-11-02', note: 'Anna, "finally"' });
  await entries.add({
    activity: 'Calls',
    start: '2026-11-02 09:00',
    end: '2026-11-02 10:30',
    tags: ['mga'],
    note: 'Line 1\nLine 2',
  });
  await entries.startTimer({ activity: 'Deep work' });
  await outcomes.add({ kind: 'revenue', amount: 1234.56, currency: 'EUR', date: '2026-11-03', channel: 'Referral' });
  await outcomes.add({ kind: 'lead', amount: 3, activity: 'Calls' });
  await activities.create({ name: 'calls', rate: 10, ratePeriod: 'day', minutesPerUnit: 6, goalIds: [monthly.id] });
  await activities.log('calls', { count: 8, date: '2026-11-02' });
  await activities.addBreak('calls', { start: '2026-11-10', end: '2026-11-12', note: 'away' });
  await test.bigrock.audit.setChannel('Referral', { activities: ['calls', 'Networking'] });
  await funnels.create({
    name: 'warm market',
    goalId: monthly.id,
    hoursPerWeek: 10,
    stages: [{ activity: 'calls' }, { activity: 'recruits', conversion: 0.1, minutesPerUnit: 60 }],
  });
  // A queued post with its image: restored without it, it would go out without it.
  await test.bigrock.publishingAccounts.add({ network: 'webhook', url: 'http://127.0.0.1:9/hook' });
  await test.bigrock.posts.create({
    text: 'New rock',
    media: [{ data: PNG.toString('base64'), mimeType: 'image/png', altText: 'A big rock at dawn' }],
    when: { kind: 'at', at: '2027-01-04 09:00' },
  });
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The line of the backup that holds `text`, counted from 1. */
const lineOf = (backup: string, text: string) => backup.split('\n').findIndex((line) => line.includes(text)) + 1;

describe.each(dialects)('backup and restore on %s', (dialect) => {
  let source: TestBigrock;
  let target: TestBigrock;
  let backup: string;

  beforeAll(async () => {
    source = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
    target = await openTestBigrock(dialect, { clock: fixedClock('2026-11-23T12:00:00Z') });
    await fill(source);
    backup = await text(source.bigrock.backup.backup());
  });
  afterAll(async () => {
    await source.cleanup();
    await target.cleanup();
  });

  it('writes every table of the workspace, the ones of other areas included', async () => {
    const parsed = JSON.parse(backup) as {
      format: string;
      version: number;
      workspace: unknown;
      tables: Record<string, unknown[]>;
    };
    expect(parsed).toMatchObject({
      format: 'bigrock-backup',
      version: 1,
      workspace: { name: 'Dana Reyes Coaching', timeZone: 'America/New_York', workingHours: danasHours },
    });
    expect(Object.keys(parsed.tables)).toEqual(
      expect.arrayContaining(['goals', 'data_points', 'time_entries', 'outcomes']),
    );
    const tables = await tablesOf(source.bigrock.db, dialect);
    const withWorkspace = tables
      // The undo buffer (deleted_items) is not backed up: a restore empties it. The time rollups
      // are derived from the entries: a restore makes them again.
      .filter(
        (table) =>
          !['workspaces', 'deleted_items', 'time_rollup_days', 'time_rollup_hours'].includes(table.name) &&
          table.columns.includes('workspace_id'),
      )
      .map(({ name }) => name);
    expect(Object.keys(parsed.tables).sort()).toEqual(withWorkspace.sort());
    expect(parsed.tables.time_entries).toHaveLength(2);
  });

  it('restores a backup exactly: backing up the restored workspace gives the same file', async () => {
    await target.bigrock.entries.add({ activity: 'Old stuff', start: '2026-01-01 09:00', end: '2026-01-01 10:00' });
    const gone = await target.bigrock.entries.add({
      activity: 'Gone',
      start: '2026-01-02 09:00',
      end: '2026-01-02 10:00',
    });
    const deletedId = await target.bigrock.entries.remove(gone.id);
    const result = await target.bigrock.backup.restore(Readable.from([backup]));
    // What was deleted from the data replaced cannot be undone into the backup's.
    await expect(target.bigrock.undo.restore(deletedId)).rejects.toMatchObject({ code: 'not-found' });
    expect(result.tables).toMatchObject({ goals: 2, data_points: 1, time_entries: 2, outcomes: 2 });
    const again = await text(target.bigrock.backup.backup());
    expect(withoutStamp(again)).toEqual(withoutStamp(backup));
    expect(await target.bigrock.entries.timer()).toMatchObject({ activity: 'Deep work' });
    // The image's bytes, written in base64, come back as bytes.
    const [post] = await target.bigrock.posts.list();
    expect(post?.media).toEqual([
      { id: expect.any(String), mimeType: 'image/png', altText: 'A big rock at dawn', size: PNG.length },
    ]);
    const image = await target.bigrock.posts.image(post?.id ?? '', post?.media[0]?.id ?? '');
    expect(Buffer.from(image.data).equals(PNG)).toBe(true);
    expect(await target.bigrock.workspace.get()).toMatchObject({
      timeZone: 'America/New_York',
      workingHours: danasHours,
    });
  });

  it('restores a backup made on the other database', async () => {
    const other = dialects.find((name) => name !== dialect) ?? 'sqlite';
    const elsewhere = await openTestBigrock(other, { clock: fixedClock('2026-11-24T12:00:00Z') });
    try {
      await elsewhere.bigrock.backup.restore(Readable.from([backup]));
      expect(withoutStamp(await text(elsewhere.bigrock.backup.backup()))).toEqual(withoutStamp(backup));
    } finally {
      await elsewhere.cleanup();
    }
  });

  it('changes nothing when the backup is not one, is cut short or names an unknown table', async () => {
    const before = await text(target.bigrock.backup.backup());
    const cases: Array<[string, string]> = [
      ['{"hello": "world", "tables": {"goals": [{"id": "x"}]}}', 'not a Bigrock backup'],
      [backup.slice(0, Math.floor(backup.length * 0.8)), 'cut short'],
      [backup.replace('"outcomes":[', '"invoices":[{"id":"1"}],"outcomes":['), 'no table "invoices"'],
      [
        backup.replace('"title":"Earn $3000 a month"', '"title":"Earn $3000 a month","color":"red"'),
        'no column "color"',
      ],
      [backup.replace('"version":1', '"version":99'), 'version 99'],
    ];
    for (const [file, message] of cases) {
      await expect(target.bigrock.backup.restore(Readable.from([file])), message).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining(message),
      });
      expect(withoutStamp(await text(target.bigrock.backup.backup()))).toEqual(withoutStamp(before));
    }
  });
  it('checks every row with the constraints of the API before anything changes, naming line, table and column', async () => {
    const before = await text(target.bigrock.backup.backup());
    const parsed = JSON.parse(backup) as { tables: Record<string, Array<Record<string, unknown>>> };
    const row = (table: string, index = 0) => JSON.stringify(parsed.tables[table]?.[index]);
    const goal = parsed.tables.goals?.[0] ?? {};
    const entry = parsed.tables.time_entries?.[0] ?? {};
    // The two entries are in id order: which one is the running timer depends on the ids drawn.
    const indexWhere = (table: string, test: (item: Record<string, unknown>) => boolean) =>
      parsed.tables[table]?.findIndex(test) ?? 0;
    const stopped = indexWhere('time_entries', (item) => item.end_ms !== null);
    const lead = indexWhere('outcomes', (item) => item.kind === 'lead');
    const calls = indexWhere('activities', (item) => item.name === 'calls');
    const changed = (table: string, changes: Record<string, unknown>, index = 0) =>
      backup.replace(row(table, index), JSON.stringify({ ...parsed.tables[table]?.[index], ...changes }));
    const cases: Array<[string, string, string]> = [
      [changed('goals', { target: 'lots' }), row('goals'), 'goals.target must be a number from'],
      [
        changed('time_entries', { start_ms: 'abc' }),
        row('time_entries'),
        'time_entries.start_ms must be a whole number',
      ],
      [
        changed('time_entries', { start_ms: 253_402_214_400_000 }),
        row('time_entries'),
        'time_entries.start_ms must be an instant from 1900 to 2999',
      ],
      [
        changed('time_entries', { end_ms: Number(entry.start_ms) - 1 }),
        row('time_entries'),
        'time_entries.end_ms must not come before start_ms',
      ],
      [
        changed('time_entries', { tags: 'a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u' }),
        row('time_entries'),
        'time_entries.tags must list',
      ],
      [changed('time_entries', { source: 'fax' }), row('time_entries'), 'time_entries.source'],
      [
        changed('time_entries', { end_ms: null }, stopped),
        row('time_entries', Math.max(stopped, 1 - stopped)),
        'time_entries.end_ms an earlier row of time_entries has the same end_ms null',
      ],
      [
        changed('outcomes', { currency: 'NAN' }, 1 - lead),
        row('outcomes', 1 - lead),
        'outcomes.currency must be an ISO 4217 currency code',
      ],
      [
        changed('outcomes', { amount: 0.5 }, lead),
        row('outcomes', lead),
        'outcomes.amount must be a whole number of leads',
      ],
      [
        changed('activity_logs', { count: 0.5 }),
        row('activity_logs'),
        'activity_logs.count must be a whole number from 1 to 100,000, got 0.5',
      ],
      [
        changed('activity_breaks', { end_date: '2026-11-01' }),
        row('activity_breaks'),
        'activity_breaks.end_date must be on or after 2026-11-10',
      ],
      [
        changed('activities', { rate_period: null }, calls),
        row('activities', calls),
        'activities.rate_period give the period of the rate',
      ],
      [
        changed('funnels', { hours_per_week: 5e-324 }),
        row('funnels'),
        'funnels.hours_per_week must be 0, or a number from 0.1 to 168',
      ],
      [
        changed('funnel_stages', { conversion_guess: 5e-324 }, 1),
        row('funnel_stages', 1),
        'funnel_stages.conversion_guess must be a number from 0.001 to 1',
      ],
      [
        changed('funnel_stages', { position: 9 }),
        row('funnel_stages'),
        'funnel_stages.position must be a whole number from 0 to 7',
      ],
      [
        changed('data_points', { date: '2026-02-30' }),
        row('data_points'),
        'data_points.date must be a date written YYYY-MM-DD, got "2026-02-30"',
      ],
      [
        changed('data_points', { goal_id: 'nowhere' }),
        row('data_points'),
        'data_points.goal_id refers to "nowhere", which no row of goals before it has',
      ],
      [changed('goals', { created_at: 'yesterday' }), row('goals'), 'goals.created_at must be an instant in UTC'],
      [changed('goals', { days_off: 'sat,someday' }), row('goals'), 'goals.days_off "someday"'],
      [
        changed('goals', { deadline: '0000-01-01', start_date: null }),
        row('goals'),
        'goals.deadline must be a date from 1900-01-01 to 2999-12-31',
      ],
      [changed('goals', { id: parsed.tables.goals?.[1]?.id }), row('goals', 1), 'goals.id "'],
      [changed('goals', { parent_id: goal.id }), row('goals'), 'goals.parent_id makes a loop'],
      [changed('activities', { name: 'a,b' }), row('activities'), 'activities.name must not contain a comma'],
      [
        backup.replace(
          row('goals'),
          JSON.stringify(Object.fromEntries(Object.entries(goal).filter(([key]) => key !== 'title'))),
        ),
        row('goals'),
        'goals.title is missing',
      ],
    ];
    for (const [file, rowText, message] of cases) {
      const line = lineOf(backup, rowText);
      await expect(target.bigrock.backup.restore(Readable.from([file])), message).rejects.toMatchObject({
        code: 'invalid-input',
        field: 'backup',
        message: expect.stringMatching(
          new RegExp(
            `^Nothing was restored\\. Line ${line}: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*Correct that row of the file and restore again\\.$`,
          ),
        ),
      });
      expect(withoutStamp(await text(target.bigrock.backup.backup()))).toEqual(withoutStamp(before));
    }
    // What the API lists afterwards still answers: nothing bad reached a table.
    await expect(target.bigrock.goals.list()).resolves.toBeDefined();
  });

  it('has a row schema for every table the backup finds, with the same columns', async () => {
    const tables = await tablesOf(source.bigrock.db, dialect);
    const found = await createBackupRepository(source.bigrock.db, dialect, 'default').workspaceTables();
    expect(found.length).toBeGreaterThan(9);
    for (const table of found) {
      const schema = (backupRowSchemas as Partial<Record<string, BackupRowSchema>>)[table.name];
      expect(schema, `${table.name} has no row schema in backup-row-schemas.ts`).toBeDefined();
      expect(Object.keys(schema?.columns ?? {}).sort(), table.name).toEqual([...table.columns].sort());
    }
    expect(tables.length).toBeGreaterThan(found.length);
  });
  it('restores a SQLite backup that holds NUL characters, taking them out and saying how many', async () => {
    const old = await openTestBigrock('sqlite', { clock: fixedClock('2026-11-22T12:00:00Z') });
    try {
      const goal = await old.bigrock.goals.create({ title: 'Earn more', why: 'Freedom' });
      await old.bigrock.entries.add({ activity: 'Calls', start: '2026-11-02 09:00', end: '2026-11-02 10:00' });
      // What an older Bigrock let into SQLite, which stores a NUL where PostgreSQL cannot.
      await old.bigrock.db.updateTable('goals').set({ title: 'Earn\u0000 more\u0000', why: '\u0000Freedom' }).execute();
      await old.bigrock.db.updateTable('time_entries').set({ note: 'left a\u0000 message' }).execute();
      const file = await text(old.bigrock.backup.backup());
      expect(file).toContain('\\u0000');

      const result = await target.bigrock.backup.restore(Readable.from([file]));
      expect(result).toMatchObject({ tables: { goals: 1, time_entries: 1 }, nulCharactersRemoved: 4 });
      expect((await target.bigrock.goals.get(goal.id)).goal).toMatchObject({ title: 'Earn more', why: 'Freedom' });
      const [entry] = await target.bigrock.entries.list({ from: '2026-11-02', to: '2026-11-02' });
      expect(entry?.note).toBe('left a message');
      expect(await text(target.bigrock.backup.backup())).not.toContain('\\u0000');
    } finally {
      await old.cleanup();
    }
  });

  it('restores a backup older than working hours, leaving the workspace its own, and refuses bad ones by name', async () => {
    const { workspace } = target.bigrock;
    const parsed = JSON.parse(backup) as { workspace: Record<string, unknown> };
    const { workingHours: _workingHours, ...olderHeader } = parsed.workspace;
    const older = backup.replace(JSON.stringify(parsed.workspace), JSON.stringify(olderHeader));
    expect(older).not.toContain('workingHours');
    const ownHours = { tue: { start: '07:00', end: '15:00' } };
    await workspace.update({ workingHours: ownHours });
    await target.bigrock.backup.restore(Readable.from([older]));
    expect(await workspace.get()).toMatchObject({ name: 'Dana Reyes Coaching', workingHours: ownHours });

    const before = await text(target.bigrock.backup.backup());
    const cases: Array<[unknown, string]> = [
      [{ mon: { start: '17:00', end: '09:00' } }, 'workspace.workingHours.mon.end must be after the start (17:00)'],
      [{ someday: { start: '09:00', end: '17:00' } }, 'workspace.workingHours.someday is not a weekday'],
      [['mon'], 'workspace.workingHours '],
    ];
    for (const [hours, message] of cases) {
      const file = backup.replace(JSON.stringify(danasHours), JSON.stringify(hours));
      await expect(target.bigrock.backup.restore(Readable.from([file])), message).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining(`Line 1: ${message}`),
      });
      expect(withoutStamp(await text(target.bigrock.backup.backup()))).toEqual(withoutStamp(before));
    }
    expect((await workspace.get()).workingHours).toEqual(ownHours);
  });

  it('carries the money settings, and stores a currency typed in small letters as the API does', async () => {
    const source = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
    try {
      await source.bigrock.money.update({ currency: 'EUR', exchangeRates: { USD: 0.9 }, targetHourlyRate: 120 });
      await source.bigrock.outcomes.add({ kind: 'revenue', amount: 100, currency: 'USD', date: '2026-11-02' });
      const file = (await text(source.bigrock.backup.backup())).replace('"USD","date"', '"usd","date"');
      expect(file).toContain('"usd"');
      await target.bigrock.backup.restore(Readable.from([file]));
      expect(await target.bigrock.money.get()).toMatchObject({
        currency: 'EUR',
        exchangeRates: { USD: 0.9 },
        targetHourlyRate: 120,
      });
      const [outcome] = await target.bigrock.outcomes.list({ from: '2026-11-02', to: '2026-11-02' });
      expect(outcome?.currency).toBe('USD');

      const refused = file.replace('"targetHourlyRate":120', '"targetHourlyRate":-1');
      await expect(target.bigrock.backup.restore(Readable.from([refused]))).rejects.toMatchObject({
        code: 'invalid-input',
        message: expect.stringContaining('workspace.moneySettings.targetHourlyRate'),
      });
    } finally {
      await source.cleanup();
    }
  });
});

describe.each(dialects)('a backup while others write, on %s', (dialect) => {
  let source: TestBigrock;

  beforeAll(async () => {
    source = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
    await fill(source);
  });
  afterAll(() => source.cleanup());

  it('holds the data as it was when it began, and writers need not wait for it', async () => {
    const before = await text(source.bigrock.backup.backup());
    const chunks = source.bigrock.backup.backup()[Symbol.asyncIterator]();
    let during = '';
    const first = await chunks.next();
    if (!first.done) during += first.value;
    // Written while the backup is under way, by the same Bigrock (the server's connection).
    const { goals, entries } = source.bigrock;
    const goal = await goals.create({ title: 'Made during the backup' });
    await goals.logProgress(goal.id, { value: 2 });
    await entries.add({ activity: 'Admin', start: '2026-11-21 09:00', end: '2026-11-21 09:30' });
    await entries.stopTimer();
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) during += next.value;
    expect(withoutStamp(during)).toEqual(withoutStamp(before));
    const after = JSON.parse(await text(source.bigrock.backup.backup())) as { tables: Record<string, unknown[]> };
    expect(after.tables.goals).toHaveLength(3);
  });
});

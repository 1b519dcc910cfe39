import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { buildApp } from '../http/build-app.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';
import { entryCsvColumns } from './export/entry-export.service.js';

const PORT = 4997;
const fixture = (name: string) => fileURLToPath(new URL(`./import/fixtures/${name}`, import.meta.url));

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = '';
  for await (const chunk of chunks) all += chunk;
  return all;
}

const billing = ({
  activity,
  client,
  project,
  billable,
  rate,
  currency,
}: {
  activity: string;
  client: string | null;
  project: string | null;
  billable: boolean;
  rate: number | null;
  currency: string | null;
}) => ({ activity, client, project, billable, rate, currency });

const march = { from: '2026-03-01', to: '2026-03-31' };

describe.each(dialects)('clients, projects and billable rates on %s', (dialect) => {
  let test: TestBigrock;
  let app: FastifyInstance;
  let secret: string;

  const send = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { host: `127.0.0.1:${PORT}`, cookie: `bigrock_session=${secret}`, ...options.headers },
    });
  const fresh = () => openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z'), timeZone: 'UTC' });

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z'), port: PORT, timeZone: 'UTC' });
    app = await buildApp({ bigrock: test.bigrock });
    secret = await test.bigrock.sessionSecret();
  });
  afterAll(async () => {
    await app.close();
    await test.cleanup();
  });

  it("keeps Toggl's and Clockify's client, project, billable and rate on import, and a re-import adds nothing", async () => {
    const { imports, entries } = test.bigrock;
    const toggl = await imports.importFile(createReadStream(fixture('toggl-detailed.csv')));
    expect(toggl).toMatchObject({ status: 'imported', added: 4 });
    const clockify = await imports.importFile(createReadStream(fixture('clockify-detailed.csv')));
    expect(clockify).toMatchObject({ status: 'imported', added: 3 });

    const list = await entries.list(march);
    expect(list.filter(({ sourceId }) => sourceId?.startsWith('toggl:')).map(billing)).toEqual([
      // Toggl's amount over the hours (350.00 over 3:30:30) is the rate; an amount of 0.00 is none.
      {
        activity: 'Lead generation',
        client: 'Northwind',
        project: 'Lead generation',
        billable: true,
        rate: null,
        currency: null,
      },
      { activity: 'Marketing', client: null, project: 'Marketing', billable: false, rate: null, currency: null },
      {
        activity: 'Client work',
        client: 'Northwind',
        project: 'Client work',
        billable: true,
        rate: 99.76,
        currency: 'USD',
      },
      { activity: 'Admin', client: null, project: 'Admin', billable: false, rate: null, currency: null },
    ]);
    expect(list.filter(({ sourceId }) => sourceId?.startsWith('clockify:')).map(billing)).toContainEqual({
      activity: 'Lead generation',
      client: 'Northwind',
      project: 'Lead generation',
      billable: true,
      rate: 120,
      currency: 'USD',
    });
    // The tags Toggl's imports always had are still there.
    expect(list.find(({ sourceId }) => sourceId?.startsWith('toggl:'))?.tags).toContain('client:Northwind');

    const again = await imports.importFile(createReadStream(fixture('toggl-detailed.csv')));
    expect(again).toMatchObject({ status: 'imported', added: 0, changed: 0, skipped: 4 });
  });

  it('fills in the billing of entries imported before Bigrock kept it, counting them as unchanged, and leaves an edit alone', async () => {
    const old = await fresh();
    try {
      const { imports, entries, db } = old.bigrock;
      await imports.importFile(createReadStream(fixture('toggl-detailed.csv')));
      // As an import made before migration 0008 left them: no billing.
      await db
        .updateTable('time_entries')
        .set({ client: null, project: null, billable: 0, rate: null, rate_currency: null })
        .execute();
      const [first] = await entries.list(march);
      if (first === undefined) throw new Error('no entry imported');
      // Edited before 0008: the hash kept then was made without billing.
      const { contentHash, billingColumns } = await import('./imported-content.js');
      const row = await db.selectFrom('time_entries').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
      await db
        .updateTable('time_entries')
        .set({
          source_hash: contentHash({
            ...row,
            ...billingColumns({ client: null, project: null, billable: false, rate: null, currency: null }),
          }),
          note: 'my own note',
        })
        .where('id', '=', first.id)
        .execute();

      const again = await imports.importFile(createReadStream(fixture('toggl-detailed.csv')));
      expect(again).toMatchObject({ status: 'imported', added: 0, changed: 0, skipped: 4 });
      const list = await entries.list(march);
      expect(list.map(({ client, billable }) => [client, billable])).toEqual([
        ['Northwind', true],
        [null, false],
        ['Northwind', true],
        [null, false],
      ]);
      expect(list[0]?.note).toBe('my own note');
      // And once more: still nothing to do.
      expect(await imports.importFile(createReadStream(fixture('toggl-detailed.csv')))).toMatchObject({
        added: 0,
        changed: 0,
        skipped: 4,
      });
    } finally {
      await old.cleanup();
    }
  });

  it('sets client, project, billable and rate by hand through the API, and filters the list by them', async () => {
    const created = await send({
      method: 'POST',
      url: '/api/v1/entries',
      payload: {
        activity: 'Proposal',
        start: '2026-04-01 09:00',
        end: '2026-04-01 11:00',
        client: ' Acme ',
        project: 'Website',
        billable: true,
        rate: 80,
        currency: 'eur',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      client: 'Acme',
      project: 'Website',
      billable: true,
      rate: 80,
      currency: 'EUR',
    });
    const id = (created.json() as { id: string }).id;
    await send({
      method: 'POST',
      url: '/api/v1/entries',
      payload: { activity: 'Admin', start: '2026-04-01 12:00', end: '2026-04-01 13:00', client: 'Acme' },
    });

    const patched = await send({ method: 'PATCH', url: `/api/v1/entries/${id}`, payload: { project: 'Shop' } });
    expect(patched.json()).toMatchObject({ client: 'Acme', project: 'Shop', billable: true, rate: 80 });

    const list = async (query: string) =>
      (
        (await send({ method: 'GET', url: `/api/v1/entries?from=2026-04-01&to=2026-04-01${query}` })).json() as Array<{
          activity: string;
        }>
      ).map(({ activity }) => activity);
    expect(await list('')).toEqual(['Proposal', 'Admin']);
    expect(await list('&client=Acme')).toEqual(['Proposal', 'Admin']);
    expect(await list('&project=Shop')).toEqual(['Proposal']);
    expect(await list('&billable=true')).toEqual(['Proposal']);
    expect(await list('&billable=false')).toEqual(['Admin']);
    expect(await list('&client=Other')).toEqual([]);

    const summary = await send({
      method: 'GET',
      url: '/api/v1/entries/summary?from=2026-04-01&to=2026-04-01&billable=true',
    });
    expect(summary.json()).toMatchObject([{ seconds: 7200 }]);

    const started = await send({
      method: 'POST',
      url: '/api/v1/timer/start',
      payload: { activity: 'Calls', client: 'Acme', project: 'Website', billable: true },
    });
    expect(started.json()).toMatchObject({ started: { client: 'Acme', project: 'Website', billable: true } });
    await send({ method: 'POST', url: '/api/v1/timer/stop' });
  });

  it.each([
    ['client', { client: 'Acme\u0000' }, 'NUL'],
    ['client', { client: 'x'.repeat(201) }, 'at most 200'],
    ['project', { project: 'x'.repeat(201) }, 'at most 200'],
    ['rate', { rate: -1, currency: 'USD' }, 'from 0'],
    ['currency', { rate: 10, currency: 'XYZ' }, 'ISO 4217'],
    ['currency', { currency: 'USD' }, 'give a rate'],
    ['billable', { billable: 'yes' }, 'true or false'],
  ])('refuses a bad %s with a 400 naming it', async (field, fields, message) => {
    const response = await send({
      method: 'POST',
      url: '/api/v1/entries',
      payload: { activity: 'Calls', start: '2026-04-02 09:00', end: '2026-04-02 10:00', ...fields },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { field, message: expect.stringContaining(message) } });
  });

  it('refuses a bad filter with a 400 naming it', async () => {
    const bad = await send({ method: 'GET', url: '/api/v1/entries?billable=maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'billable' } });
    const nul = await send({ method: 'GET', url: '/api/v1/exports/entries.csv?client=a%00b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ error: { field: 'client' } });
  });

  it('exports the new columns, filtered, with formulas defused, and imports them back as they were', async () => {
    const source = await fresh();
    const target = await fresh();
    try {
      const { entries, exports } = source.bigrock;
      await entries.add({
        activity: 'Calls',
        start: '2026-05-04 09:00',
        end: '2026-05-04 10:00',
        client: '=HYPERLINK("http://evil.example")',
        project: '-Launch, phase 2',
        billable: true,
        rate: 150.5,
        currency: 'GBP',
        tags: ['calls'],
      });
      await entries.add({ activity: 'Admin', start: '2026-05-04 11:00', end: '2026-05-04 12:00', client: 'Acme' });
      await entries.add({ activity: 'Rest', start: '2026-05-04 13:00', end: '2026-05-04 14:00' });

      const csv = await text(exports.csv({}));
      const [header, first] = csv.split('\r\n');
      expect(header?.split(',').slice(-5)).toEqual(['client', 'project', 'billable', 'rate', 'currency']);
      expect(entryCsvColumns.slice(-5)).toEqual(['client', 'project', 'billable', 'rate', 'currency']);
      expect(first).toContain(`"'=HYPERLINK(""http://evil.example"")","'-Launch, phase 2",true,150.5,GBP`);

      const onlyAcme = await text(exports.csv({ filter: { client: 'Acme' } }));
      expect(onlyAcme.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
      expect(onlyAcme).toContain('Admin');
      const notBillable = await text(exports.csv({ filter: { billable: false } }));
      expect(
        notBillable
          .split('\r\n')
          .filter((line) => line !== '')
          .map((line) => line.split(',')[7]),
      ).toEqual(['activity', 'Admin', 'Rest']);
      const ics = await text(exports.ics({ filter: { project: '-Launch, phase 2' } }));
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);

      expect(await target.bigrock.imports.importFile(Readable.from([csv]), {})).toMatchObject({
        format: 'csv',
        status: 'imported',
        added: 3,
      });
      const may = { from: '2026-05-01', to: '2026-05-31' };
      const pick = (entry: Parameters<typeof billing>[0] & { tags: string[] }) => ({
        ...billing(entry),
        tags: entry.tags,
      });
      expect((await target.bigrock.entries.list(may)).map(pick)).toEqual((await entries.list(may)).map(pick));
      // The same file again: all duplicates.
      expect(await target.bigrock.imports.importFile(Readable.from([csv]), {})).toMatchObject({
        added: 0,
        changed: 0,
        skipped: 3,
      });
    } finally {
      await source.cleanup();
      await target.cleanup();
    }
  });

  it('backs up and restores the new columns, and restores a backup made before them', async () => {
    const source = await fresh();
    const target = await fresh();
    try {
      await source.bigrock.entries.add({
        activity: 'Calls',
        start: '2026-05-04 09:00',
        end: '2026-05-04 10:00',
        client: 'Acme',
        project: 'Website',
        billable: true,
        rate: 99.99,
        currency: 'EUR',
      });
      const backup = await text(source.bigrock.backup.backup());
      expect(await target.bigrock.backup.restore(Readable.from([backup]))).toMatchObject({
        tables: { time_entries: 1 },
      });
      const may = { from: '2026-05-01', to: '2026-05-31' };
      expect((await target.bigrock.entries.list(may)).map(billing)).toEqual([
        { activity: 'Calls', client: 'Acme', project: 'Website', billable: true, rate: 99.99, currency: 'EUR' },
      ]);

      // A backup written before 0008: its entries have none of the columns.
      const older = JSON.parse(backup) as { tables: { time_entries: Array<Record<string, unknown>> } };
      older.tables.time_entries = older.tables.time_entries.map(
        ({ client: _client, project: _project, billable: _billable, rate: _rate, rate_currency: _currency, ...row }) =>
          row,
      );
      expect(await target.bigrock.backup.restore(Readable.from([JSON.stringify(older)]))).toMatchObject({
        tables: { time_entries: 1 },
      });
      expect((await target.bigrock.entries.list(may)).map(billing)).toEqual([
        { activity: 'Calls', client: null, project: null, billable: false, rate: null, currency: null },
      ]);

      // A row whose rate is negative, or whose billable is not 0 or 1, names the column.
      const broken = JSON.parse(backup) as { tables: { time_entries: Array<Record<string, unknown>> } };
      const [row] = broken.tables.time_entries;
      if (row === undefined) throw new Error('no row');
      row.rate = -5;
      await expect(target.bigrock.backup.restore(Readable.from([JSON.stringify(broken)]))).rejects.toThrow(
        /time_entries\.rate/,
      );
      row.rate = 5;
      row.billable = 2;
      await expect(target.bigrock.backup.restore(Readable.from([JSON.stringify(broken)]))).rejects.toThrow(
        /time_entries\.billable must be 0/,
      );
    } finally {
      await source.cleanup();
      await target.cleanup();
    }
  });
});

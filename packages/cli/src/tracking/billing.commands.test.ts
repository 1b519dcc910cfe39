import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('billing', 'UTC');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock clients, projects and billable on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = <T>(result: { stdout: string }) => JSON.parse(result.stdout) as T;
  const day = ['--from', '2026-06-01', '--to', '2026-06-01'];

  it('sets a client, a project, billable and a rate on a timer, an entry and an edit', async () => {
    const started = await run(
      'timer',
      'start',
      'Calls',
      '--client',
      'Acme',
      '--project',
      'Website',
      '--billable',
      '--json',
    );
    expect(started.code).toBe(0);
    expect(json(started)).toMatchObject({ started: { client: 'Acme', project: 'Website', billable: true } });
    expect((await run('timer', 'stop')).code).toBe(0);

    const added = await run(
      'entry',
      'add',
      'Proposal',
      '--start',
      '2026-06-01 09:00',
      '--end',
      '2026-06-01 11:00',
      '--client',
      'Acme',
      '--project',
      'Website',
      '--billable',
      '--rate',
      '85.5',
      '--currency',
      'eur',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Proposal {2}\(Acme \/ Website, billable\)\n$/);
    const id = /^Added (\w+):/.exec(added.stdout)?.[1] ?? '';
    expect(
      (
        await run(
          'entry',
          'add',
          'Admin',
          '--start',
          '2026-06-01 12:00',
          '--end',
          '2026-06-01 13:00',
          '--client',
          'Acme',
        )
      ).code,
    ).toBe(0);

    const edited = json(await run('entry', 'edit', id, '--project', 'Shop', '--no-billable', '--json'));
    expect(edited).toMatchObject({ client: 'Acme', project: 'Shop', billable: false, rate: 85.5, currency: 'EUR' });
    expect(json(await run('entry', 'edit', id, '--billable', '--client', '', '--json'))).toMatchObject({
      client: null,
      billable: true,
    });
  });

  it('lists, sums up and exports entries of a client, a project, billable or not', async () => {
    const list = async (...filter: string[]) =>
      json<Array<{ activity: string }>>(await run('entry', 'list', ...day, '--json', ...filter)).map(
        ({ activity }) => activity,
      );
    expect(await list()).toEqual(['Proposal', 'Admin']);
    expect(await list('--client', 'Acme')).toEqual(['Admin']);
    expect(await list('--project', 'Shop')).toEqual(['Proposal']);
    expect(await list('--billable')).toEqual(['Proposal']);
    expect(await list('--no-billable')).toEqual(['Admin']);

    const summary = json<Array<{ seconds: number }>>(await run('entry', 'summary', ...day, '--billable', '--json'));
    expect(summary[0]?.seconds).toBe(7200);

    const csv = await run('export', '--format', 'csv', ...day, '--client', 'Acme');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(/,client,project,billable,rate,currency$/);
    expect(lines.slice(1).map((line) => line.split(',').slice(-5))).toEqual([['Acme', '', 'false', '', '']]);
  });

  it('refuses bad billing with exit status 2, naming the field', async () => {
    const bad = async (...args: string[]) => {
      const result = await run(
        'entry',
        'add',
        'Calls',
        '--start',
        '2026-06-02 09:00',
        '--end',
        '2026-06-02 10:00',
        ...args,
      );
      return { code: result.code, stderr: result.stderr };
    };
    expect(await bad('--rate', '-3', '--currency', 'USD')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('rate:'),
    });
    expect(await bad('--rate', '3', '--currency', 'XYZ')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('currency: must be an ISO 4217'),
    });
    expect(await bad('--client', 'x'.repeat(201))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('client:'),
    });
    expect(await bad('--rate', 'ten')).toMatchObject({ code: 2, stderr: expect.stringContaining('--rate') });
    const filter = await run('entry', 'list', '--client', ' ');
    expect(filter).toMatchObject({ code: 2, stderr: expect.stringContaining('client: must not be empty') });
    const backup = await run('export', '--format', 'json', '--client', 'Acme');
    expect(backup).toMatchObject({ code: 2, stderr: expect.stringContaining('leave out --client') });
  });
});

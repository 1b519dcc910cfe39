import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench, terminalRunner } from '../test-support/cli-workbench.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../server/src/tracking/import/fixtures/${name}`, import.meta.url));

const workbench = cliWorkbench('tracking', 'America/New_York');
const { dataDir } = workbench;

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock tracking on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const runOnTerminal = terminalRunner(workbench.env[dialect]);
  const json = <T>(result: { stdout: string }) => JSON.parse(result.stdout) as T;

  it('starts, shows and stops one timer at a time', async () => {
    const first = await run('timer', 'start', 'Calls', '--note', 'Warm list', '--json');
    expect(first.code).toBe(0);
    expect(json(first)).toMatchObject({ started: { activity: 'Calls', note: 'Warm list', end: null }, stopped: null });
    const second = json<{ started: { id: string }; stopped: { activity: string } }>(
      await run('timer', 'start', 'Email', '--json'),
    );
    expect(second.stopped).toMatchObject({ activity: 'Calls' });
    expect(json(await run('timer', 'status', '--json'))).toMatchObject({
      running: { id: second.started.id, activity: 'Email' },
    });
    expect((await run('timer', 'status')).stdout).toMatch(/^Email, running for \d+ min \(since \d\d:\d\d\)\.\n$/);
    expect((await run('timer', 'stop')).stdout).toMatch(/^Stopped Email after \d+ min\.\n$/);
    const again = await run('timer', 'stop');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('bigrock: No timer is running. Start one with: bigrock timer start <activity>\n');
  });

  it('adds entries by hand and lists them in the JSON shape it promises', async () => {
    const added = await run(
      'entry',
      'add',
      'Networking',
      '--start',
      '2026-03-09 07:30',
      '--end',
      '2026-03-09 10:30',
      '--tag',
      'breakfast',
      '--tag',
      'chamber',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(
      /^Added \w{10}: 2026-03-09 07:30–10:30 +3 h {2}Networking {2}\[breakfast, chamber\]\n$/,
    );
    const listed = json<Array<Record<string, unknown>>>(
      await run('entry', 'list', '--from', '2026-03-09', '--to', '2026-03-09', '--json'),
    );
    expect(listed).toEqual([
      {
        id: expect.stringMatching(/^\w{10}$/),
        activity: 'Networking',
        start: '2026-03-09T11:30:00.000Z',
        end: '2026-03-09T14:30:00.000Z',
        durationSeconds: 10_800,
        tags: ['breakfast', 'chamber'],
        source: 'manual',
        client: null,
        project: null,
        billable: false,
        rate: null,
        currency: null,
      },
    ]);
  });

  it('records outcomes: revenue with a currency, clients and leads counted', async () => {
    const revenue = json(
      await run(
        'outcome',
        'add',
        'revenue',
        '1200',
        '--currency',
        'EUR',
        '--activity',
        'Calls',
        '--date',
        '2026-03-10',
        '--json',
      ),
    );
    expect(revenue).toMatchObject({
      kind: 'revenue',
      amount: 1200,
      currency: 'EUR',
      activity: 'Calls',
      date: '2026-03-10',
    });
    expect(json(await run('outcome', 'add', 'leads', '3', '--channel', 'LinkedIn', '--json'))).toMatchObject({
      kind: 'lead',
      amount: 3,
      currency: null,
    });
    expect((await run('outcome', 'add', 'clients', '1', '--channel', 'Referral')).stdout).toMatch(
      /^Recorded 1 client on [A-Z][a-z]{2} \d{1,2}, \d{4} from Referral/,
    );
    expect(json<unknown[]>(await run('outcome', 'list', '--json'))).toHaveLength(3);
  });

  it('imports a file once: the second import adds nothing, a dry run changes nothing', async () => {
    const dry = await run('import', fixture('toggl-detailed.csv'), '--dry-run', '--json');
    expect(json(dry)).toEqual({
      format: 'toggl',
      status: 'dry-run',
      added: 4,
      changed: 0,
      skipped: 0,
      errors: [],
      warnings: [],
      staleRunning: [],
    });
    const first = await run('import', fixture('toggl-detailed.csv'), '--json');
    expect(json(first)).toMatchObject({ format: 'toggl', status: 'imported', added: 4, skipped: 0, errors: [] });
    expect((await run('import', fixture('toggl-detailed.csv'))).stdout).toBe(
      'Imported a Toggl Track export: 0 new, 0 changed, 4 skipped.\n',
    );
    const calendar = await run(
      'import',
      fixture('calendar-exception-dst.ics'),
      '--from',
      '2026-03-16',
      '--to',
      '2026-04-12',
      '--json',
    );
    expect(json(calendar)).toMatchObject({ format: 'ics', added: 4 });
    // Its interval still running started in March: stopped a working day after its start.
    const timew = await run('import', fixture('timew-export.json'), '--format', 'timew', '--running', 'stop', '--json');
    expect(json(timew)).toMatchObject({ format: 'timew', added: 3 });
  });

  /** A Timewarrior export whose last interval, started at `start`, still runs. */
  const timewFile = (start: string) => {
    const path = join(dataDir, `timew-${dialect}-${start}.json`);
    writeFileSync(
      path,
      [
        '[',
        '{"id":2,"start":"20251031T130000Z","end":"20251031T140000Z","tags":["calls"]},',
        `{"id":1,"start":"${start}","tags":["writing"]}`,
        ']',
      ].join('\n'),
    );
    return path;
  };

  it('asks what becomes of an interval running since more than a day, and needs --running off a terminal', async () => {
    const old = timewFile('20251101T130000Z');
    const dry = await run('import', old, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '  ! line 3: writing, running since 2025-11-01 09:00 (more than a day); stop would end it at 2025-11-01 17:00\n' +
        '  To import it, give --running stop, keep (as the running timer) or skip (leave out).\n',
    );
    const refused = await run('import', old);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 3: "writing" is still running in the file, since 1 Nov 2025, 09:00');
    expect(refused.stderr.trim().split('\n').at(-1)).toBe(
      'bigrock: Nothing was imported: say what becomes of the running interval with --running stop, keep or skip.',
    );
    expect(JSON.parse((await run('import', old, '--running', 'stop', '--json')).stdout)).toMatchObject({
      status: 'imported',
      added: 2,
      staleRunning: [{ line: 3, choice: 'stop', stopAt: '2025-11-01T21:00:00.000Z' }],
    });

    // On a terminal, it asks; kept, the interval is the running timer.
    const asked = await runOnTerminal('keep\n', 'import', timewFile('20251102T130000Z'));
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Stop it, keep it running, or skip it? [stop/keep/skip]');
    expect(asked.stdout).toContain('Imported a Timewarrior export: 1 new, 0 changed, 1 skipped.');
    expect(JSON.parse((await run('timer', 'status', '--json')).stdout)).toMatchObject({
      running: { activity: 'writing', start: '2025-11-02T13:00:00.000Z' },
    });
  }, 60_000);

  it('stops a timer that has run for more than a day once confirmed on a terminal, or with --yes', async () => {
    await run('import', timewFile('20251102T130000Z'), '--running', 'keep');
    const unconfirmed = await run('timer', 'stop');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(
      /^bigrock: writing has been running for more than \d+ days, since 2025-11-02 08:00: stopping it now makes an entry that long\. To stop it all the same, run: bigrock timer stop --yes/,
    );
    const declined = await runOnTerminal('no\n', 'timer', 'stop');
    expect(declined.code).toBe(0);
    expect(declined.stdout).toContain('Left writing running.');
    expect(JSON.parse((await run('timer', 'status', '--json')).stdout)).toMatchObject({
      running: { activity: 'writing' },
    });
    const confirmed = await runOnTerminal('yes\n', 'timer', 'stop');
    expect(confirmed.stdout).toMatch(/Stopped writing after [\d,]+ h/);
    expect(JSON.parse((await run('timer', 'status', '--json')).stdout)).toEqual({ running: null });

    await run('import', timewFile('20251103T130000Z'), '--running', 'keep');
    expect((await run('timer', 'stop', '--yes')).stdout).toMatch(/^Stopped writing after [\d,]+ h/);
  }, 60_000);

  it('reads a file bigger than 64 KiB in its worker thread, bundled with the CLI', async () => {
    const hour = (index: number) => new Date(Date.UTC(2024, 0, 1) + index * 3_600_000).toISOString();
    const rows = Array.from({ length: 3000 }, (_, index) => `${hour(index)},${hour(index + 1)},Outreach,Call ${index}`);
    const file = join(dataDir, `big-${dialect}.csv`);
    writeFileSync(file, `Start,End,Activity,Note\n${rows.join('\n')}\n`);
    const result = await run('import', file, '--dry-run', '--json');
    expect(json(result)).toMatchObject({ format: 'csv', status: 'dry-run', added: 3000, errors: [] });
  });

  it('imports nothing from a file with bad rows, lists each line, and exits with status 2', async () => {
    const failed = await run('import', fixture('toggl-bad-rows.csv'), '--json');
    expect(failed.code).toBe(2);
    expect(json(failed)).toMatchObject({
      status: 'failed',
      added: 0,
      errors: [
        { line: 4, field: 'Start date', message: expect.stringContaining('2026-02-30') },
        { line: 5, field: 'End time', message: expect.any(String) },
      ],
    });
    const human = await run('import', fixture('toggl-bad-rows.csv'));
    expect(human.stderr).toContain('line 4: Start date: "2026-02-30" is not a date');
    expect(human.stderr.trim().split('\n').at(-1)).toBe(
      'bigrock: Nothing was imported: fix the errors above and import again.',
    );
    // A NUL character, or a text longer than Bigrock keeps, is refused with its line and field.
    const nul = join(dataDir, `nul-${dialect}.csv`);
    writeFileSync(nul, 'Start,End,Activity,Note\n2025-05-01 09:00,2025-05-01 10:00,Calls,Warm\u0000list\n');
    const refused = await run('import', nul);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('line 2: Note: holds a NUL character (U+0000)');
    const long = join(dataDir, `long-${dialect}.csv`);
    writeFileSync(long, `Start,End,Activity\n2025-05-01 09:00,2025-05-01 10:00,${'A'.repeat(201)}\n`);
    const tooLong = await run('import', long);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('line 2: Activity: the activity "AAAA');
    expect(
      JSON.parse((await run('entry', 'list', '--from', '2025-05-01', '--to', '2025-05-01', '--json')).stdout),
    ).toEqual([]);
  });

  it('exports CSV and iCalendar to standard output, and a backup that restore brings back', async () => {
    const csv = await run('export', '--format', 'csv', '--from', '2026-03-02', '--to', '2026-03-02');
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'id,start,end,start_local,end_local,time_zone,duration_seconds,activity,tags,note,source,source_id,client,project,billable,rate,currency',
    );
    // The header, two entries from Toggl and three from Timewarrior.
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(6);
    expect((await run('export', '--format', 'ics')).stdout).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    const backup = await run('export', '--format', 'json');
    const file = join(dataDir, `${dialect}-backup.json`);
    writeFileSync(file, backup.stdout);
    await run('entry', 'add', 'Mistake', '--start', '2026-03-20 09:00', '--end', '2026-03-20 10:00');
    const restored = await run('restore', file, '--yes', '--json');
    expect(restored.code).toBe(0);
    expect(json(restored)).toMatchObject({ tables: { outcomes: 3 } });
    expect((await run('export', '--format', 'json')).stdout.replace(/"exportedAt":"[^"]+"/, '')).toBe(
      backup.stdout.replace(/"exportedAt":"[^"]+"/, ''),
    );
  });

  it('answers a wrong argument with one line that says what to fix, and status 2', async () => {
    const cases = [
      ['timer', 'start'],
      ['entry', 'add', 'Calls', '--start', '2026-03-02 09:00'],
      ['entry', 'add', 'Calls', '--start', 'noon', '--end', '13:00'],
      ['entry', 'list', '--from', '03/02/2026'],
      ['outcome', 'add', 'sale', '100'],
      ['outcome', 'add', 'revenue', 'lots'],
      ['import', '/nowhere/export.csv'],
      ['import', fixture('toggl-detailed.csv'), '--format', 'excel'],
      ['import', fixture('toggl-detailed.csv'), '--map', 'begin'],
      ['export', '--format', 'xml'],
      ['export', '--format', 'json', '--from', '2026-01-01'],
      ['restore', fixture('timew-export.json'), '--yes'],
    ];
    for (const args of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout, args.join(' ')).toBe('');
    }
    expect((await run('outcome', 'add', 'sale', '100')).stderr).toContain('Choose one of revenue, client, lead');
    expect((await run('import', '/nowhere/export.csv')).stderr).toBe(
      'bigrock: There is no file at /nowhere/export.csv.\n',
    );
  });

  it('sums a day the same over a week and over a year, an entry of weeks included', async () => {
    await run('entry', 'add', 'Retreat', '--start', '2025-01-10 00:00', '--end', '2025-02-25 00:00');
    type Bucket = { start: string; seconds: number };
    const summary = async (from: string, to: string) =>
      json<Bucket[]>(await run('entry', 'summary', '--by', 'day', '--from', from, '--to', to, '--json'));
    const week = await summary('2025-02-16', '2025-02-22');
    const year = await summary('2025-01-01', '2025-12-31');
    expect(week.map(({ seconds }) => seconds)).toEqual(Array.from({ length: 7 }, () => 24 * 3600));
    for (const day of week) expect(year.find(({ start }) => start === day.start)).toEqual(day);
  });
});

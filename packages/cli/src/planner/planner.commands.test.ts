import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('planner', 'Europe/Paris');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

interface Block {
  id: string;
  date: string;
  start: string;
  end: string;
  activity: string | null;
  kind: string | null;
  skipped: boolean;
}

// Weeks of March 2026, long past: plan against actual no longer depends on the hour the test runs.
describe.each(dialects)('bigrock week, block, rock and today on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, '--json');
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.code, args.join(' ')).toBe(0);
    return JSON.parse(result.stdout) as T;
  };

  it("makes a week from seed 000's template and shows it against the time tracked", async () => {
    const templates = await json<Array<{ name: string }>>('week', 'template', 'list');
    expect(templates.map(({ name }) => name)).toEqual(['social-selling', 'freelancer', 'coach']);
    const shown = await json<{ rows: Array<{ weekday: string; start: string; activity: string }> }>(
      'week',
      'template',
      'show',
      'social-selling',
    );
    expect(shown.rows[0]).toMatchObject({ weekday: 'mon', start: '09:00', activity: 'posts and invitations' });

    const made = await json<{ made: boolean; blocks: Block[] }>(
      'week',
      'template',
      'apply',
      'social-selling',
      '--week',
      '2026-W13',
    );
    expect(made.made).toBe(true);
    expect(made.blocks).toHaveLength(27);
    expect(
      (await run('entry', 'add', 'Facebook', '--start', '2026-03-23 13:00', '--end', '2026-03-23 14:00')).code,
    ).toBe(0);

    const week = await json<{
      blocks: Block[];
      actual: { blocks: Array<{ blockId: string; adherence: number | null }>; week: { adherence: number } };
      capacity: { plannedHours: number; hoursAvailable: number };
    }>('week', '--week', '2026-W13', '--hours', '30');
    const facebook = week.blocks.find((block) => block.activity === 'Facebook' && block.date === '2026-03-23');
    expect(week.actual.blocks.find((block) => block.blockId === facebook?.id)?.adherence).toBe(1);
    expect(week.capacity).toMatchObject({ plannedHours: 32, hoursAvailable: 30 });

    const text = await run('week', '--week', '2026-W13', '--hours', '30');
    expect(text.stdout).toContain('Week 2026-W13');
    expect(text.stdout).toContain('09:00-11:00  posts and invitations');
    expect(text.stdout).toContain('Capacity: 32 h planned of 30 h available');
    expect(text.stdout).toContain('something must go');
  });

  it('adds, edits, skips and removes blocks of one week', async () => {
    const added = await json<{ block: Block }>(
      'block',
      'add',
      'deep-work',
      '--day',
      'sat',
      '--from',
      '09:00',
      '--to',
      '10:00',
      '--week',
      '2026-W13',
      '--note',
      'Quarterly plan',
    );
    expect(added.block).toMatchObject({ date: '2026-03-28', kind: 'deep-work', start: '09:00' });
    const edited = await json<Block>('block', 'edit', added.block.id, '--to', '11:30', '--day', 'sun');
    expect(edited).toMatchObject({ date: '2026-03-29', end: '11:30' });
    expect((await json<Block>('block', 'skip', added.block.id)).skipped).toBe(true);
    expect(await json('block', 'remove', added.block.id)).toEqual({ removed: added.block.id });

    const repeating = await json<{ block: Block; templateBlockId: string }>(
      'block',
      'add',
      'admin',
      '--day',
      'fri',
      '--from',
      '17:00',
      '--to',
      '18:00',
      '--every',
      '2',
      '--week',
      '2026-W13',
    );
    expect(repeating.templateBlockId).toEqual(expect.any(String));
    const later = await json<{ blocks: Block[] }>('week', '--week', '2026-W15');
    expect(later.blocks.some((block) => block.kind === 'admin' && block.start === '17:00')).toBe(true);
  });

  it('exits 2 with one line for a mistake', async () => {
    const mistakes: Array<[string[], string]> = [
      [
        ['block', 'add', 'deep-work', '--day', 'funday', '--from', '09:00', '--to', '10:00'],
        "argument 'funday' is invalid",
      ],
      [
        ['block', 'add', 'deep-work', '--day', 'mon', '--from', '11:00', '--to', '09:00'],
        'end: must be after the start (11:00)',
      ],
      [
        ['block', 'add', 'nobody', '--day', 'mon', '--from', '09:00', '--to', '10:00'],
        'activity: no activity is named "nobody"',
      ],
      [['week', '--week', '2026-W60'], 'week: must be a week of 2026'],
      [['rock', 'set', 'Far away', '--date', '3000-01-01'], 'date: must be a date from 1900-01-01 to 2999-12-31'],
      [['rock', 'set', 'Soon', '--estimate', 'soon'], 'estimate must be a whole number of minutes'],
      [['rock', 'carry'], "required option '--reason <text>'"],
      [['block', 'skip', 'nothing'], 'No block has the id "nothing"'],
      [['week', 'template', 'apply', 'nine-to-five'], 'No template is named "nine-to-five"'],
    ];
    for (const [args, message] of mistakes) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
  });

  it('keeps one big rock a day, carried over with a reason before the next is done', async () => {
    const first = await json<{ estimateMinutes: number; status: string }>(
      'rock',
      'set',
      'Call list',
      '--date',
      '2026-03-24',
      '--activity',
      'conversations',
      '--estimate',
      '1h30m',
    );
    expect(first).toMatchObject({ estimateMinutes: 90, status: 'open' });
    await json('rock', 'set', 'Slides', '--date', '2026-03-25', '--estimate', '2h');
    const blocked = await run('rock', 'done', '--date', '2026-03-25');
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain('Finish "Call list" (2026-03-24) first, or carry it over with a reason');
    const carried = await json<{ next: { date: string } }>(
      'rock',
      'carry',
      '--date',
      '2026-03-24',
      '--to',
      '2026-03-26',
      '--reason',
      'Waiting for the new list',
    );
    expect(carried.next.date).toBe('2026-03-26');
    expect(await json('rock', 'done', '--date', '2026-03-25')).toMatchObject({ status: 'done', title: 'Slides' });

    const day = await json<{
      date: string;
      rock: { title: string };
      blocks: Block[];
      yesterday: { date: string; rock: { status: string }; actual: { week: { adherence: number } } };
    }>('today', '--date', '2026-03-25');
    expect(day).toMatchObject({ date: '2026-03-25', rock: { title: 'Slides' } });
    // The digest for scripts: the big rock, the blocks and what is behind.
    expect(day).toHaveProperty('activitiesBehind', expect.any(Array));
    expect(day).toHaveProperty('goalsBehind', expect.any(Array));
    expect(day.blocks.map(({ start }) => start)).toContain('13:00');
    expect(day.yesterday).toMatchObject({ date: '2026-03-24', rock: { status: 'carried' } });
    const text = await run('today', '--date', '2026-03-23');
    expect(text.stdout).toContain('Big rock: none yet');
    expect(text.stdout).toContain('13:00-14:00  Facebook');
    expect(text.stdout).toContain('kept 100%');
  });
});

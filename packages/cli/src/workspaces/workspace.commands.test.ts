import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('workspace');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock workspace on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  it('shows Monday to Friday, 09:00 to 17:00, for a new workspace', async () => {
    const shown = await run('workspace', 'show');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/working hours: {2}mon-fri 09:00-17:00\n$/);
  });

  it('sets the working hours as typed, and the review inbox looks for gaps inside them only', async () => {
    const set = await run('workspace', 'set', '--working-hours', 'mon-thu 08:00-16:00, fri 08:00-12:00', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      workingHours: { mon: { start: '08:00', end: '16:00' }, fri: { start: '08:00', end: '12:00' } },
    });
    expect((await run('workspace', 'show')).stdout).toContain('working hours:  mon-thu 08:00-16:00, fri 08:00-12:00');

    // Friday 6 March 2026: untracked from 10:00 to 15:00, of which 10:00 to 12:00 is working time.
    await run('entry', 'add', 'Calls', '--start', '2026-03-06 09:00', '--end', '2026-03-06 10:00');
    await run('entry', 'add', 'Email', '--start', '2026-03-06 15:00', '--end', '2026-03-06 15:23');
    const review = await run('entry', 'review', '--from', '2026-03-06', '--to', '2026-03-06');
    expect(review.stdout).toContain('2 hr untracked between Calls and Email');
    const list = await run('entry', 'list', '--from', '2026-03-06', '--to', '2026-03-06');
    expect(list.stdout).toMatch(/15:00–15:23 +23 min {2}Email/);
  });

  it('refuses working hours it cannot read with exit status 2, naming the option, and changes nothing', async () => {
    for (const [hours, message] of [
      ['mon 17:00-09:00', 'mon: the end (09:00) must be after the start (17:00)'],
      ['mnd 09:00-17:00', '"mnd" is not a weekday'],
      ['mon-fri', 'give the hours of mon, tue, wed, thu, fri'],
    ] as const) {
      const refused = await run('workspace', 'set', '--working-hours', hours);
      expect(refused.code, hours).toBe(2);
      expect(refused.stderr.startsWith(`bigrock: --working-hours: ${message}`), refused.stderr).toBe(true);
    }
    expect((await run('workspace', 'set')).code).toBe(2);
    expect((await run('workspace', 'show')).stdout).toContain('mon-thu 08:00-16:00, fri 08:00-12:00');
  });
});

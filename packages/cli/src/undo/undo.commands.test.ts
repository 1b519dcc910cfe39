import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('undo');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock goal point and undo on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = <T>(result: { stdout: string }) => JSON.parse(result.stdout) as T;

  it('lists, edits and deletes a data point, and undo brings the last deleted back', async () => {
    const goal = json<{ id: string }>(
      await run('goal', 'add', 'Recruit 12', '--target', '12', '--unit', 'recruits', '--json'),
    );
    const point = json<{ id: string; date: string }>(await run('log', goal.id, '2', '--date', '2026-01-05', '--json'));
    await run('log', goal.id, '1', '--date', '2026-01-06');

    const listed = await run('goal', 'point', 'list', goal.id);
    expect(listed.stdout).toContain(point.id);
    expect(listed.stdout).toContain('2 recruits');

    const edited = await run('goal', 'point', 'edit', point.id, '--value', '3.5', '--note', 'recounted', '--json');
    expect(edited.code).toBe(0);
    expect(json(edited)).toMatchObject({ id: point.id, value: 3.5, note: 'recounted', date: '2026-01-05' });
    const human = await run('goal', 'point', 'edit', point.id, '--date', '2026-01-04', '--note', '');
    expect(human.stdout).toMatch(/^Changed \w+ to 3\.5 recruits on Jan 4, 2026\. Recruit 12: /);

    const bad = await run('goal', 'point', 'edit', point.id, '--date', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^bigrock: date: /)]);
    expect((await run('goal', 'point', 'edit', point.id, '--value', 'many')).code).toBe(2);
    const unknown = await run('goal', 'point', 'edit', 'nosuchpoint', '--value', '1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No data point has the id "nosuchpoint"');

    const deleted = await run('goal', 'point', 'delete', point.id);
    expect(deleted.stdout).toBe(`Deleted ${point.id}. Undo with: bigrock undo\n`);
    const [listedItem] = json<Array<{ kind: string; itemId: string }>>(await run('undo', '--list', '--json'));
    expect(listedItem).toMatchObject({ kind: 'data-point', itemId: point.id });
    const undone = await run('undo');
    expect(undone.stdout).toBe(`Restored the data point ${point.id}.\n`);
    const points = json<Array<{ id: string; value: number; date: string; note: string | null }>>(
      await run('goal', 'point', 'list', goal.id, '--json'),
    );
    expect(points[0]).toMatchObject({ id: point.id, value: 3.5, date: '2026-01-04', note: null });

    const nothing = await run('undo');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe(
      'bigrock: Nothing to undo: nothing deleted in the last 24 hours is left to bring back.\n',
    );
  });

  it('undoes the delete of a time entry, and says a restored item cannot be restored twice', async () => {
    const entry = json<{ id: string }>(
      await run('entry', 'add', 'Calls', '--start', '2026-01-05 09:00', '--end', '2026-01-05 10:00', '--json'),
    );
    await run('entry', 'delete', entry.id);
    const [item] = json<Array<{ id: string }>>(await run('undo', '--list', '--json'));
    if (item === undefined) throw new Error('the delete is listed');
    expect((await run('undo', item.id)).stdout).toBe(`Restored the time entry ${entry.id}.\n`);
    expect((await run('entry', 'list', '--from', '2026-01-05', '--to', '2026-01-05', '--json')).stdout).toContain(
      entry.id,
    );
    const twice = await run('undo', item.id);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('was restored already');
  });
});

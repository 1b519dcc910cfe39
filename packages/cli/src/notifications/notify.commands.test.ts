import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('notify', 'Europe/Paris');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock notify on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, '--json');
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.code, args.join(' ')).toBe(0);
    return JSON.parse(result.stdout) as T;
  };

  it('is quiet by default, then keeps a digest time and quiet hours, and turns them off', async () => {
    expect(await json('notify', 'get')).toEqual({ digestTime: null, quietHours: null, timeZone: 'Europe/Paris' });
    const text = await run('notify', 'get');
    expect(text.stdout).toContain('Notifications: no digest, no quiet hours (on the clocks of Europe/Paris).');
    expect(text.stdout).toContain('bigrock notify set --digest 08:30');

    expect(await json('notify', 'set', '--digest', '8:30', '--quiet', '20:00-08:00')).toEqual({
      digestTime: '08:30',
      quietHours: { start: '20:00', end: '08:00' },
      timeZone: 'Europe/Paris',
    });
    expect((await run('notify', 'set', '--quiet', 'off')).stdout).toBe(
      'Notifications: a digest at 08:30, no quiet hours (on the clocks of Europe/Paris).\n',
    );
    expect(await json('notify', 'set', '--digest', 'off')).toMatchObject({ digestTime: null, quietHours: null });
  });

  it('says what to fix, with status 2', async () => {
    const none = await run('notify', 'set');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Say what to change: --digest 08:30');
    const late = await run('notify', 'set', '--digest', '25:00');
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('--digest: "25:00" is not a time of day');
    const empty = await run('notify', 'set', '--quiet', '20:00-20:00');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--quiet: quiet end must differ from the start (20:00)');
    expect(await json('notify', 'get')).toMatchObject({ digestTime: null, quietHours: null });
  });
});

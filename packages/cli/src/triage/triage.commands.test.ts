import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('triage');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock triage on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  it(
    'adds tasks with every field, plans them at the target rate, and follows an override',
    { timeout: 120_000 },
    async () => {
      expect((await run('settings', 'set', '--target-rate', '100')).code).toBe(0);
      const added = await run(
        'triage',
        'add',
        'Bookkeeping',
        '--hours',
        '3',
        '--energy',
        'draining',
        '--no-income',
        '--outsource',
        '25',
        '--review',
        '0.5',
        '--json',
      );
      expect(added.code, added.stderr).toBe(0);
      const bookkeeping = JSON.parse(added.stdout) as { id: string };
      expect(JSON.parse(added.stdout)).toMatchObject({
        name: 'Bookkeeping',
        hoursPerWeek: 3,
        energy: 'draining',
        producesIncome: false,
        outsourceRate: 25,
        reviewHoursPerWeek: 0.5,
      });
      const networking = await run(
        'triage',
        'add',
        'Networking',
        '--activity',
        'networking',
        '--hours',
        '3',
        '--energy',
        'draining',
        '--income',
        '--only-me',
        '--json',
      );
      expect(JSON.parse(networking.stdout)).toMatchObject({
        activity: 'networking',
        producesIncome: true,
        onlyMe: true,
      });
      await run(
        'triage',
        'add',
        'Invoicing',
        '--hours',
        '2',
        '--energy',
        'draining',
        '--automation-once',
        '300',
        '--automation-monthly',
        '20',
      );

      const plan = await run('triage', 'plan', '--json');
      expect(plan.code, plan.stderr).toBe(0);
      const parsed = JSON.parse(plan.stdout) as {
        basis: { source: string; hourlyValue: number };
        tasks: Array<{ task: { name: string }; verdict: { recommended: string } }>;
        totals: { hoursFreedPerMonth: number; costPerMonth: number; oneOffCost: number };
      };
      expect(parsed.basis).toMatchObject({ source: 'target-rate', hourlyValue: 100 });
      const actions = Object.fromEntries(parsed.tasks.map(({ task, verdict }) => [task.name, verdict.recommended]));
      expect(actions).toEqual({ Bookkeeping: 'delegate', Networking: 'produce', Invoicing: 'automate' });
      expect(parsed.totals.hoursFreedPerMonth).toBeCloseTo(19.5, 10);
      expect(parsed.totals.costPerMonth).toBeCloseTo(345, 10);
      expect(parsed.totals.oneOffCost).toBe(300);

      const human = await run('triage', 'plan');
      expect(human.stdout).toContain('(your target rate: no hourly value yet)');
      expect(human.stdout).toContain(
        'The plan frees 19.5 h a month (4.5 h a week), worth $1,950.00, for $345.00 a month and $300.00 once.',
      );

      const override = await run(
        'triage',
        'override',
        bookkeeping.id,
        'batch',
        '--reason',
        'I want to know my numbers',
      );
      expect(override.stdout).toBe('Bookkeeping: batch (I want to know my numbers).\n');
      expect((await run('triage', 'plan')).stdout).toContain('You chose batch: I want to know my numbers');
      await run('triage', 'override', bookkeeping.id, '--clear');

      const edited = await run('triage', 'edit', bookkeeping.id, '--outsource', 'none', '--name', 'Books', '--json');
      expect(JSON.parse(edited.stdout)).toMatchObject({ name: 'Books', outsourceRate: null });
      expect((await run('triage', 'list')).stdout).toContain('Books');
      expect((await run('triage', 'remove', bookkeeping.id, '--json')).stdout).toContain(bookkeeping.id);
      const listed = JSON.parse((await run('triage', 'list', '--json')).stdout) as Array<{ name: string }>;
      expect(listed.map(({ name }) => name).sort()).toEqual(['Invoicing', 'Networking']);
    },
  );

  it(
    'says what to fix: a negative cost, an unknown energy, a missing action, an unknown id',
    { timeout: 60_000 },
    async () => {
      const negative = await run('triage', 'add', 'Email', '--hours', '1', '--energy', 'draining', '--outsource', '-1');
      expect(negative.code).toBe(2);
      expect(negative.stderr).toContain('outsourceRate');
      const energy = await run('triage', 'add', 'Email', '--hours', '1', '--energy', 'bored');
      expect(energy.code).toBe(2);
      expect(energy.stderr).toContain('energizing, draining');
      const noHours = await run('triage', 'add', 'Email', '--energy', 'draining');
      expect(noHours.stderr).toContain('hoursPerWeek');
      const noAction = await run('triage', 'override', 'x1');
      expect(noAction.code).toBe(2);
      expect(noAction.stderr).toContain('Name the action');
      const unknown = await run('triage', 'remove', 'nosuchtask');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('No triage task "nosuchtask"');
    },
  );
});

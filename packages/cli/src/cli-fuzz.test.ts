import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { dialects } from '@bigrock/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from './test-support/cli-workbench.js';

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const fixtureDir = fileURLToPath(new URL('../../server/src/tracking/import/fixtures/', import.meta.url));
const fixtures = readdirSync(fixtureDir).filter((name) => !name.endsWith('.md'));

const workbench = cliWorkbench('fuzz');
beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

/** What a user might type for a value: plausible, careless or hostile (a NUL cannot be an argument). */
const typed = fc.oneof(
  fc.constantFrom(
    'calls',
    '3',
    '0',
    '-3',
    '0.5',
    '1e309',
    '5e-324',
    'NaN',
    '',
    ' ',
    'x'.repeat(3000),
    '2026-03-02',
    '2026-02-30',
    '0000-01-01',
    '9999-12-31',
    '2026-03-02 09:00',
    '2026-03-02T10:00:00+25:00',
    'USD',
    'NAN',
    'revenue',
    'clients',
    '=1+2',
    '--json',
    '🏽',
  ),
  fc.string({ maxLength: 12 }).filter((text) => !text.includes('\u0000')),
);

/** Command lines of every group, with typed values where the user types. */
function commandLine(goalId: string, file: string): fc.Arbitrary<string[]> {
  const v = typed;
  return fc.oneof(
    fc
      .tuple(v, v, v)
      .map(([title, target, deadline]) => ['goal', 'add', title, '--target', target, '--deadline', deadline]),
    fc.tuple(v, v).map(([value, date]) => ['log', goalId, value, '--date', date]),
    fc
      .tuple(v, v, v)
      .map(([name, rate, minutes]) => ['activity', 'add', name, '--per-day', rate, '--minutes', minutes]),
    fc.tuple(v, v).map(([count, date]) => ['activity', 'log', 'calls', count, '--date', date]),
    fc
      .tuple(v, v, v, v)
      .map(([activity, start, end, note]) => [
        'entry',
        'add',
        activity,
        '--start',
        start,
        '--end',
        end,
        '--note',
        note,
      ]),
    fc
      .tuple(v, v, v, v)
      .map(([kind, amount, currency, date]) => [
        'outcome',
        'add',
        kind,
        amount,
        '--currency',
        currency,
        '--date',
        date,
      ]),
    fc.tuple(v, v).map(([activity, tag]) => ['timer', 'start', activity, '--tag', tag]),
    fc.tuple(v, v, v).map(([from, to, by]) => ['entry', 'summary', '--from', from, '--to', to, '--by', by]),
    fc.tuple(v, v).map(([name, asOf]) => ['funnel', 'solve', name, '--as-of', asOf]),
    fc.tuple(v, v).map(([from, to]) => ['import', file, '--from', from, '--to', to, '--running', 'skip']),
    fc
      .tuple(v, v, fc.constantFrom('draining', 'energizing', 'bored', ''), v, v)
      .map(([name, hours, energy, rate, review]) => [
        'triage',
        'add',
        name,
        '--hours',
        hours,
        '--energy',
        energy,
        '--outsource',
        rate,
        '--review',
        review,
      ]),
  );
}

describe.each(dialects)('bigrock with careless and hostile input on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const snapshot = async () => (await run('export', '--format', 'json')).stdout.replace(/"exportedAt":"[^"]*"/, '');
  let goalId = '';

  beforeAll(async () => {
    expect((await run('demo')).code).toBe(0);
    goalId = (JSON.parse((await run('goal', 'list', '--json')).stdout) as Array<{ id: string }>)[0]?.id ?? '';
  });

  it('exits 0, or 2 with one line saying what to fix and nothing changed', { timeout: 240_000 }, async () => {
    const file = join(workbench.dataDir, `${dialect}-import`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('\u0000', '"', ',', '\n', 'x')), {
          maxLength: 3,
        }),
        fc.nat(),
        async (fixture, edits, pick) => {
          let text = readFileSync(join(fixtureDir, fixture), 'utf8');
          for (const [at, insert] of edits) {
            const index = Math.floor(at * text.length);
            text = text.slice(0, index) + insert + text.slice(index);
          }
          writeFileSync(file, text);
          const lines = fc.sample(commandLine(goalId, file), { seed: FUZZ_SEED + pick, numRuns: 1 });
          const args = lines[0] ?? ['goal', 'list'];
          const before = await snapshot();
          const result = await run(...args);
          const shown = `bigrock ${args.map((arg) => JSON.stringify(arg.slice(0, 40))).join(' ')}`;
          expect([0, 2], `${shown}: ${result.stderr}`).toContain(result.code);
          if (result.code === 2) {
            expect(result.stderr, shown).toMatch(/^(bigrock|error): [^\n]+\n$/);
            expect(await snapshot(), shown).toBe(before);
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: 25 },
    );
  });
});

import fc from 'fast-check';

import type { Bigrock } from '../bigrock.js';

/**
 * The fuzz suites' shared parts. They are seeded (FUZZ_SEED overrides the seed, to explore) and
 * bounded by their number of runs, so CI runs the same cases in about a minute.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202);

/** Values that have broken parsers and stores before: NUL, huge, tiny, negative, impossible dates. */
export const nastyValues: readonly unknown[] = [
  '',
  ' ',
  '\u0000',
  'calls\u0000',
  'x'.repeat(5000),
  '𝄞🏽‍♀️ é',
  '\u202eright to left',
  '=HYPERLINK("http://x")',
  '-3',
  '0',
  'NaN',
  'Infinity',
  '1e309',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-13-01',
  '2026-03-02T10:00:00+25:00',
  '2026-03-02 25:61',
  '2026-03-02 09:00',
  'Europe/Nowhere',
  'NAN',
  -1,
  -3,
  0,
  0.5,
  5e-324,
  -5e-324,
  1e-300,
  1e308,
  Number.MAX_VALUE,
  2 ** 53 + 1,
  true,
  false,
  null,
  [],
  [null],
  ['\u0000'],
  {},
  { '\u0000': 1 },
];

/** Values of the right shape, so that some requests get past the first check and deeper in. */
export const plausibleValues: readonly unknown[] = [
  'calls',
  'Calls',
  'recruits',
  'USD',
  'EUR',
  'client',
  'revenue',
  'up',
  'down',
  'sum',
  'day',
  'week',
  'income',
  'UTC',
  'Europe/Paris',
  '2026-03-02',
  '2026-12-01',
  '2027-03-01',
  '2026-03-02 09:00',
  '2026-03-02 17:30',
  1,
  3,
  10,
  12,
  0.2,
  1000,
  ['calls'],
  ['mon', 'tue'],
  [
    { activity: 'calls', conversionFromPrevious: null, minutesPerUnit: 6 },
    { activity: 'appointments', conversionFromPrevious: 0.2, minutesPerUnit: 30 },
  ],
  { target: 12, unit: 'recruits', start: '2026-03-02', deadline: '2026-06-01' },
];

/** A value for a field: mostly plausible, often nasty, sometimes any JSON at all. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...plausibleValues) },
  { weight: 4, arbitrary: fc.constantFrom(...nastyValues) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** An object with some of `keys`, each with a `fieldValue`. */
export function bodyOf(keys: readonly string[]): fc.Arbitrary<unknown> {
  const record = fc.dictionary(fc.constantFrom(...(keys.length > 0 ? keys : ['x'])), fieldValue, { maxKeys: 8 });
  return fc.oneof(
    { weight: 8, arbitrary: record },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(...nastyValues) },
  );
}

/** Everything the workspace holds, as its backup has it but for the time it was taken. */
export async function workspaceSnapshot(bigrock: Bigrock): Promise<string> {
  let text = '';
  for await (const chunk of bigrock.backup.backup()) text += chunk;
  return text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');
}

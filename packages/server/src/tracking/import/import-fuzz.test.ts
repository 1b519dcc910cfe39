import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { AppError, importFormats } from '@bigrock/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../../db/open-database.js';
import { FUZZ_SEED, nastyValues, workspaceSnapshot } from '../../test-support/fuzz.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../../test-support/test-bigrock.js';

const fixtureDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures = readdirSync(fixtureDir)
  .filter((name) => !name.endsWith('.md'))
  .map((name) => ({ name, text: readFileSync(`${fixtureDir}${name}`, 'utf8') }));

const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** Edits a person or a broken program makes to a file: values swapped for nasty ones, lines lost or doubled. */
type Edit =
  | { kind: 'replace-token'; at: number; value: unknown }
  | { kind: 'insert'; at: number; value: unknown }
  | { kind: 'drop-line'; at: number }
  | { kind: 'double-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'line-endings'; ending: '\r' | '\r\n' | '\n' };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const value = fc.oneof(fc.constantFrom(...nastyValues), fc.string({ unit: 'grapheme', maxLength: 30 }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replace-token' as const), at: position, value }),
  fc.record({ kind: fc.constant('insert' as const), at: position, value }),
  fc.record({ kind: fc.constant('drop-line' as const), at: position }),
  fc.record({ kind: fc.constant('double-line' as const), at: position }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: position, with: position }),
  fc.record({
    kind: fc.constant('line-endings' as const),
    ending: fc.constantFrom('\r' as const, '\r\n' as const, '\n' as const),
  }),
);

function applyEdit(text: string, change: Edit): string {
  const lines = text.split(/\r\n|\r|\n/);
  const line = (at: number) => Math.floor(at * lines.length);
  switch (change.kind) {
    case 'replace-token': {
      // A value between separators: a CSV cell, a JSON string or number, an iCalendar property's value.
      const tokens = [...text.matchAll(/[^,;:"\s{}[\]]+/g)];
      const token = tokens[Math.floor(change.at * tokens.length)];
      if (token?.index === undefined) return text;
      return text.slice(0, token.index) + asText(change.value) + text.slice(token.index + token[0].length);
    }
    case 'insert': {
      const at = Math.floor(change.at * text.length);
      return text.slice(0, at) + asText(change.value) + text.slice(at);
    }
    case 'drop-line':
      lines.splice(line(change.at), 1);
      return lines.join('\n');
    case 'double-line':
      lines.splice(line(change.at), 0, lines[line(change.at)] ?? '');
      return lines.join('\n');
    case 'swap-lines': {
      const [a, b] = [line(change.at), line(change.with)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'line-endings':
      return lines.join(change.ending);
  }
}

describe.each(dialects)('imports of mutated files on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
    await test.bigrock.entries.add({ activity: 'Kept', start: '2026-03-02 09:00', end: '2026-03-02 10:00' });
  });
  afterAll(() => test.cleanup());

  it(
    'answers every mutated file of every format with one-line reasons, and writes all of it or nothing',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fixtures),
          fc.array(edit, { minLength: 1, maxLength: 4 }),
          fc.option(fc.constantFrom(...importFormats), { nil: undefined, freq: 4 }),
          fc.boolean(),
          async ({ name, text }, edits, format, dryRun) => {
            const mutated = edits.reduce(applyEdit, text);
            const before = await workspaceSnapshot(test.bigrock);
            let result;
            try {
              result = await test.bigrock.imports.importFile(Readable.from([Buffer.from(mutated)]), {
                format: format ?? (name === 'generic-mapped.csv' ? 'csv' : undefined),
                dryRun,
                from: '2000-01-01',
                to: '2040-12-31',
              });
            } catch (error) {
              // Only a mistake of the user's may be thrown, and it says what to fix in one line.
              expect(error).toBeInstanceOf(AppError);
              expect((error as AppError).code).toBe('invalid-input');
              expect((error as AppError).message).not.toContain('\n');
              expect(await workspaceSnapshot(test.bigrock)).toBe(before);
              return;
            }
            for (const issue of [...result.errors, ...result.warnings]) {
              const message = typeof issue === 'string' ? issue : issue.message;
              expect(message, name).not.toMatch(/\n|Cannot read properties|undefined|NaN|\[object /);
            }
            if (result.status !== 'imported') expect(await workspaceSnapshot(test.bigrock)).toBe(before);
            else expect(result.errors).toEqual([]);
          },
        ),
        { seed: FUZZ_SEED, numRuns: dialect === 'sqlite' ? 150 : 60 },
      );
    },
  );
});

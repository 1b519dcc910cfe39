import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { importFormats, type ImportResult } from '@bigrock/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../../db/open-database.js';
import { fixedClock, openTestBigrock, type TestBigrock } from '../../test-support/test-bigrock.js';
import type { ImportOptions } from './import.service.js';

const fixtureDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures = readdirSync(fixtureDir)
  .filter((name) => !name.endsWith('.md'))
  .map((name) => ({ name, bytes: readFileSync(`${fixtureDir}${name}`) }));

/** Chunks of any size, as a network delivers them. */
const chunked = (bytes: Uint8Array, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) =>
      Buffer.from(bytes.subarray(index * size, (index + 1) * size)),
    ),
  );

describe.each(dialects)('importers fed garbage on %s', (dialect) => {
  let test: TestBigrock;

  beforeAll(async () => {
    test = await openTestBigrock(dialect, { clock: fixedClock('2026-11-22T12:00:00Z') });
  });
  afterAll(() => test.cleanup());

  /** Imports, and checks the one rule: a clear answer, and the entries change by exactly what it says. */
  async function importChecked(bytes: Uint8Array, chunkSize: number, options: ImportOptions): Promise<ImportResult> {
    const { entries, imports } = test.bigrock;
    const before = (await entries.list({ from: '2000-01-01', to: '2100-01-01' })).length;
    const result = await imports.importFile(chunked(bytes, chunkSize), options);
    const after = (await entries.list({ from: '2000-01-01', to: '2100-01-01' })).length;
    if (result.status === 'imported') {
      expect(result.errors).toEqual([]);
      expect(after).toBe(before + result.added);
    } else {
      expect(result.status).toBe('failed');
      expect(after).toBe(before);
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) {
        expect(error.line).toBeGreaterThanOrEqual(0);
        expect(error.message.length).toBeGreaterThan(10);
      }
    }
    return result;
  }

  it('answers random bytes with a clear error, never a crash, whatever format it is told', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 512 }),
        fc.option(fc.constantFrom(...importFormats), { nil: undefined }),
        async (bytes, chunkSize, format) => {
          await importChecked(bytes, chunkSize, { format });
        },
      ),
      { numRuns: dialect === 'sqlite' ? 150 : 60 },
    );
  });

  it('refuses a truncated file whole, or imports what is complete, never part of a row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        async ({ name, bytes }, at, chunkSize) => {
          const cut = bytes.subarray(0, Math.floor(bytes.length * at));
          const result = await importChecked(cut, chunkSize, name === 'generic-mapped.csv' ? { format: 'csv' } : {});
          // A JSON or iCalendar file cut anywhere before its end is incomplete, and says so.
          const complete = new TextDecoder().decode(cut).trimEnd() === new TextDecoder().decode(bytes).trimEnd();
          if (!complete && /\.(json|ics)$/.test(name)) expect(result.status).toBe('failed');
        },
      ),
      { numRuns: dialect === 'sqlite' ? 150 : 60 },
    );
  });

  it('survives files with bytes overwritten at random', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fixtures),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async ({ bytes }, flips) => {
          const mutated = Uint8Array.from(bytes);
          for (const [at, value] of flips) mutated[Math.floor(at * (mutated.length - 1))] = value;
          await importChecked(mutated, 97, {});
        },
      ),
      { numRuns: dialect === 'sqlite' ? 150 : 60 },
    );
  });
});

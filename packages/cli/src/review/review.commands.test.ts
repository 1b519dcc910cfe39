import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatMoney, type WeeklyReview } from '@bigrock/core';
import { dialects, loadConfig, openBigrock } from '@bigrock/server';
import { pdfText, seedReviewWeek } from '@bigrock/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('review', 'Europe/Paris');

beforeAll(async () => {
  await workbench.setUp();
  for (const dialect of dialects) {
    const bigrock = await openBigrock(loadConfig(workbench.env[dialect]));
    try {
      await seedReviewWeek(bigrock);
    } finally {
      await bigrock.close();
    }
  }
});
afterAll(() => workbench.tearDown());

describe.each(dialects)('bigrock review on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);

  it('prints the week with what to change next, and the same figures as the API in --json', async () => {
    const shown = await run('review', '--week', '2027-W03');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Weekly review 2027-W03 (2027-01-18 to 2027-01-24, Europe/Paris)');
    expect(shown.stdout).toContain('Calls is furthest behind its target');
    expect(shown.stdout).toContain(`Revenue: ${formatMoney(690, 'EUR')}`);
    expect(shown.stdout).toMatch(/Biggest time wasters\n.*\n +Networking/);
    const json = await run('review', '--week', '2027-W03', '--json');
    const review = JSON.parse(json.stdout) as WeeklyReview;
    expect(review.week).toBe('2027-W03');
    expect(review.hours.totalSeconds).toBe(6 * 3600);
    // The audit's wasters, ranked by cost: networking, which brought nothing, first.
    expect(review.wasters[0]?.activity).toBe('Networking');
    expect(review.wasters.every((waster) => waster.cost > 0)).toBe(true);
  });

  it('writes the PDF, whose text reads back with the week and its figures', async () => {
    const file = join(workbench.dataDir, `review-${dialect}.pdf`);
    const written = await run('review', '--week', '2027-W03', '--pdf', file, '--json');
    expect(written.code, written.stderr).toBe(0);
    const bytes = readFileSync(file);
    expect(JSON.parse(written.stdout)).toEqual({ week: '2027-W03', pdf: file, bytes: bytes.byteLength });
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Weekly review 2027-W03');
    expect(text).toContain(`Revenue: ${formatMoney(690, 'EUR')}`);
    expect(text).toContain('Networking');
  });

  it('refuses a week that does not exist and a file it cannot write, saying what to fix', async () => {
    const bad = await run('review', '--week', '2027-W60');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('week: must be a week of 2027, which has 52 weeks');
    const unwritable = await run('review', '--week', '2027-W03', '--pdf', join(workbench.dataDir, 'nowhere', 'x.pdf'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('--pdf: cannot write');
  });
});

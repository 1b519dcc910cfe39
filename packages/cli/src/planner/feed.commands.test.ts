import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { dialects } from '@bigrock/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cliRunner, cliWorkbench } from '../test-support/cli-workbench.js';

const workbench = cliWorkbench('feed', 'Europe/Paris');

beforeAll(() => workbench.setUp());
afterAll(() => workbench.tearDown());

const calendarFile = join(mkdtempSync(join(tmpdir(), 'bigrock-busy-')), 'work.ics');
writeFileSync(
  calendarFile,
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Work//EN',
    'BEGIN:VEVENT',
    'UID:weekly@work.example',
    'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=Europe/Paris:20260302T100000',
    'DTEND;TZID=Europe/Paris:20260302T110000',
    'RRULE:FREQ=WEEKLY',
    'SUMMARY:Team call',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:offsite@work.example',
    'DTSTAMP:20260101T000000Z',
    'DTSTART;VALUE=DATE:20260325',
    'SUMMARY:Offsite',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n'),
);

describe.each(dialects)('bigrock feed and week import-busy on %s', (dialect) => {
  const run = cliRunner(workbench.env[dialect]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run(...args, '--json');
    expect(result.stderr, args.join(' ')).toBe('');
    expect(result.code, args.join(' ')).toBe(0);
    return JSON.parse(result.stdout) as T;
  };

  it('prints the same address until renewed, a new one after, and none once revoked', async () => {
    const first = await json<{ url: string; path: string }>('feed', 'url');
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/planner\/feed\/[\w-]{43}\.ics$/);
    expect((await json<{ url: string }>('feed', 'url')).url).toBe(first.url);
    const plain = await run('feed', 'url');
    expect(plain.stdout).toBe(`${first.url}\n`);

    const renewed = await run('feed', 'renew');
    expect(renewed.code).toBe(0);
    expect(renewed.stdout.trim()).not.toBe(first.url);
    expect(renewed.stderr).toContain('old address no longer works');

    expect(await json('feed', 'revoke')).toEqual({ revoked: true });
    const after = await json<{ url: string }>('feed', 'url');
    expect([first.url, renewed.stdout.trim()]).not.toContain(after.url);
  });

  it("prints the posts feeds' addresses, the same until renewed, and new ones after a revoke", async () => {
    const first = await json<{ rss: string; atom: string }>('feed', 'posts', 'url');
    expect(first.rss).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/feeds\/posts\.rss\?token=[\w-]{43}$/);
    expect(first.atom).toBe(first.rss.replace('posts.rss', 'posts.atom'));
    expect((await run('feed', 'posts', 'url')).stdout).toBe(`RSS:  ${first.rss}\nAtom: ${first.atom}\n`);
    // The plan's calendar feed is another address, with its own token.
    expect((await json<{ url: string }>('feed', 'url')).url.split('/').pop()).not.toContain(
      first.rss.split('token=')[1],
    );

    const renewed = await run('feed', 'posts', 'renew');
    expect(renewed.code).toBe(0);
    expect(renewed.stdout).not.toContain(first.rss);
    expect(renewed.stderr).toContain('old addresses no longer work');
    expect(await json('feed', 'posts', 'revoke')).toEqual({ revoked: true });
    const after = await json<{ rss: string }>('feed', 'posts', 'url');
    expect([first.rss, renewed.stdout.split('\n')[0]?.slice('RSS:  '.length)]).not.toContain(after.rss);
  });

  it('imports busy time as fixed meetings, with no duplicate the second time', async () => {
    const first = await json<{ added: number; unchanged: number; skipped: Record<string, number> }>(
      'week',
      'import-busy',
      calendarFile,
      '--week',
      '2026-W13',
      '--weeks',
      '2',
    );
    expect(first).toMatchObject({ added: 2, unchanged: 0, skipped: { 'all-day event': 1 } });
    const again = await run('week', 'import-busy', calendarFile, '--week', '2026-W13', '--weeks', '2');
    expect(again.stdout).toContain('0 blocks added, 0 moved, 2 unchanged');
    const week = await json<{ blocks: Array<{ date: string; start: string; kind: string; imported: unknown }> }>(
      'week',
      '--week',
      '2026-W14',
    );
    // 10:00 in Paris on both sides of the change to summer time (29 March).
    expect(week.blocks).toEqual([
      expect.objectContaining({
        date: '2026-03-30',
        start: '10:00',
        kind: 'meetings',
        imported: { key: expect.any(String), from: 'work.ics' },
      }),
    ]);
    const missing = await run('week', 'import-busy', join(tmpdir(), 'no-such-calendar.ics'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file to read at');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dialects } from '../db/open-database.js';
import { fixedClock } from '../test-support/test-bigrock.js';
import { openTestApp, type TestApp } from '../test-support/test-app.js';

interface ParsedEvent {
  uid: string;
  sequence: number;
  start: string;
  end: string;
  stamp: string;
  summary: string;
  status: string;
}

/** The feed's events as ical.js reads them. */
function parseWithIcalJs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const time = (value: InstanceType<typeof ICAL.Time>) =>
      value.isDate ? value.toString() : value.toJSDate().toISOString();
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: time(event.startDate),
      end: time(event.endDate),
      stamp: (vevent.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString(),
      summary: event.summary,
      status: String(vevent.getFirstPropertyValue('status')),
    };
  });
}

// Debian's python3-icalendar, installed for Debian's own Python (.ci/run installs it when missing).
const python = ['/usr/bin/python3', 'python3'].find((candidate) => {
  if (candidate.startsWith('/') && !existsSync(candidate)) return false;
  try {
    execFileSync(candidate, ['-c', 'import icalendar'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

const pythonReader = `
import sys, json, datetime
from icalendar import Calendar
calendar = Calendar.from_ical(sys.stdin.buffer.read())
def when(value):
    value = value.dt
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
    return value.isoformat()
events = [
    {
        'uid': str(event['UID']),
        'sequence': int(event['SEQUENCE']),
        'start': when(event['DTSTART']),
        'end': when(event['DTEND']),
        'stamp': when(event['DTSTAMP']),
        'summary': str(event['SUMMARY']),
        'status': str(event['STATUS']),
    }
    for event in calendar.walk('VEVENT')
]
print(json.dumps(events))
`;

/** The feed's events as Debian's python3-icalendar reads them, in a child process. */
function parseWithPython(text: string): ParsedEvent[] {
  if (python === undefined)
    throw new Error('python3-icalendar is missing: apt-get install python3-icalendar (.ci/run does it).');
  const out = execFileSync(python, ['-c', pythonReader], { input: text });
  return JSON.parse(out.toString('utf8')) as ParsedEvent[];
}

/** The ical.js dates of all-day events are written YYYY-MM-DD, as Python's date.isoformat. */
const byUid = (events: ParsedEvent[]) => [...events].sort((a, b) => a.uid.localeCompare(b.uid));

describe.each(dialects)('the calendar feed on %s', (dialect) => {
  let api: TestApp;
  let path = '';
  beforeAll(async () => {
    api = await openTestApp(dialect, {
      clock: fixedClock('2027-03-10T15:00:00Z'),
      timeZone: 'America/New_York',
    });
  });
  afterAll(() => api.close());

  const fetchFeed = (url: string, headers: Record<string, string> = {}) =>
    api.send({ method: 'GET', url, session: false, headers });
  const events = async () => parseWithIcalJs((await fetchFeed(path)).body);
  const eventOn = (list: ParsedEvent[], start: string) => {
    const found = list.find((event) => event.start === start);
    if (found === undefined) throw new Error(`no event starts at ${start}`);
    return found;
  };

  it('has no address until asked, then one that reads without the session', async () => {
    expect((await api.send({ method: 'GET', url: '/api/v1/planner/feed' })).json()).toEqual({ feed: null });
    // Applied first to the week four weeks back, the template repeats from then on.
    const applied = await api.send({
      method: 'POST',
      url: '/api/v1/planner/templates/social-selling/apply',
      payload: { week: '2027-W06' },
    });
    expect(applied.statusCode).toBe(200);
    const made = await api.send({ method: 'POST', url: '/api/v1/planner/feed' });
    expect(made.statusCode).toBe(200);
    const { feed } = made.json<{ feed: { url: string; path: string } }>();
    expect(feed.url).toBe(`http://127.0.0.1:4999${feed.path}`);
    expect(feed.path).toMatch(/^\/api\/v1\/planner\/feed\/[\w-]{43}\.ics$/);
    path = feed.path;
    // Asked again, the same address: the token is derived, not stored.
    expect((await api.send({ method: 'POST', url: '/api/v1/planner/feed' })).json()).toEqual(made.json());
    const stored = await api.bigrock.db
      .selectFrom('settings')
      .select('value')
      .where('key', 'like', 'calendar-feed.%')
      .execute();
    expect(stored.map(({ value }) => value).join()).not.toContain(path.split('/').at(-1)?.replace('.ics', ''));

    const response = await fetchFeed(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(response.body).not.toMatch(/TZID/);
  });

  it('publishes twelve weeks of blocks at their UTC instants, 09:00 on both sides of daylight saving', async () => {
    const list = await events();
    const blocks = list.filter((event) => event.uid.startsWith('block.'));
    const dates = blocks.map((event) => event.start.slice(0, 10)).sort();
    expect(dates[0]).toBe('2027-02-08'); // the Monday four weeks before this week's
    expect(dates.at(-1)).toBe('2027-04-30'); // the Friday of the seventh week after it
    // Monday 09:00 in New York: 14:00 UTC before 14 March, 13:00 UTC after.
    expect(eventOn(list, '2027-03-08T14:00:00.000Z')).toMatchObject({ summary: 'posts and invitations', sequence: 0 });
    expect(eventOn(list, '2027-03-15T13:00:00.000Z')).toMatchObject({ summary: 'posts and invitations', sequence: 0 });
    expect(new Set(list.map((event) => event.uid)).size).toBe(list.length);
    for (const event of list) expect(event.uid).toMatch(/^block\.t\.\w+\.\d{4}-\d{2}-\d{2}\.default@bigrock\.invalid$/);
  });

  it('is read alike by ical.js and by python3-icalendar', async () => {
    const text = (await fetchFeed(path)).body;
    const fromJs = byUid(parseWithIcalJs(text));
    const fromPython = byUid(parseWithPython(text));
    expect(fromJs.length).toBeGreaterThan(100);
    expect(fromPython).toEqual(fromJs);
  });

  it('keeps UIDs when a week is made and raises SEQUENCE on every change of a block or rock', async () => {
    const before = await events();
    const nextMonday = eventOn(before, '2027-03-15T13:00:00.000Z');
    // A change made in a week not made yet makes it: its blocks keep their UIDs.
    const week = await api.send({ method: 'GET', url: '/api/v1/planner/week?week=2027-W11' });
    const block = week
      .json<{ blocks: Array<{ id: string; date: string; start: string }> }>()
      .blocks.find((candidate) => candidate.date === '2027-03-15' && candidate.start === '09:00');
    expect(block?.id).toMatch(/^t\./);
    const edit = (payload: object) =>
      api.send({ method: 'PATCH', url: `/api/v1/planner/blocks/${block?.id}`, payload });
    expect((await edit({ start: '09:30' })).statusCode).toBe(200);
    let moved = eventOn(await events(), '2027-03-15T13:30:00.000Z');
    expect(moved).toMatchObject({ uid: nextMonday.uid, sequence: 1 });
    expect(new Set((await events()).map((event) => event.uid))).toEqual(new Set(before.map((event) => event.uid)));

    const made = await api.send({ method: 'GET', url: '/api/v1/planner/week?week=2027-W11' });
    const madeId = made
      .json<{ blocks: Array<{ id: string; start: string; date: string }> }>()
      .blocks.find((candidate) => candidate.date === '2027-03-15' && candidate.start === '09:30')?.id;
    await api.send({ method: 'PATCH', url: `/api/v1/planner/blocks/${madeId}`, payload: { end: '10:30' } });
    moved = eventOn(await events(), '2027-03-15T13:30:00.000Z');
    expect(moved).toMatchObject({ uid: nextMonday.uid, sequence: 2, end: '2027-03-15T14:30:00.000Z' });
    await api.send({ method: 'POST', url: `/api/v1/planner/blocks/${madeId}/skip` });
    moved = eventOn(await events(), '2027-03-15T13:30:00.000Z');
    expect(moved).toMatchObject({ uid: nextMonday.uid, sequence: 3, status: 'CANCELLED' });
    // The template applied again to the week: the same UIDs, each raised once more.
    await api.send({
      method: 'POST',
      url: '/api/v1/planner/templates/social-selling/apply',
      payload: { week: '2027-W11' },
    });
    expect(eventOn(await events(), '2027-03-15T13:00:00.000Z')).toMatchObject({
      uid: nextMonday.uid,
      sequence: 4,
      status: 'CONFIRMED',
    });

    const rock = await api.send({ method: 'POST', url: '/api/v1/planner/rocks', payload: { title: 'Send the offer' } });
    expect(rock.statusCode).toBe(201);
    const rockEvent = () => eventOn(parseWithPython(text), '2027-03-10');
    let text = (await fetchFeed(path)).body;
    expect(rockEvent()).toMatchObject({ summary: 'Big rock: Send the offer', sequence: 0, end: '2027-03-11' });
    await api.send({ method: 'POST', url: '/api/v1/planner/rocks/done', payload: {} });
    text = (await fetchFeed(path)).body;
    expect(rockEvent()).toMatchObject({ summary: 'Big rock: Send the offer (done)', sequence: 1 });
    expect(text).toMatch(/TRANSP:TRANSPARENT/);
  });

  it('answers 304 to a poll of an unchanged plan, and a new ETag once it changes', async () => {
    const first = await fetchFeed(path);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetchFeed(path, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // A write elsewhere (a goal) leaves the feed's text, so its ETag, the same.
    await api.send({ method: 'POST', url: '/api/v1/goals', payload: { title: 'Unrelated' } });
    expect((await fetchFeed(path, { 'if-none-match': etag })).statusCode).toBe(304);
    await api.send({
      method: 'POST',
      url: '/api/v1/planner/blocks',
      payload: { kind: 'deep-work', weekday: 'thu', start: '15:00', end: '16:00' },
    });
    const changed = await fetchFeed(path, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('refuses a wrong token, a revoked or renewed address, and a Host that is not ours', async () => {
    const wrong = path.replace(/[\w-]{43}\.ics$/, `${'A'.repeat(43)}.ics`);
    for (const url of [wrong, path.replace('.ics', ''), '/api/v1/planner/feed/x.ics', `${path}x`]) {
      const response = await fetchFeed(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('BEGIN:VCALENDAR');
    }
    const foreign = await api.app.inject({ method: 'GET', url: path, headers: { host: 'calendar.attacker.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: 'forbidden-host' } });

    const renewed = await api.send({ method: 'POST', url: '/api/v1/planner/feed/renew' });
    const next = renewed.json<{ feed: { path: string } }>().feed.path;
    expect(next).not.toBe(path);
    expect((await fetchFeed(path)).statusCode).toBe(404);
    expect((await fetchFeed(next)).statusCode).toBe(200);

    expect((await api.send({ method: 'DELETE', url: '/api/v1/planner/feed' })).statusCode).toBe(204);
    expect((await fetchFeed(next)).statusCode).toBe(404);
    expect((await api.send({ method: 'GET', url: '/api/v1/planner/feed' })).json()).toEqual({ feed: null });
    // Managing the address needs the session.
    expect((await api.send({ method: 'POST', url: '/api/v1/planner/feed', session: false })).statusCode).toBe(401);
  });
});

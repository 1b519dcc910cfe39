import { Readable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Clock } from '../clock.js';
import { dialects } from '../db/open-database.js';
import { openTestBigrock, type TestBigrock } from '../test-support/test-bigrock.js';

function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

const day = { from: '2026-03-02', to: '2026-03-02' };

describe.each(dialects)('activity names on %s', (dialect) => {
  let test: TestBigrock;
  const clock = movableClock('2026-03-02T14:00:00Z');

  beforeEach(async () => {
    clock.set('2026-03-02T14:00:00Z');
    test = await openTestBigrock(dialect, { clock });
  });
  afterEach(() => test.cleanup());

  const activities = async () => (await test.bigrock.entries.list(day)).map(({ activity }) => activity);

  it('gives a timer the spelling in use: "calls" and " CALLS " join "Calls"', async () => {
    const { entries } = test.bigrock;
    await entries.startTimer({ activity: 'Calls' });
    clock.set('2026-03-02T14:10:00Z');
    expect((await entries.startTimer({ activity: 'calls' })).started.activity).toBe('Calls');
    clock.set('2026-03-02T14:20:00Z');
    expect((await entries.startTimer({ activity: ' CALLS ' })).started.activity).toBe('Calls');
    expect(new Set(await activities())).toEqual(new Set(['Calls']));
  });

  it('keeps a spelling apart when asked, and finds each spelling as written afterwards', async () => {
    const { entries } = test.bigrock;
    await entries.startTimer({ activity: 'calls' });
    clock.set('2026-03-02T14:10:00Z');
    expect((await entries.startTimer({ activity: 'Calls', keepSeparate: true })).started.activity).toBe('Calls');
    clock.set('2026-03-02T14:20:00Z');
    expect((await entries.startTimer({ activity: 'calls' })).started.activity).toBe('calls');
    clock.set('2026-03-02T14:30:00Z');
    expect((await entries.startTimer({ activity: 'Calls' })).started.activity).toBe('Calls');
    // Neither as written: the spelling used last.
    clock.set('2026-03-02T14:40:00Z');
    expect((await entries.startTimer({ activity: 'CALLS' })).started.activity).toBe('Calls');
  });

  it("prefers the activity's name to the entries' spelling, for entries, outcomes and edits", async () => {
    const { entries, outcomes, activities: list } = test.bigrock;
    await entries.add({ activity: 'client work', start: '2026-03-02 08:00', end: '2026-03-02 09:00' });
    await list.create({ name: 'Client Work' });
    const added = await entries.add({ activity: 'CLIENT WORK', start: '2026-03-02 09:00', end: '2026-03-02 10:00' });
    expect(added.activity).toBe('Client Work');
    // Old entries are left as they are.
    expect(await activities()).toEqual(['client work', 'Client Work']);

    const email = await entries.add({ activity: 'Email', start: '2026-03-02 10:00', end: '2026-03-02 10:30' });
    expect((await entries.update(email.id, { activity: 'client work ' })).activity).toBe('Client Work');
    expect((await entries.update(email.id, { activity: 'Errands', keepSeparate: true })).activity).toBe('Errands');

    const outcome = await outcomes.add({ kind: 'revenue', amount: 100, activity: 'client WORK' });
    expect(outcome.activity).toBe('Client Work');
  });

  it('matches letters beyond ASCII whatever their case, on both databases', async () => {
    const { entries, activities: list } = test.bigrock;
    await list.create({ name: 'Écrire' });
    expect((await entries.startTimer({ activity: 'écrire' })).started.activity).toBe('Écrire');
    expect((await list.find('ÉCRIRE')).name).toBe('Écrire');
    // "É" as "E" and a combining accent is the same name too.
    expect((await list.find('E\u0301crire')).name).toBe('Écrire');
    await entries.add({ activity: 'Öffnen', start: '2026-03-02 08:00', end: '2026-03-02 09:00' });
    const again = await entries.add({ activity: 'öffnen', start: '2026-03-02 09:00', end: '2026-03-02 10:00' });
    expect(again.activity).toBe('Öffnen');
  });

  it('refuses an activity that differs from another only by case, unless kept separate', async () => {
    const { activities: list } = test.bigrock;
    await list.create({ name: 'calls' });
    await expect(list.create({ name: 'Calls' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'name',
      message: expect.stringContaining('keep "Calls" as a separate activity'),
    });
    await expect(list.create({ name: 'calls', keepSeparate: true })).rejects.toMatchObject({ code: 'conflict' });
    const separate = await list.create({ name: 'Calls', keepSeparate: true });
    expect(separate.name).toBe('Calls');
    expect(separate).not.toHaveProperty('keepSeparate');
    expect((await list.find('Calls')).id).toBe(separate.id);
    expect((await list.find('calls')).id).not.toBe(separate.id);
    // Its own name in another case is a rename, not a clash.
    const email = await list.create({ name: 'email' });
    expect((await list.update(email.id, { name: 'Email' })).name).toBe('Email');
  });

  it('gives imported rows the spelling in use, and the first spelling of a new name to the rest', async () => {
    const { entries, imports } = test.bigrock;
    await entries.add({ activity: 'Calls', start: '2026-03-01 08:00', end: '2026-03-01 09:00' });
    const csv = [
      'activity,start,end',
      'calls,2026-03-02 08:00,2026-03-02 09:00',
      'Deep work,2026-03-02 09:00,2026-03-02 10:00',
      'DEEP WORK,2026-03-02 10:00,2026-03-02 11:00',
      ' CALLS ,2026-03-02 11:00,2026-03-02 12:00',
    ].join('\n');
    const result = await imports.importFile(Readable.from([Buffer.from(csv)]), { format: 'csv' });
    expect(result).toMatchObject({ status: 'imported', added: 4 });
    expect(await activities()).toEqual(['Calls', 'Deep work', 'Deep work', 'Calls']);
    // The same file again adds nothing and changes nothing.
    const again = await imports.importFile(Readable.from([Buffer.from(csv)]), { format: 'csv' });
    expect(again).toMatchObject({ added: 0, changed: 0, skipped: 4 });
  });

  it('offers the latest entries’ activities first, then the activities, then the other names', async () => {
    const { entries, activities: list } = test.bigrock;
    await list.create({ name: 'Podcast' });
    await entries.add({ activity: 'Writing', start: '2026-02-01 08:00', end: '2026-02-01 09:00' });
    await entries.add({ activity: 'Email', start: '2026-03-02 08:00', end: '2026-03-02 09:00' });
    await entries.add({ activity: 'Calls', start: '2026-03-02 09:00', end: '2026-03-02 10:00' });
    expect(await entries.activityNames()).toEqual(['Calls', 'Email', 'Writing', 'Podcast']);
  });
});

import { describe, expect, it } from 'vitest';

import { mapTimewInterval, parseTimewInstant } from './timew-entry.js';

describe('Timewarrior intervals', () => {
  it('reads the first tag as the activity and the annotation as the note', () => {
    expect(
      mapTimewInterval(
        { id: 3, start: '20260302T080000Z', end: '20260302T093000Z', tags: ['calls', 'mga'], annotation: 'Warm list' },
        2,
      ),
    ).toEqual({
      kind: 'entry',
      entry: {
        line: 2,
        key: '20260302T080000Z',
        startMs: Date.parse('2026-03-02T08:00:00Z'),
        endMs: Date.parse('2026-03-02T09:30:00Z'),
        activity: 'calls',
        tags: ['mga'],
        note: 'Warm list',
        source: 'import',
      },
    });
  });

  it('keeps a running interval running', () => {
    expect(mapTimewInterval({ start: '20260302T130000Z', tags: ['deep work'] }, 4)).toMatchObject({
      kind: 'entry',
      entry: { endMs: null, activity: 'deep work' },
    });
  });

  it('names the property that is wrong', () => {
    expect(mapTimewInterval({ start: '2026-03-02' }, 2)).toMatchObject({
      kind: 'issue',
      issue: { line: 2, field: 'start' },
    });
    expect(mapTimewInterval({ start: '20260302T130000Z', end: '20260302T120000Z' }, 3)).toMatchObject({
      issue: { field: 'end' },
    });
    expect(mapTimewInterval({ start: '20260302T130000Z', tags: 'calls' }, 4)).toMatchObject({
      issue: { field: 'tags' },
    });
    expect(mapTimewInterval(42, 5)).toMatchObject({ kind: 'issue', issue: { line: 5 } });
    expect(parseTimewInstant('20260230T130000Z')).toBeNull();
  });
});

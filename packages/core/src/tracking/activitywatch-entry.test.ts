import { describe, expect, it } from 'vitest';

import { awBoolean, awBucketKind, mapAwEvent, siteOf } from './activitywatch-entry.js';

describe('ActivityWatch events', () => {
  it('counts a web event for its site only, reading string booleans as booleans', () => {
    const event = {
      id: 12,
      timestamp: '2026-03-02T09:21:00.500000+00:00',
      duration: 300.0,
      data: { url: 'https://www.linkedin.com/feed/', title: 'Feed', audible: 'false', incognito: 'false' },
    };
    expect(mapAwEvent('aw-watcher-web-chrome', 'web', event, 7)).toEqual({
      kind: 'entry',
      entry: {
        line: 7,
        key: 'aw-watcher-web-chrome:12',
        startMs: Date.parse('2026-03-02T09:21:00.500Z'),
        endMs: Date.parse('2026-03-02T09:26:00.500Z'),
        activity: 'linkedin.com',
        tags: ['web'],
        note: null,
        source: 'browser',
      },
    });
    expect(mapAwEvent('web', 'web', { ...event, data: { ...event.data, incognito: 'true' } }, 7)).toMatchObject({
      kind: 'skip',
    });
  });

  it('counts a window event for its app and leaves AFK status out', () => {
    const window = {
      id: 31,
      timestamp: '2026-03-02T09:00:00Z',
      duration: 900,
      data: { app: 'chromium', title: 'Private' },
    };
    expect(mapAwEvent('aw-watcher-window_laptop', 'window', window, 3)).toMatchObject({
      entry: { activity: 'chromium', note: null, source: 'import' },
    });
    expect(mapAwEvent('aw-watcher-afk', 'afk', { ...window, data: { status: 'afk' } }, 4)).toEqual({
      kind: 'skip',
      line: 4,
      reason: 'AFK status',
    });
  });

  it('names the property that is wrong', () => {
    expect(mapAwEvent('b', 'window', { timestamp: '2026-03-02 09:00', duration: 1 }, 2)).toMatchObject({
      issue: { field: 'timestamp' },
    });
    expect(mapAwEvent('b', 'window', { timestamp: '2026-03-02T09:00:00Z', duration: 'long' }, 2)).toMatchObject({
      issue: { field: 'duration' },
    });
  });

  it('tells buckets apart by type, or by watcher when the type is missing', () => {
    expect(awBucketKind('x', 'currentwindow')).toBe('window');
    expect(awBucketKind('aw-watcher-afk_laptop', undefined)).toBe('afk');
    expect(awBucketKind('aw-watcher-vim', 'app.editor.activity')).toBe('other');
    expect(awBoolean('false')).toBe(false);
    expect(awBoolean('True')).toBe(true);
    expect(siteOf('chrome://newtab')).toBeNull();
    expect(siteOf('https://user@Example.com:8080/x')).toBe('example.com');
  });
});

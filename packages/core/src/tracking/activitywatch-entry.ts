import { cleanImportedText, textTooLong, type ImportRow } from './imported-entry.js';

/** The ActivityWatch buckets Bigrock reads: the focused window, the browser's active tab, and AFK. */
export type AwBucketKind = 'window' | 'web' | 'afk' | 'other';

/**
 * Tells a bucket's kind by its type (`currentwindow`, `web.tab.current`, `afkstatus`), or by the
 * watcher in its id when the type is missing.
 *
 * @example awBucketKind('aw-watcher-web-chrome_laptop', undefined) // 'web'
 */
export function awBucketKind(bucketId: string, type: unknown): AwBucketKind {
  if (type === 'currentwindow') return 'window';
  if (type === 'web.tab.current') return 'web';
  if (type === 'afkstatus') return 'afk';
  if (typeof type === 'string' && type !== '') return 'other';
  if (bucketId.startsWith('aw-watcher-window')) return 'window';
  if (bucketId.startsWith('aw-watcher-web')) return 'web';
  if (bucketId.startsWith('aw-watcher-afk')) return 'afk';
  return 'other';
}

/** ActivityWatch writes some booleans as strings (`"incognito": "false"`): read both. */
export function awBoolean(value: unknown): boolean {
  return (
    value === true || value === 1 || (typeof value === 'string' && ['true', '1', 'yes'].includes(value.toLowerCase()))
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const awTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The site of a URL, without `www.`: the browser's time is kept by domain only, never by page.
 *
 * @example siteOf('https://www.linkedin.com/feed/') // 'linkedin.com'
 */
export function siteOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  // Core has no URL class (no DOM, no Node): the host of an http(s) URL is all we need.
  const host = /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url.trim())?.[1];
  return host ? host.toLowerCase().replace(/^www\./, '') : null;
}

/**
 * One event of an ActivityWatch bucket: `{ id, timestamp, duration (seconds), data }`. Window
 * events count for their app, web events for their site (incognito tabs are left out), AFK events
 * are presence, not work, and are left out. Titles are private and are not kept.
 *
 * @example mapAwEvent('aw-watcher-web-chrome', 'web', { id: 12, timestamp: '2026-03-02T09:21:00Z', duration: 300, data: { url: 'https://www.linkedin.com/feed/' } }, 7)
 * // an entry for linkedin.com, 09:21 to 09:26
 */
export function mapAwEvent(bucketId: string, kind: AwBucketKind, event: unknown, line: number): ImportRow {
  if (!isRecord(event)) {
    return {
      kind: 'issue',
      issue: { line, message: `Each event of bucket ${bucketId} must be an object with timestamp and duration.` },
    };
  }
  const { timestamp } = event;
  const startMs = typeof timestamp === 'string' && awTimestamp.test(timestamp) ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(startMs)) {
    return {
      kind: 'issue',
      issue: {
        line,
        field: 'timestamp',
        message: `timestamp: ${JSON.stringify(timestamp ?? null)} is not an ISO 8601 instant with an offset.`,
      },
    };
  }
  const duration = typeof event.duration === 'string' ? Number(event.duration) : event.duration;
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
    return {
      kind: 'issue',
      issue: {
        line,
        field: 'duration',
        message: `duration: ${JSON.stringify(event.duration ?? null)} is not a number of seconds.`,
      },
    };
  }
  if (kind === 'afk') return { kind: 'skip', line, reason: 'AFK status' };
  if (kind === 'other') return { kind: 'skip', line, reason: 'not a window, web or AFK bucket' };
  const durationMs = Math.round(duration * 1000);
  if (durationMs === 0) return { kind: 'skip', line, reason: 'lasts no time' };
  const data = isRecord(event.data) ? event.data : {};
  let activity: string;
  if (kind === 'web') {
    if (awBoolean(data.incognito)) return { kind: 'skip', line, reason: 'incognito tab' };
    activity = siteOf(data.url) ?? 'Unknown site';
  } else {
    activity = typeof data.app === 'string' && data.app.trim() !== '' ? data.app : 'Unknown app';
  }
  const texts = cleanImportedText({ activity, tags: [kind === 'web' ? 'web' : 'app'], note: null });
  const tooLong = textTooLong('activity', texts.activity, kind === 'web' ? 'data.url' : 'data.app', line);
  if (tooLong !== null) return { kind: 'issue', issue: tooLong };
  const id = typeof event.id === 'number' || typeof event.id === 'string' ? String(event.id) : String(timestamp);
  return {
    kind: 'entry',
    entry: {
      line,
      key: `${bucketId}:${id}`,
      startMs,
      endMs: startMs + durationMs,
      ...texts,
      source: kind === 'web' ? 'browser' : 'import',
    },
  };
}

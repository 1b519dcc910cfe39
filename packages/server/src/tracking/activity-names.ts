import { activityNameKey, matchActivityName } from '@bigrock/core';

import type { TimeEntryQueries } from './time-entry.repository.js';

type NameQueries = Pick<
  TimeEntryQueries,
  'activityTableNames' | 'entryActivityNames' | 'hasEntryActivity' | 'lastUse' | 'recentActivities'
>;

/** Names offered as the user types: the latest entries' activities, the activities, then every other name. */
const RECENT_ENTRIES = 200;
const MAX_SUGGESTED_ENTRY_NAMES = 2000;

/**
 * The name a new entry (or timer, or outcome) gives its activity: the one in use that differs from
 * `typed` only by case or by spaces around it, so that "calls" joins "Calls" rather than starting
 * an activity of its own. The activities come first; then the names of entries (the spelling used
 * last, should old entries have several). `keepSeparate` keeps `typed`, trimmed, as it is.
 */
export async function resolveActivityName(
  queries: NameQueries,
  workspaceId: string,
  typed: string,
  keepSeparate = false,
): Promise<string> {
  const name = typed.trim();
  if (keepSeparate) return name;
  const activity = matchActivityName(name, await queries.activityTableNames(workspaceId));
  if (activity !== undefined) return activity;
  if (await queries.hasEntryActivity(workspaceId, name)) return name;
  const key = activityNameKey(name);
  const variants = (await queries.entryActivityNames(workspaceId)).filter(
    (candidate) => activityNameKey(candidate) === key,
  );
  if (variants.length <= 1) return variants[0] ?? name;
  let latest = { name: variants[0] ?? name, startMs: -Infinity };
  for (const variant of variants) {
    const startMs = (await queries.lastUse(workspaceId, variant)) ?? -Infinity;
    if (startMs > latest.startMs) latest = { name: variant, startMs };
  }
  return latest.name;
}

/**
 * For an import of many rows: the names in use, read once, and a function that gives each
 * imported name the spelling `resolveActivityName` would. A name new to the workspace is taken as
 * the file first writes it, and later rows that differ from it only by case follow it.
 */
export async function createActivityNameResolver(
  queries: NameQueries,
  workspaceId: string,
): Promise<(typed: string) => string> {
  const activities = await queries.activityTableNames(workspaceId);
  const entryNames = await queries.entryActivityNames(workspaceId);
  const activityByKey = new Map<string, string>();
  for (const name of activities)
    if (!activityByKey.has(activityNameKey(name))) activityByKey.set(activityNameKey(name), name);
  const entryByKey = new Map<string, string[]>();
  for (const name of entryNames) {
    const key = activityNameKey(name);
    entryByKey.set(key, [...(entryByKey.get(key) ?? []), name]);
  }
  // Several spellings of one name among old entries: the one used last, as for a single entry.
  const spellingOf = new Map<string, string>();
  for (const [key, variants] of entryByKey) {
    if (variants.length === 1) {
      spellingOf.set(key, variants[0] ?? key);
      continue;
    }
    let latest = { name: variants[0] ?? key, startMs: -Infinity };
    for (const variant of variants) {
      const startMs = (await queries.lastUse(workspaceId, variant)) ?? -Infinity;
      if (startMs > latest.startMs) latest = { name: variant, startMs };
    }
    spellingOf.set(key, latest.name);
  }
  const exact = new Set([...activities, ...entryNames]);

  // A million rows name a few activities: each spelling is worked out once.
  const resolved = new Map<string, string>();
  return function resolveImportedName(typed: string): string {
    let name = resolved.get(typed);
    if (name !== undefined) return name;
    const trimmed = typed.trim();
    const key = activityNameKey(trimmed);
    const activity = activities.includes(trimmed) ? trimmed : activityByKey.get(key);
    name = activity ?? (exact.has(trimmed) ? trimmed : spellingOf.get(key));
    if (name === undefined) {
      name = trimmed;
      spellingOf.set(key, name);
    }
    resolved.set(typed, name);
    return name;
  };
}

/**
 * The names to offer as an activity is typed: the activities of the latest entries (latest
 * first), then the activities, then the other names of entries; each spelling once.
 */
export async function activityNameSuggestions(queries: NameQueries, workspaceId: string): Promise<string[]> {
  const [recent, activities, others] = await Promise.all([
    queries.recentActivities(workspaceId, RECENT_ENTRIES),
    queries.activityTableNames(workspaceId),
    queries.entryActivityNames(workspaceId, MAX_SUGGESTED_ENTRY_NAMES),
  ]);
  return [...new Set([...recent, ...activities, ...others])];
}

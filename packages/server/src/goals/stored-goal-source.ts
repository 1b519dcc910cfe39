import { goalSourceObjectSchema, MANUAL_SOURCE, oldTrackingLabels, type GoalSource } from '@bigrock/core';

// The goals table keeps a goal's source in its tracking_source column as the JSON of core's typed
// form: unambiguous whatever an activity, tag or channel is named. The column held a descriptive
// label before migration 0006; a backup made then still holds one, and reads as manual.

/**
 * A source as the goals table stores it.
 *
 * @example storeGoalSource({ kind: 'hours', activity: null, tag: 'deep' }) // '{"kind":"hours","activity":null,"tag":"deep"}'
 */
export function storeGoalSource(source: GoalSource): string {
  return JSON.stringify(source);
}

/** The stored text's source; null when it is neither an old label nor a source. */
export function readStoredGoalSource(text: string): GoalSource | null {
  if (oldTrackingLabels.some((label) => label === text)) return MANUAL_SOURCE;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = goalSourceObjectSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

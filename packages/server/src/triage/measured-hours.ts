import { activityNameKey, type DayActivitySeconds } from '@bigrock/core';

/**
 * The average tracked hours a week of each activity over `weeks` weeks of tracked cells (the
 * reports' `trackedByDayAndActivity`), names matched as activities match (`activityNameKey`: case
 * and spaces aside). Keyed by `activityNameKey`; an activity with no time in the cells is 0.
 *
 * @example measuredHoursPerWeek([{ date: '2026-03-02', activity: 'networking', seconds: 43_200 }], ['Networking'], 4) // Map { 'networking' => 3 }
 */
export function measuredHoursPerWeek(
  cells: readonly DayActivitySeconds[],
  activities: readonly string[],
  weeks: number,
): Map<string, number> {
  const hours = new Map<string, number>(activities.map((name) => [activityNameKey(name), 0]));
  for (const cell of cells) {
    const key = activityNameKey(cell.activity);
    const sum = hours.get(key);
    if (sum !== undefined) hours.set(key, sum + cell.seconds / 3600 / weeks);
  }
  return hours;
}

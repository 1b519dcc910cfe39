import { describe, expect, it } from 'vitest';

import { DEFAULT_WORKING_HOURS } from '../workspaces/working-hours.js';
import { weekHoursAvailable } from './hours-available.js';

describe("a week's hours available", () => {
  it("are the workspace's working hours over the week", () => {
    expect(weekHoursAvailable({ week: '2026-W10', timeZone: 'UTC', workingHours: DEFAULT_WORKING_HOURS })).toBe(40);
    expect(
      weekHoursAvailable({
        week: '2026-W10',
        timeZone: 'Europe/Paris',
        workingHours: { mon: { start: '09:00', end: '13:00' }, sat: { start: '10:00', end: '24:00' } },
      }),
    ).toBe(18);
    expect(weekHoursAvailable({ week: '2026-W10', timeZone: 'UTC', workingHours: {} })).toBe(0);
  });

  it('count the clocks on the day they change', () => {
    // Europe/Paris goes forward on Sunday 2026-03-29 at 02:00 and back on Sunday 2026-10-25 at 03:00.
    const night = { sun: { start: '00:00', end: '06:00' } };
    expect(weekHoursAvailable({ week: '2026-W13', timeZone: 'Europe/Paris', workingHours: night })).toBe(5);
    expect(weekHoursAvailable({ week: '2026-W43', timeZone: 'Europe/Paris', workingHours: night })).toBe(7);
    expect(
      weekHoursAvailable({ week: '2026-W13', timeZone: 'Europe/Paris', workingHours: DEFAULT_WORKING_HOURS }),
    ).toBe(40);
  });

  it('give way to hours per week when they are set', () => {
    expect(
      weekHoursAvailable({
        week: '2026-W10',
        timeZone: 'UTC',
        workingHours: DEFAULT_WORKING_HOURS,
        hoursPerWeek: 32.5,
      }),
    ).toBe(32.5);
    expect(
      weekHoursAvailable({
        week: '2026-W10',
        timeZone: 'UTC',
        workingHours: DEFAULT_WORKING_HOURS,
        hoursPerWeek: null,
      }),
    ).toBe(40);
  });
});

import { addDays, type CalendarDate } from '../time/calendar-date.js';
import type { Plan } from './plan.js';

export const funnelTemplateKeys = ['network-marketing', 'freelancer', 'content-creator', 'coach'] as const;
export type FunnelTemplateKey = (typeof funnelTemplateKeys)[number];

export interface FunnelTemplate {
  key: FunnelTemplateKey;
  title: string;
  description: string;
  /** The plan, over twelve weeks from `start`. */
  plan(start: CalendarDate): Plan;
}

/** Twelve weeks: a quarter, the span of the seeds' example. */
const TWELVE_WEEKS = 84;

const templates: Record<FunnelTemplateKey, Omit<FunnelTemplate, 'key'>> = {
  'network-marketing': {
    title: 'Network marketing',
    description:
      "The seeds' example: call people you know, book appointments, recruit distributors. 10 calls a day, 5 appointments and 1 recruit a week for 12 recruits in 12 weeks, at 10 hours a week.",
    plan: (start) => ({
      hoursPerWeek: 10,
      workdaysPerWeek: 5,
      goal: { target: 12, unit: 'recruits', start, deadline: addDays(start, TWELVE_WEEKS) },
      stages: [
        { activity: 'calls', minutesPerUnit: 6 },
        { activity: 'appointments', minutesPerUnit: 45, conversionFromPrevious: 0.1 },
        { activity: 'recruits', minutesPerUnit: 60, conversionFromPrevious: 0.2 },
      ],
    }),
  },
  freelancer: {
    title: 'Freelancer',
    description:
      'Outreach emails lead to discovery calls, calls to proposals, proposals to projects worth $3000 each: $12,000 in 12 weeks.',
    plan: (start) => ({
      hoursPerWeek: 6,
      workdaysPerWeek: 5,
      goal: { target: 12_000, unit: 'USD', start, deadline: addDays(start, TWELVE_WEEKS), valuePerUnit: 3000 },
      stages: [
        { activity: 'outreach emails', minutesPerUnit: 10 },
        { activity: 'discovery calls', minutesPerUnit: 30, conversionFromPrevious: 0.15 },
        { activity: 'proposals', minutesPerUnit: 90, conversionFromPrevious: 0.5 },
        { activity: 'projects', minutesPerUnit: 60, conversionFromPrevious: 0.4 },
      ],
    }),
  },
  'content-creator': {
    title: 'Content creator',
    description:
      'Pitch brands, talk with the ones that reply, produce sponsored content worth $800 a deal: $4800 in 12 weeks.',
    plan: (start) => ({
      hoursPerWeek: 8,
      workdaysPerWeek: 5,
      goal: { target: 4800, unit: 'USD', start, deadline: addDays(start, TWELVE_WEEKS), valuePerUnit: 800 },
      stages: [
        { activity: 'brand pitches', minutesPerUnit: 15 },
        { activity: 'brand conversations', minutesPerUnit: 20, conversionFromPrevious: 0.2 },
        { activity: 'sponsorships', minutesPerUnit: 180, conversionFromPrevious: 0.3 },
      ],
    }),
  },
  coach: {
    title: 'Coach',
    description:
      'Outreach messages book free discovery sessions; some become clients at $1200 a programme: $7200 in 12 weeks.',
    plan: (start) => ({
      hoursPerWeek: 5,
      workdaysPerWeek: 5,
      goal: { target: 7200, unit: 'USD', start, deadline: addDays(start, TWELVE_WEEKS), valuePerUnit: 1200 },
      stages: [
        { activity: 'outreach messages', minutesPerUnit: 10 },
        { activity: 'discovery sessions', minutesPerUnit: 45, conversionFromPrevious: 0.15 },
        { activity: 'clients', minutesPerUnit: 60, conversionFromPrevious: 0.3 },
      ],
    }),
  },
};

/**
 * The ready-made funnels, in the order they are offered.
 *
 * @example funnelTemplates()[0].plan('2026-01-05').stages[0] // { activity: 'calls', minutesPerUnit: 6 }
 */
export function funnelTemplates(): FunnelTemplate[] {
  return funnelTemplateKeys.map((key) => ({ key, ...templates[key] }));
}

/**
 * One template's plan, twelve weeks from `start`.
 *
 * @example funnelTemplatePlan('network-marketing', '2026-01-05').goal // { target: 12, unit: 'recruits', … }
 */
export function funnelTemplatePlan(key: FunnelTemplateKey, start: CalendarDate): Plan {
  return templates[key].plan(start);
}

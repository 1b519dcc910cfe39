import type { CalendarDate } from '../time/calendar-date.js';
import type { GoalSource } from './goal-source.js';

/** How the data points of a goal add up to its actual value. */
export const aggregates = ['sum', 'last', 'max', 'count'] as const;
export type Aggregate = (typeof aggregates)[number];

/** `up`: more is better (income, recruits); `down`: less is better (weight, debt). */
export const directions = ['up', 'down'] as const;
export type Direction = (typeof directions)[number];

/** The goal hierarchy, from the long-term dream down to the month. */
export const goalLevels = ['dream', 'yearly', 'quarterly', 'monthly'] as const;
export type GoalLevel = (typeof goalLevels)[number];

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** A SMARTER goal: each field answers one of the ten dimensions the goal check scores. */
export interface Goal {
  id: string;
  workspaceId: string;
  title: string;
  level: GoalLevel | null;
  unit: string | null;
  aggregate: Aggregate;
  direction: Direction;
  baseline: number;
  target: number | null;
  startDate: CalendarDate | null;
  deadline: CalendarDate | null;
  /** Meaningful: the dream or lifestyle this goal serves. */
  why: string | null;
  /** Relevant: the bigger goal this one leads to. */
  parentId: string | null;
  /** Systematized: scripts, templates, schedules and tools. */
  systems: string | null;
  /** Responsible. */
  owner: string | null;
  partner: string | null;
  /** Track-able: where the numbers come from, read live (goal-source.ts). */
  source: GoalSource;
  /** Lifestyle constraints: hours a week available for this goal, and days off. */
  hoursPerWeek: number | null;
  daysOff: Weekday[];
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One logged measurement of a goal. */
export interface DataPoint {
  id: string;
  goalId: string;
  date: CalendarDate;
  value: number;
  note: string | null;
  createdAt: string;
}

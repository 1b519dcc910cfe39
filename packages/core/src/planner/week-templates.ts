import type { ActivityClass } from '../activities/activity.js';
import type { Weekday } from '../goals/goal.js';
import type { BlockKind } from './planner.js';

/** A block of a template that ships with Bigrock: its days, its times, an activity by name or a kind. */
export interface ShippedBlock {
  days: Weekday[];
  start: string;
  end: string;
  activity?: string;
  kind?: BlockKind;
  note: string;
}

/** A weekly template that ships with Bigrock; applying it makes the activities it names when missing. */
export interface ShippedTemplate {
  name: string;
  description: string;
  /** The activities its blocks name, with the class each is made with. */
  activities: Array<{ name: string; activityClass: ActivityClass }>;
  blocks: ShippedBlock[];
}

const workdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * The weekly templates that ship with Bigrock: seed 000's social-media week, a freelancer's and a
 * coach's.
 *
 * @example shippedTemplates.map(({ name }) => name) // ['social-selling', 'freelancer', 'coach']
 */
export const shippedTemplates: readonly ShippedTemplate[] = [
  {
    name: 'social-selling',
    description:
      "Seed 000's week: the week's posts and invitations in one Monday window, Facebook one hour a working day and not otherwise, the rest spent talking to people and selling.",
    activities: [
      { name: 'posts and invitations', activityClass: 'supporting' },
      { name: 'Facebook', activityClass: 'supporting' },
      { name: 'conversations', activityClass: 'income' },
      { name: 'team training', activityClass: 'supporting' },
    ],
    blocks: [
      {
        days: ['mon'],
        start: '09:00',
        end: '11:00',
        activity: 'posts and invitations',
        note: "Schedule the week's posts and invite new friends, in one sitting",
      },
      {
        days: workdays,
        start: '13:00',
        end: '14:00',
        activity: 'Facebook',
        note: 'Comment, like, the daily dose of fun and value; Facebook stays closed outside this hour',
      },
      {
        days: ['tue', 'wed', 'thu', 'fri'],
        start: '09:00',
        end: '11:00',
        activity: 'conversations',
        note: 'Messenger with Facebook closed: talk to people, notifications off',
      },
      { days: workdays, start: '11:00', end: '12:00', kind: 'deep-work', note: 'The big rock of the day' },
      { days: workdays, start: '12:00', end: '13:00', kind: 'break', note: 'Lunch, away from the screen' },
      {
        days: workdays,
        start: '14:00',
        end: '16:00',
        activity: 'conversations',
        note: 'Selling and the profitable activities: follow-ups, presentations',
      },
      {
        days: ['wed'],
        start: '16:00',
        end: '17:00',
        activity: 'team training',
        note: 'One-on-one training, ready-made posts and lead magnets for the team',
      },
      { days: ['fri'], start: '16:00', end: '17:00', kind: 'admin', note: 'Review the week, plan the next one' },
    ],
  },
  {
    name: 'freelancer',
    description:
      'Client work in the mornings, outreach before it is needed, meetings kept to two afternoons, admin once a week.',
    activities: [
      { name: 'client work', activityClass: 'income' },
      { name: 'outreach', activityClass: 'income' },
    ],
    blocks: [
      {
        days: workdays,
        start: '09:00',
        end: '12:00',
        activity: 'client work',
        note: 'Deep work on the client project, notifications off',
      },
      { days: workdays, start: '12:00', end: '13:00', kind: 'break', note: 'Lunch' },
      {
        days: ['mon', 'wed'],
        start: '13:00',
        end: '14:00',
        activity: 'outreach',
        note: 'Pitches and follow-ups: the pipeline',
      },
      {
        days: ['tue', 'thu'],
        start: '14:00',
        end: '16:00',
        kind: 'meetings',
        note: 'Calls with clients, only on these afternoons',
      },
      {
        days: ['mon', 'wed', 'fri'],
        start: '14:00',
        end: '16:00',
        activity: 'client work',
        note: 'Second block of client work',
      },
      { days: ['fri'], start: '16:00', end: '17:00', kind: 'admin', note: 'Invoices, time sheets, the next week' },
    ],
  },
  {
    name: 'coach',
    description: 'Sessions grouped on three days, discovery calls every afternoon, content batched on Monday.',
    activities: [
      { name: 'coaching sessions', activityClass: 'income' },
      { name: 'discovery calls', activityClass: 'income' },
      { name: 'content', activityClass: 'supporting' },
    ],
    blocks: [
      {
        days: ['mon'],
        start: '09:00',
        end: '11:00',
        activity: 'content',
        note: "The week's posts and newsletter, batched",
      },
      {
        days: ['tue', 'wed', 'thu'],
        start: '09:00',
        end: '12:00',
        activity: 'coaching sessions',
        note: 'Clients back to back',
      },
      { days: workdays, start: '12:00', end: '13:00', kind: 'break', note: 'Lunch' },
      { days: workdays, start: '14:00', end: '15:00', activity: 'discovery calls', note: 'Calls with new prospects' },
      { days: ['mon'], start: '11:00', end: '12:00', kind: 'deep-work', note: 'Programmes and materials' },
      { days: ['fri'], start: '09:00', end: '12:00', kind: 'deep-work', note: 'Programmes and materials' },
      { days: ['fri'], start: '15:00', end: '16:00', kind: 'admin', note: 'Notes, invoices, the next week' },
    ],
  },
];

/** A shipped template by name, any case; undefined when none has it. */
export function findShippedTemplate(name: string): ShippedTemplate | undefined {
  const wanted = name.trim().toLowerCase();
  return shippedTemplates.find((template) => template.name === wanted);
}

import type { Bigrock } from '../bigrock.js';

/**
 * A week to review (2027-W03, Monday 18 to Sunday 24 January 2027) and the one before it, in a
 * EUR workspace with a target rate of 120: 2 h of calls against a 5 h target, 3 h of networking
 * that brought nothing, 1 h of email (waste), 600 EUR credited to calls and 100 USD (at 0.9).
 * The week before: 10 h of calls and 1,000 EUR.
 */
export async function seedReviewWeek(bigrock: Bigrock): Promise<void> {
  await bigrock.money.update({ currency: 'EUR', targetHourlyRate: 120, exchangeRates: { USD: 0.9 } });
  await bigrock.activities.create({
    name: 'Calls',
    unit: 'calls',
    rate: 10,
    ratePeriod: 'day',
    minutesPerUnit: 6,
    activityClass: 'income',
    startDate: '2027-01-04',
  });
  await bigrock.activities.create({
    name: 'Networking',
    unit: 'events',
    activityClass: 'income',
    startDate: '2027-01-04',
  });
  await bigrock.activities.create({ name: 'Email', unit: 'emails', activityClass: 'waste', startDate: '2027-01-04' });
  await bigrock.activities.log('Calls', { count: 20, date: '2027-01-18' });
  await bigrock.goals.create({
    title: 'Recruits',
    unit: 'recruits',
    target: 10,
    startDate: '2027-01-01',
    deadline: '2027-06-30',
  });
  const entries: Array<[string, string, string]> = [
    ['calls', '2027-01-18 09:00', '2027-01-18 10:00'],
    ['Calls', '2027-01-19 09:00', '2027-01-19 10:00'],
    ['Networking', '2027-01-20 18:00', '2027-01-20 21:00'],
    ['Email', '2027-01-21 08:00', '2027-01-21 09:00'],
    ['Calls', '2027-01-11 08:00', '2027-01-11 18:00'],
  ];
  for (const [activity, start, end] of entries) await bigrock.entries.add({ activity, start, end });
  await bigrock.outcomes.add({ kind: 'revenue', amount: 600, currency: 'EUR', date: '2027-01-19', activity: 'Calls' });
  await bigrock.outcomes.add({ kind: 'revenue', amount: 100, currency: 'USD', date: '2027-01-24' });
  await bigrock.outcomes.add({ kind: 'revenue', amount: 1000, currency: 'EUR', date: '2027-01-15' });
  await bigrock.outcomes.add({ kind: 'client', amount: 1, date: '2027-01-20', channel: 'referral' });
}

import type { Goal } from '@bigrock/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

import { formatDate, formatNumber, formatQuantity } from '../../shared/format';
import { aggregateLabels, directionLabels, levelLabels, sourceKindLabels, weekdayLabels } from './goal-labels';

const notSet = <span className="muted">not set</span>;

/** The SMARTER fields of a goal as written, so the check's fixes can be read against them. */
export function GoalFacts({
  goal,
  source,
}: {
  goal: Goal;
  /** What feeds it, in words; null for manual. */ source: string | null;
}) {
  const facts: Array<[term: string, value: ReactNode]> = [
    ['Why it matters', goal.why],
    ['Level', goal.level && levelLabels[goal.level]],
    ['Parent goal', goal.parentId && <Link to={`/goals/${goal.parentId}`}>Open the parent goal</Link>],
    ['Target', goal.target === null ? null : formatQuantity(goal.target, goal.unit)],
    ['Baseline', formatQuantity(goal.baseline, goal.unit)],
    ['How logged values add up', aggregateLabels[goal.aggregate]],
    ['Better when the number goes', directionLabels[goal.direction]],
    ['Start date', goal.startDate && formatDate(goal.startDate)],
    ['Deadline', goal.deadline && formatDate(goal.deadline)],
    ['Systems', goal.systems],
    ['Owner', goal.owner],
    ['Accountability partner', goal.partner],
    ['Where the numbers come from', source ?? sourceKindLabels[goal.source.kind]],
    ['Hours per week', goal.hoursPerWeek === null ? null : `${formatNumber(goal.hoursPerWeek)} h`],
    ['Days off', goal.daysOff.length === 0 ? null : goal.daysOff.map((day) => weekdayLabels[day]).join(', ')],
  ];
  return (
    <section className="panel" aria-labelledby="goal-facts-heading">
      <h2 id="goal-facts-heading">The goal, as written</h2>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term} className="fact">
            <dt>{term}</dt>
            <dd>{value === null || value === '' ? notSet : value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

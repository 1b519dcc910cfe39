import type { Goal, Pace } from '@bigrock/core';
import type { ReactNode } from 'react';

import { formatDate, formatDays, formatDelta, formatNumber, formatQuantity } from '../../shared/format';
import { StatusBadge } from './StatusBadge';

function bufferText(bufferDays: number | null): string {
  if (bufferDays === null) return '—';
  if (bufferDays === 0) return 'none, on the line';
  return bufferDays > 0 ? `${formatDays(bufferDays)} ahead` : `${formatDays(bufferDays)} behind`;
}

function projectedText(pace: Pace): string {
  return pace.projectedDate === null ? 'not at the recent rate' : formatDate(pace.projectedDate);
}

interface PaceSummaryProps {
  goal: Goal;
  pace: Pace | null;
  /** The detail page shows every number; a dashboard card only the ones that tell the story. */
  detailed?: boolean;
}

/** Where a goal stands against its line: actual against target, delta, buffer and projected date. */
export function PaceSummary({ goal, pace, detailed = false }: PaceSummaryProps) {
  if (pace === null) {
    return (
      <p className="muted">
        No pace yet: set a target, a start date and a deadline after it, and Bigrock draws the line to follow.
      </p>
    );
  }
  const target = goal.target ?? 0;
  return (
    <dl className="pace-summary">
      {detailed && <PaceFact term="Status" value={<StatusBadge status={pace.status} />} />}
      <PaceFact term="Actual / target" value={`${formatNumber(pace.actual)} / ${formatQuantity(target, goal.unit)}`} />
      {detailed && <PaceFact term="Expected by now" value={formatQuantity(pace.expected, goal.unit)} />}
      <PaceFact term="Delta" value={formatDelta(pace.delta, goal.unit)} className={`delta-${pace.status}`} />
      <PaceFact term="Buffer" value={bufferText(pace.bufferDays)} />
      <PaceFact term="Projected" value={projectedText(pace)} />
      {detailed && goal.deadline && <PaceFact term="Deadline" value={formatDate(goal.deadline)} />}
    </dl>
  );
}

function PaceFact({ term, value, className }: { term: string; value: ReactNode; className?: string }) {
  return (
    <div className="pace-fact">
      <dt>{term}</dt>
      <dd className={className}>{value}</dd>
    </div>
  );
}

import type { ActivityPace } from '@bigrock/core';

import { formatDelta, formatNumber, formatQuantity } from '../../shared/format';
import { StatusBadge } from '../goals/StatusBadge';
import { formatStreak } from './activity-labels';

const periodNames = { day: 'Today', week: 'This week', month: 'This month' } as const;

/** Where an activity stands: the period in progress, the line, the buffer and the streak. */
export function ActivityPaceSummary({ pace, unit }: { pace: ActivityPace | null; unit: string }) {
  if (pace === null)
    return <p className="muted">No target rate yet: give it one to get a line, a buffer and a streak.</p>;
  return (
    <dl className="pace-summary">
      <div className="pace-fact">
        <dt>Status</dt>
        <dd>
          {pace.onBreak ? <span className="badge badge-none">on a break</span> : <StatusBadge status={pace.status} />}
        </dd>
      </div>
      <div className="pace-fact">
        <dt>{periodNames[pace.period.unit]}</dt>
        <dd>
          {formatNumber(pace.period.done)} / {formatQuantity(pace.period.target, unit)}
        </dd>
      </div>
      <div className="pace-fact">
        <dt>Since the start</dt>
        <dd>
          {formatNumber(pace.actual)} / {formatNumber(pace.expected)}
        </dd>
      </div>
      <div className="pace-fact">
        <dt>Delta</dt>
        <dd className={`delta-${pace.status}`}>{formatDelta(pace.delta, unit)}</dd>
      </div>
      <div className="pace-fact">
        <dt>Buffer</dt>
        <dd>{formatDelta(pace.bufferDays, 'working days')}</dd>
      </div>
      <div className="pace-fact">
        <dt>Streak</dt>
        <dd>
          {formatStreak(pace.streak.current, pace.streak.unit)}
          <span className="muted"> (best {formatStreak(pace.streak.longest, pace.streak.unit)})</span>
        </dd>
      </div>
    </dl>
  );
}

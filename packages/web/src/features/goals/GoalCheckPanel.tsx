import type { CheckStatus, GoalCheck } from '@bigrock/core';
import { useId } from 'react';

import { dimensionLabels } from './goal-labels';

const statusMarks: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗' };

interface GoalCheckPanelProps {
  check: GoalCheck;
  /** Shown under the heading, e.g. that the check follows the form as it is typed. */
  intro?: string;
}

/** The ten SMARTER dimensions, each with pass / warn / fail and the fix that would make it pass. */
export function GoalCheckPanel({ check, intro }: GoalCheckPanelProps) {
  const headingId = useId();
  return (
    <section className="panel check-panel" aria-labelledby={headingId}>
      <div className="check-header">
        <h2 id={headingId}>Goal check</h2>
        <p className="check-score" aria-live="polite">
          <strong>{check.score}</strong> / 100
        </p>
      </div>
      <meter className="check-meter" min={0} max={100} low={50} high={80} optimum={100} value={check.score}>
        {check.score} / 100
      </meter>
      {intro && <p className="muted">{intro}</p>}
      <ul className="check-list">
        {check.dimensions.map((dimension) => (
          <li key={dimension.key} className={`check-item check-${dimension.status}`} data-dimension={dimension.key}>
            <span className="check-mark" aria-hidden="true">
              {statusMarks[dimension.status]}
            </span>
            <span className="check-name">{dimensionLabels[dimension.key]}</span>
            <span className={`check-status check-status-${dimension.status}`}>{dimension.status}</span>
            {dimension.fix && <p className="check-fix">{dimension.fix}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { DripQuadrant, TriageAction, ValueSource } from '@bigrock/core';

export const actionLabels: Record<TriageAction, string> = {
  drop: 'Drop',
  automate: 'Automate',
  delegate: 'Delegate',
  batch: 'Batch',
  produce: 'Produce',
};

export const quadrantLabels: Record<DripQuadrant, string> = {
  delegate: 'Delegate quadrant: earns nothing, drains you',
  replace: 'Replace quadrant: earns, but drains you',
  invest: 'Invest quadrant: earns nothing, energizes you',
  produce: 'Produce quadrant: earns and energizes you',
};

export const valueSourceLabels: Record<ValueSource, string> = {
  'hourly-value': 'your hourly value (revenue ÷ hours tracked)',
  'target-rate': 'your target hourly rate: there is no hourly value yet (no revenue or no hours tracked)',
  none: 'nothing yet',
};

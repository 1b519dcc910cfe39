import type { CalendarDate } from '@bigrock/core';

import { LogForm } from '../../shared/LogForm';
import { goalsApi } from './goals-api';

/** A number and a date, and the goal's pace, chart and check are brought up to date. */
export function LogProgressForm({ goalId, unit, today }: { goalId: string; unit: string | null; today: CalendarDate }) {
  return (
    <LogForm
      heading="Log progress"
      amountLabel="Value"
      amountField="value"
      amountHint={unit ? `In ${unit}.` : undefined}
      amountMissing="Enter the number to log, e.g. 8."
      submitLabel="Log progress"
      today={today}
      save={({ amount, date, note }) => goalsApi.logProgress(goalId, { value: amount, date, note })}
    />
  );
}

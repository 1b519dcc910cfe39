import type { CalendarDate } from '@bigrock/core';

import { LogForm } from '../../shared/LogForm';
import { activitiesApi } from './activities-api';
import { countProblem } from './activity-labels';

/** A count on a day: "8 calls on Tuesday". */
export function ActivityLogForm({
  activityId,
  unit,
  today,
}: {
  activityId: string;
  unit: string;
  today: CalendarDate;
}) {
  return (
    <LogForm
      heading="Log a count"
      amountLabel="Count"
      amountField="count"
      amountHint={`How many ${unit}.`}
      amountMissing={`Give how many ${unit}, e.g. 8.`}
      checkAmount={(count) => countProblem(count, unit)}
      min={0}
      submitLabel="Log count"
      today={today}
      save={({ amount, date, note }) => activitiesApi.log(activityId, { count: amount, date, note })}
    />
  );
}

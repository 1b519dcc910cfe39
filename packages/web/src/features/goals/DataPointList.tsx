import type { DataPoint } from '@bigrock/core';

import { LoggedList } from '../../shared/LoggedList';
import { goalsApi } from './goals-api';

/** The goal's logged progress, newest first, each changed in place or removed (with undo) when it was a mistake. */
export function DataPointList({ points, unit }: { points: DataPoint[]; unit: string | null }) {
  return (
    <LoggedList
      heading="Logged progress"
      amountHeading={unit ?? 'Value'}
      rows={points.map(({ id, date, value, note }) => ({ id, date, amount: value, note }))}
      remove={(id) => goalsApi.deleteDataPoint(id)}
      edit={(id, { date, amount, note }) => goalsApi.editDataPoint(id, { date, value: amount, note })}
    />
  );
}

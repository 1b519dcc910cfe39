import { weekdays, type Weekday } from '@bigrock/core';

import { Field } from '../../shared/Field';
import { weekdayLabels } from '../goals/goal-labels';

/** A block's day and hours on the workspace's clocks, as the add and change forms hold them. */
export interface BlockTime {
  weekday: Weekday;
  start: string;
  /** 00:00 in the field: the end of the day, 24:00 to the API. */
  end: string;
}

/** A block's time as the API takes it: a block that ends at midnight ends at 24:00. */
export const blockTimeInput = ({ weekday, start, end }: BlockTime): BlockTime => ({
  weekday,
  start,
  end: end === '00:00' ? '24:00' : end,
});

/** A block's time as the fields show it: a time input cannot hold 24:00. */
export const blockTimeFields = ({ weekday, start, end }: BlockTime): BlockTime => ({
  weekday,
  start,
  end: end === '24:00' ? '00:00' : end,
});

/** Day, From and To of a block; the server's error about the end shown beside To. */
export function BlockTimeFields({
  value,
  onChange,
  endError,
}: {
  value: BlockTime;
  onChange(time: BlockTime): void;
  endError: string | undefined;
}) {
  return (
    <>
      <Field
        label="Day"
        control={(props) => (
          <select
            {...props}
            value={value.weekday}
            onChange={(event) => onChange({ ...value, weekday: event.target.value as Weekday })}
          >
            {weekdays.map((day) => (
              <option key={day} value={day}>
                {weekdayLabels[day]}
              </option>
            ))}
          </select>
        )}
      />
      <Field
        label="From"
        control={(props) => (
          <input
            {...props}
            type="time"
            value={value.start}
            onChange={(event) => onChange({ ...value, start: event.target.value })}
          />
        )}
      />
      <Field
        label="To"
        error={endError}
        control={(props) => (
          <input
            {...props}
            type="time"
            value={value.end}
            onChange={(event) => onChange({ ...value, end: event.target.value })}
          />
        )}
      />
    </>
  );
}

import { dateFormatNames, matchColumns, type CsvField, type DateFormatName } from '@bigrock/core';
import { useId } from 'react';

import { Field } from '../../shared/Field';
import { SelectField, type SelectOption } from '../../shared/SelectField';
import { chooseColumn, type ColumnMapping } from './choose-column';

/** The fields an import reads, in plain words. Amount is left out: it tells Toggl from Clockify, and gives Toggl's rate. */
type ReadField = Exclude<CsvField, 'amount'>;

const fieldLabels: Record<ReadField, string> = {
  start: 'Start (date and time)',
  startDate: 'Start date',
  startTime: 'Start time',
  end: 'End (date and time)',
  endDate: 'End date',
  endTime: 'End time',
  duration: 'Duration',
  durationDecimal: 'Duration (decimal)',
  activity: 'Activity',
  project: 'Project',
  description: 'Description',
  task: 'Task',
  note: 'Note',
  tags: 'Tags',
  client: 'Client',
  billable: 'Billable (yes or no)',
  rate: 'Rate per hour',
  currency: 'Currency',
  id: 'Entry ID',
  user: 'User',
  email: 'Email',
};

/** What every import needs: when an entry starts, when it ends or how long it lasts, and what it was. */
const neededGroups: ReadonlyArray<{ legend: string; fields: readonly ReadField[] }> = [
  { legend: 'When each entry starts', fields: ['start', 'startDate', 'startTime'] },
  { legend: 'When it ends, or how long it lasts', fields: ['end', 'endDate', 'endTime', 'duration'] },
  { legend: 'What it was', fields: ['activity', 'project', 'description'] },
];

const otherFields: readonly ReadField[] = [
  'tags',
  'note',
  'task',
  'client',
  'billable',
  'rate',
  'currency',
  'durationDecimal',
  'id',
  'user',
  'email',
];

const NOT_IN_FILE = '';

const dateFormatOptions: ReadonlyArray<SelectOption<DateFormatName | ''>> = [
  { value: '', label: 'Detect automatically' },
  ...dateFormatNames.map((name) => ({ value: name, label: name })),
];

/** Every zone the browser knows, offered as the user types one. */
const timeZones = Intl.supportedValuesOf('timeZone');

const headerLabel = (header: string, index: number) =>
  header.trim() === '' ? `Column ${index + 1} (no name)` : header;

interface CsvColumnsProps {
  headers: readonly string[];
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  dateFormat: DateFormatName | '';
  onDateFormatChange: (dateFormat: DateFormatName | '') => void;
  timeZone: string;
  onTimeZoneChange: (timeZone: string) => void;
  workspaceZone: string;
}

/**
 * Which column of a CSV gives what, preselected with Bigrock's guesses from the headers (core's
 * `matchColumns`, the same the server makes), and how its dates and times are written.
 */
export function CsvColumns({
  headers,
  mapping,
  onMappingChange,
  dateFormat,
  onDateFormatChange,
  timeZone,
  onTimeZoneChange,
  workspaceZone,
}: CsvColumnsProps) {
  const headingId = useId();
  const zoneListId = useId();
  const guessed = matchColumns(headers).columns;
  const columns = matchColumns(headers, mapping).columns;

  const columnSelect = (field: ReadField) => {
    const column = columns[field];
    // The server's mapping can name a column for a field, not take away the one it found by itself.
    const canBeLeftOut = guessed[field] === undefined || column === undefined;
    const options: Array<SelectOption<string>> = [
      ...(canBeLeftOut ? [{ value: NOT_IN_FILE, label: '— not in this file —' }] : []),
      ...headers.map((header, index) => ({ value: String(index), label: headerLabel(header, index) })),
    ];
    return (
      <SelectField
        key={field}
        label={fieldLabels[field]}
        value={column === undefined ? NOT_IN_FILE : String(column)}
        options={options}
        onChange={(value) =>
          onMappingChange(chooseColumn(headers, mapping, field, value === NOT_IN_FILE ? null : Number(value)))
        }
      />
    );
  };

  const otherFound = otherFields.flatMap((field) => {
    const column = columns[field];
    return column === undefined ? [] : [`${fieldLabels[field]} from “${headerLabel(headers[column] ?? '', column)}”`];
  });

  return (
    <section className="csv-columns" aria-labelledby={headingId}>
      <h3 id={headingId}>Columns</h3>
      <p className="muted">
        Bigrock needs to know when each entry starts (one column with the date and time, or a date and a time), when it
        ends or how long it lasts, and what it was. It has matched the headers it knows; choose the columns it missed. A
        column it found can be swapped for another, not left out.
      </p>
      {neededGroups.map((group) => (
        <fieldset key={group.legend} className="form-section">
          <legend>{group.legend}</legend>
          <div className="field-row">{group.fields.map(columnSelect)}</div>
        </fieldset>
      ))}
      <fieldset className="form-section">
        <legend>Dates and times</legend>
        <div className="field-row">
          <SelectField
            label="Dates are written as"
            hint="Say it when no date in the file tells the order, as with 03/04/2026."
            value={dateFormat}
            options={dateFormatOptions}
            onChange={onDateFormatChange}
          />
          <Field
            label="Times in the file are in"
            hint={`A time zone such as Europe/Paris; left empty, the workspace's (${workspaceZone}).`}
            control={(props) => (
              <input
                {...props}
                type="text"
                list={zoneListId}
                autoComplete="off"
                spellCheck={false}
                placeholder={workspaceZone}
                value={timeZone}
                onChange={(event) => onTimeZoneChange(event.target.value)}
              />
            )}
          />
          <datalist id={zoneListId}>
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </fieldset>
      <details className="csv-columns-more">
        <summary>
          More columns
          {otherFound.length > 0 && `: ${otherFound.join(', ')}`}
        </summary>
        <div className="field-row">{otherFields.map(columnSelect)}</div>
      </details>
    </section>
  );
}

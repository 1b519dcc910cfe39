import type { EntryFilter } from '@bigrock/core';
import { useState, type FormEvent } from 'react';

/** What the filter form holds: texts as typed, billable as the select's value. */
interface FilterValues {
  client: string;
  project: string;
  billable: '' | 'true' | 'false';
}

const valuesOf = (filter: EntryFilter): FilterValues => ({
  client: filter.client ?? '',
  project: filter.project ?? '',
  billable: filter.billable === undefined ? '' : filter.billable ? 'true' : 'false',
});

function filterOf(values: FilterValues): EntryFilter {
  const filter: EntryFilter = {};
  if (values.client.trim() !== '') filter.client = values.client.trim();
  if (values.project.trim() !== '') filter.project = values.project.trim();
  if (values.billable !== '') filter.billable = values.billable === 'true';
  return filter;
}

/** Shows only the entries of a client, a project, billable or not: the list, its totals and the exports. */
export function EntryFilterForm({ filter, onFilter }: { filter: EntryFilter; onFilter(filter: EntryFilter): void }) {
  const [values, setValues] = useState(() => valuesOf(filter));
  const active = Object.keys(filter).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onFilter(filterOf(values));
  }

  return (
    <form className="entry-filter" aria-label="Filter entries" onSubmit={submit}>
      <div className="field">
        <label htmlFor="filter-client">Client</label>
        <input
          id="filter-client"
          name="client"
          type="text"
          value={values.client}
          onChange={(event) => setValues({ ...values, client: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-project">Project</label>
        <input
          id="filter-project"
          name="project"
          type="text"
          value={values.project}
          onChange={(event) => setValues({ ...values, project: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-billable">Billable</label>
        <select
          id="filter-billable"
          name="billable"
          value={values.billable}
          onChange={(event) =>
            setValues({
              ...values,
              billable: event.target.value === 'true' || event.target.value === 'false' ? event.target.value : '',
            })
          }
        >
          <option value="">All entries</option>
          <option value="true">Billable only</option>
          <option value="false">Not billable</option>
        </select>
      </div>
      <div className="actions entry-filter-actions">
        <button type="submit" className="button-secondary">
          Filter
        </button>
        {active && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setValues(valuesOf({}));
              onFilter({});
            }}
          >
            Show all
          </button>
        )}
      </div>
    </form>
  );
}

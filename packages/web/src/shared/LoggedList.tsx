import type { CalendarDate } from '@bigrock/core';
import { useId, useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router-dom';

import { ApiError, fieldMessage, type Deleted } from '../api/api-client';
import { DeleteButton } from './DeleteButton';
import { ErrorAlert } from './ErrorAlert';
import { Field } from './Field';
import { useFormChecks } from './form-checks';
import { formatDate, formatNumber } from './format';
import { useUndo } from './undo-context';
import { usePendingAction } from './use-pending-action';

export interface LoggedRow {
  id: string;
  date: CalendarDate;
  amount: number;
  note: string | null;
}

/** A row's fields as changed in place. */
export interface LoggedChange {
  date: CalendarDate;
  amount: number;
  /** null clears the note. */
  note: string | null;
}

interface LoggedListProps {
  heading: string;
  /** The amount column's heading: the unit, when there is one. */
  amountHeading: string;
  /** The amount's label in the row's form, and the API field its errors come back on. */
  amountLabel?: string;
  amountField?: string;
  /** Rows in the order they were logged; the list shows the newest first. */
  rows: LoggedRow[];
  remove(id: string): Promise<Deleted>;
  /** When given, each row can be changed in place. */
  edit?(id: string, change: LoggedChange): Promise<unknown>;
}

const rowName = (row: LoggedRow) => `${formatNumber(row.amount)} on ${formatDate(row.date)}`;

/**
 * What has been logged, newest first, each removable when it was a mistake (and the delete can be
 * undone): goals' progress and activities' counts. Goals' rows can also be changed in place.
 */
export function LoggedList({
  heading,
  amountHeading,
  amountLabel = 'Value',
  amountField = 'value',
  rows,
  remove,
  edit,
}: LoggedListProps) {
  const headingId = useId();
  const revalidator = useRevalidator();
  const offerUndo = useUndo();
  const { pending, error, run } = usePendingAction();
  const [editing, setEditing] = useState<string | null>(null);

  const removeRow = (row: LoggedRow) =>
    run(async () => {
      const deleted = await remove(row.id);
      await revalidator.revalidate();
      offerUndo({ what: rowName(row), deleted });
    });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ErrorAlert error={error} />
      {rows.length === 0 ? (
        <p className="muted">Nothing logged yet.</p>
      ) : (
        <table className="data-points data-cards">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="number">
                {amountHeading}
              </th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.toReversed().map((row) =>
              edit !== undefined && editing === row.id ? (
                <tr key={row.id}>
                  <td colSpan={4}>
                    <RowEditForm
                      row={row}
                      amountLabel={amountLabel}
                      amountField={amountField}
                      save={(change) => edit(row.id, change)}
                      done={() => setEditing(null)}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={row.id}>
                  <td className="date card-title">{formatDate(row.date)}</td>
                  <td className="number" data-label={amountHeading}>
                    {formatNumber(row.amount)}
                  </td>
                  <td className="note" data-label="Note">
                    {row.note}
                  </td>
                  <td className="action logged-actions">
                    {edit !== undefined && (
                      <button
                        type="button"
                        className="button-small button-secondary"
                        aria-label={`Edit ${rowName(row)}`}
                        disabled={pending}
                        onClick={() => setEditing(row.id)}
                      >
                        Edit
                      </button>
                    )}
                    <DeleteButton
                      label={`Delete ${rowName(row)}`}
                      disabled={pending}
                      onDelete={() => void removeRow(row)}
                    />
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A row's date, amount and note, changed in place; Save sends them, Cancel (or Escape) leaves them. */
function RowEditForm({
  row,
  amountLabel,
  amountField,
  save,
  done,
}: {
  row: LoggedRow;
  amountLabel: string;
  amountField: string;
  save(change: LoggedChange): Promise<unknown>;
  done(): void;
}) {
  const [amount, setAmount] = useState(String(row.amount));
  const [date, setDate] = useState(row.date);
  const [note, setNote] = useState(row.note ?? '');
  const checks = useFormChecks();
  const revalidator = useRevalidator();
  const { pending, error, run } = usePendingAction();
  const fieldError = (name: string) =>
    error instanceof ApiError && error.field === name ? fieldMessage(error) : undefined;
  const shownBesideAField = [amountField, 'date', 'note'].some((name) => fieldError(name) !== undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own = {
      amount: amount.trim() === '' ? `Enter the ${amountLabel.toLowerCase()}, e.g. 8.` : undefined,
      date: date === '' ? 'Choose the day it counts for.' : undefined,
    };
    if (!checks.passes(event.currentTarget, own)) return;
    const saved = await run(async () => {
      await save({ amount: Number(amount), date, note: note.trim() === '' ? null : note });
      await revalidator.revalidate();
    });
    if (saved) done();
  }

  return (
    <form
      className="row-edit"
      aria-label={`Change ${rowName(row)}`}
      noValidate
      onInput={checks.onInput}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') done();
      }}
    >
      <Field
        label="Date"
        error={checks.errors.date ?? fieldError('date')}
        control={(props) => (
          <input {...props} name="date" type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        )}
      />
      <Field
        label={amountLabel}
        error={checks.errors.amount ?? fieldError(amountField)}
        control={(props) => (
          <input
            {...props}
            name="amount"
            type="number"
            inputMode="decimal"
            step="any"
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
          />
        )}
      />
      <div className="row-edit-note">
        <Field
          label="Note"
          error={fieldError('note')}
          control={(props) => (
            <input {...props} type="text" value={note} onChange={(event) => setNote(event.target.value)} />
          )}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-small" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button-small button-secondary" onClick={done}>
          Cancel
        </button>
      </div>
      {!shownBesideAField && <ErrorAlert error={error} />}
    </form>
  );
}

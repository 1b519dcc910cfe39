import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { useFormChecks } from '../../shared/form-checks';
import { formatQuantity } from '../../shared/format';
import { usePendingAction } from '../../shared/use-pending-action';
import { backupUrl, restoreBackup, type RestoreResult } from './tracking-api';

/** `time_entries` → `1 time entry`, `12 time entries`: table names are plural nouns. */
const rowCount = (table: string, rows: number) => formatQuantity(rows, table.replaceAll('_', ' '));

/** `Restored: 12 time entries, 1 outcome.`: what a restore brought back, by table. */
function restoredTables(result: RestoreResult): string {
  const tables = Object.entries(result.tables).filter(([, rows]) => rows > 0);
  if (tables.length === 0) return 'The backup held no data, so this workspace is now empty.';
  return `Restored: ${tables.map(([table, rows]) => rowCount(table, rows)).join(', ')}.`;
}

/** Replace the workspace's data with a backup file's, once the user has said that is what they want. */
export function RestorePage() {
  const [file, setFile] = useState<File | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const { pending, error, run } = usePendingAction();
  const checks = useFormChecks();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const own = {
      file: file === null ? 'Choose the backup file to restore (a .json file from “Full backup”).' : undefined,
      confirm: confirmed ? undefined : 'Tick this box to say that the data here may be replaced.',
    };
    if (!checks.passes(event.currentTarget, own) || file === null) return;
    setRestored(null);
    const done = await run(async () => setRestored(await restoreBackup(file)));
    // Another restore asks again.
    if (done) setConfirmed(false);
  }

  return (
    <>
      <title>Restore a backup · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Restore a backup</h1>
          <p className="muted">
            Bring back a workspace from a full backup. What is here now is replaced: goals, activities, funnels, time
            entries and outcomes. A file that is not a valid backup changes nothing.
          </p>
        </div>
        <div className="actions">
          <Link to="/tracking">Back to tracking</Link>
        </div>
      </div>
      <section className="panel tracking-panel" aria-labelledby="restore-heading">
        <h2 id="restore-heading">Restore from a file</h2>
        <p>
          To be able to come back to what is here now,{' '}
          <a href={backupUrl} download>
            download a backup of it
          </a>{' '}
          first.
        </p>
        <form noValidate onInput={checks.onInput} onSubmit={(event) => void submit(event)}>
          <div className={checks.errors.file === undefined ? 'field' : 'field field-invalid'}>
            <label htmlFor="restore-file">Backup file</label>
            <input
              id="restore-file"
              name="file"
              aria-invalid={checks.errors.file === undefined ? undefined : true}
              aria-describedby={checks.errors.file === undefined ? undefined : 'restore-file-error'}
              type="file"
              accept=".json,application/json"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setRestored(null);
              }}
            />
            {checks.errors.file !== undefined && (
              <p id="restore-file-error" className="field-error">
                {checks.errors.file}
              </p>
            )}
          </div>
          <label className="confirm">
            <input
              type="checkbox"
              name="confirm"
              checked={confirmed}
              aria-invalid={checks.errors.confirm === undefined ? undefined : true}
              aria-describedby={checks.errors.confirm === undefined ? undefined : 'restore-confirm-error'}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            Replace all the data of this workspace with this backup
          </label>
          {checks.errors.confirm !== undefined && (
            <p id="restore-confirm-error" className="field-error">
              {checks.errors.confirm}
            </p>
          )}
          <ErrorAlert error={error} />
          {restored !== null && (
            <p role="status">
              {restoredTables(restored)} <Link to="/tracking">See your entries</Link>
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button-danger" disabled={pending}>
              {pending ? 'Restoring…' : 'Restore backup'}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}

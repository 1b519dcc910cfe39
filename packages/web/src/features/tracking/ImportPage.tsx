import { importFormats, type ImportFormat, type ImportPreviewEntry, type ImportResult } from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import { uploadImport } from './tracking-api';

const formatLabels: Record<ImportFormat, string> = {
  toggl: 'Toggl Track detailed report (CSV)',
  clockify: 'Clockify detailed report (CSV)',
  timew: 'Timewarrior (timew export, JSON)',
  activitywatch: 'ActivityWatch export (JSON)',
  ics: 'Calendar (iCalendar .ics)',
  csv: 'Another CSV',
};

type Stage =
  | { name: 'choosing' }
  | { name: 'sending'; dryRun: boolean; fraction: number }
  | { name: 'previewed'; result: ImportResult }
  | { name: 'done'; result: ImportResult };

function PreviewTable({ caption, entries }: { caption: string; entries: ImportPreviewEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <table className="data-points">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Activity</th>
          <th scope="col">Start (UTC)</th>
          <th scope="col">End (UTC)</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={`${entry.line}-${entry.start}`}>
            <td>{entry.line}</td>
            <td>{entry.activity}</td>
            <td>{entry.start.replace('T', ' ').slice(0, 16)}</td>
            <td>{entry.end === null ? 'running' : entry.end.replace('T', ' ').slice(0, 16)}</td>
            <td>{entry.tags.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Counts({ result }: { result: ImportResult }) {
  const verb = result.status === 'dry-run' ? 'would be' : 'were';
  return (
    <p className="import-counts">
      <strong>{result.added}</strong> new, <strong>{result.changed}</strong> changed and{' '}
      <strong>{result.skipped}</strong> skipped {verb} from {formatLabels[result.format]}.
    </p>
  );
}

/** Import a file: choose it, look at what it would add (nothing changes yet), then import it. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [stage, setStage] = useState<Stage>({ name: 'choosing' });
  const [error, setError] = useState<unknown>(null);

  async function send(dryRun: boolean) {
    if (file === null) return;
    setError(null);
    setStage({ name: 'sending', dryRun, fraction: 0 });
    try {
      const result = await uploadImport({ file, format, from, to, dryRun }, (fraction) =>
        setStage({ name: 'sending', dryRun, fraction }),
      );
      setStage(dryRun || result.status === 'failed' ? { name: 'previewed', result } : { name: 'done', result });
    } catch (caught) {
      setError(caught);
      setStage({ name: 'choosing' });
    }
  }

  function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(true);
  }

  const result = stage.name === 'previewed' || stage.name === 'done' ? stage.result : null;
  const sending = stage.name === 'sending';

  return (
    <>
      <title>Import · Bigrock</title>
      <div className="page-header">
        <div>
          <h1>Import</h1>
          <p className="muted">
            Bring in your history from Toggl Track, Clockify, Timewarrior, ActivityWatch, a calendar or any CSV.
            Importing the same file again adds nothing; a file with a bad row adds nothing at all.
          </p>
        </div>
        <div className="actions">
          <Link to="/tracking">Back to tracking</Link>
        </div>
      </div>
      <section className="panel tracking-panel" aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">File</h2>
        <form onSubmit={preview}>
          <div className="field-row">
            <div className="field">
              <label htmlFor="import-file">File to import</label>
              <input
                id="import-file"
                type="file"
                accept=".csv,.json,.ics,text/csv,application/json,text/calendar"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setStage({ name: 'choosing' });
                }}
              />
            </div>
            <div className="field">
              <label htmlFor="import-format">Format</label>
              <select
                id="import-format"
                value={format}
                onChange={(event) => setFormat(importFormats.find((name) => name === event.target.value) ?? '')}
              >
                <option value="">Recognise it</option>
                {importFormats.map((name) => (
                  <option key={name} value={name}>
                    {formatLabels[name]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="import-from">From (optional)</label>
              <input id="import-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="import-to">To (optional)</label>
              <input id="import-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" disabled={file === null || sending}>
              Preview import
            </button>
          </div>
        </form>
        {sending && (
          <div className="import-progress">
            <label htmlFor="import-progress">{stage.dryRun ? 'Reading the file…' : 'Importing…'}</label>
            <progress id="import-progress" max={1} value={stage.fraction} />
            <span className="small">{Math.round(stage.fraction * 100)} %</span>
          </div>
        )}
        <ErrorAlert error={error} />
      </section>
      {result !== null && (
        <section className="panel tracking-panel" aria-labelledby="import-result-heading" aria-live="polite">
          <h2 id="import-result-heading">
            {result.status === 'failed'
              ? 'Nothing can be imported yet'
              : result.status === 'dry-run'
                ? 'Preview'
                : 'Imported'}
          </h2>
          {result.status === 'failed' ? (
            <>
              <p>Fix these lines of the file and choose it again:</p>
              <ul className="import-errors">
                {result.errors.map((issue, index) => (
                  <li key={`${issue.line}-${index}`}>
                    Line {issue.line}: {issue.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <Counts result={result} />
              {result.warnings.map((warning, index) => (
                <p key={`${warning.line}-${index}`} className="notice">
                  Line {warning.line}: {warning.message}
                </p>
              ))}
              <PreviewTable caption="New entries (the first ones)" entries={result.preview.added} />
              <PreviewTable caption="Changed entries (the first ones)" entries={result.preview.changed} />
              {result.status === 'dry-run' && (
                <div className="form-actions">
                  <button
                    type="button"
                    disabled={sending || result.added + result.changed === 0}
                    onClick={() => void send(false)}
                  >
                    Import {result.added + result.changed} {result.added + result.changed === 1 ? 'entry' : 'entries'}
                  </button>
                </div>
              )}
              {result.status === 'imported' && (
                <p>
                  <Link to="/tracking">See your entries</Link>
                </p>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}

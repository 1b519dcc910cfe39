import {
  importFormats,
  STOPPED_RUNNING_MS,
  type DateFormatName,
  type ImportFormat,
  type ImportPreviewEntry,
  type ImportResult,
  type RunningChoice,
  type StaleRunningInterval,
} from '@bigrock/core';
import { useState, type FormEvent } from 'react';
import { Link, useLoaderData } from 'react-router-dom';

import { ErrorAlert } from '../../shared/ErrorAlert';
import type { ColumnMapping } from './choose-column';
import { CsvColumns } from './CsvColumns';
import { DayPicker } from './DayPicker';
import { readFileHead, type FileHead } from './read-file-head';
import { uploadImport, type ImportRequest } from './tracking-api';
import type { importLoader } from './tracking-loaders';
import { importedEntriesPath } from './tracking-paths';

const formatLabels: Record<ImportFormat, string> = {
  toggl: 'Toggl Track detailed report (CSV)',
  clockify: 'Clockify detailed report (CSV)',
  timew: 'Timewarrior (timew export, JSON)',
  activitywatch: 'ActivityWatch export (JSON)',
  ics: 'Calendar (iCalendar .ics)',
  csv: 'Another CSV',
};

const csvFormats: readonly ImportFormat[] = ['toggl', 'clockify', 'csv'];

/** A preview remembers what it was asked with: the import sends the very same. */
type Stage =
  | { name: 'choosing' }
  | { name: 'sending'; dryRun: boolean; fraction: number }
  | { name: 'previewed'; result: ImportResult; request: ImportRequest }
  | { name: 'done'; result: ImportResult };

/** The chosen file and, once read, its start. */
interface ChosenFile {
  file: File;
  head: FileHead | null;
}

function PreviewTable({ caption, entries }: { caption: string; entries: ImportPreviewEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <table className="data-points data-cards">
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
            <td data-label="Line">{entry.line}</td>
            <td data-label="Activity">{entry.activity}</td>
            <td data-label="Start (UTC)">{entry.start.replace('T', ' ').slice(0, 16)}</td>
            <td data-label="End (UTC)">{entry.end === null ? 'running' : entry.end.replace('T', ' ').slice(0, 16)}</td>
            <td data-label="Tags">{entry.tags.join(', ')}</td>
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

const runningLabels: Record<RunningChoice, string> = {
  stop: 'Stop it',
  keep: 'Keep it running as your timer',
  skip: 'Leave it out',
};

/**
 * Intervals still running in the file that started more than a day ago: shown with their start,
 * and the choice of what becomes of them (stopped, kept as the timer, or left out), made here.
 */
function RunningChoiceField({
  intervals,
  timeZone,
  choice,
  onChoose,
}: {
  intervals: StaleRunningInterval[];
  timeZone: string;
  choice: RunningChoice | '';
  onChoose(choice: RunningChoice): void;
}) {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const hours = new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(
    STOPPED_RUNNING_MS / 3_600_000,
  );
  const one = intervals.length === 1;
  const detail = (choiceName: RunningChoice) => {
    if (choiceName !== 'stop') return runningLabels[choiceName];
    const ends = intervals.map((interval) => when.format(new Date(interval.stopAt))).join(', ');
    return `${one ? 'Stop it' : 'Stop them'} at ${ends} (${hours} after ${one ? 'its' : 'each'} start: the file shows nothing after it)`;
  };
  return (
    <fieldset className="running-choice notice">
      <legend>{one ? 'Still running since more than a day' : 'Still running since more than a day, each'}</legend>
      {intervals.map((interval) => (
        <p key={interval.line}>
          Line {interval.line}: <strong>{interval.activity}</strong> has been running since{' '}
          {when.format(new Date(interval.start))}, more than a day before this import.
        </p>
      ))}
      {(['stop', 'keep', 'skip'] as const).map((name) => (
        <label key={name} className="running-choice-option">
          <input
            type="radio"
            name="import-running"
            value={name}
            checked={choice === name}
            onChange={() => onChoose(name)}
          />{' '}
          {detail(name)}
        </label>
      ))}
    </fieldset>
  );
}

/** Import a file: choose it, look at what it would add (nothing changes yet), then import it. */
export function ImportPage() {
  const { timeZone: workspaceZone } = useLoaderData<typeof importLoader>();
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateFormat, setDateFormat] = useState<DateFormatName | ''>('');
  const [timeZone, setTimeZone] = useState('');
  const [running, setRunning] = useState<RunningChoice | ''>('');
  const [stage, setStage] = useState<Stage>({ name: 'choosing' });
  const [error, setError] = useState<unknown>(null);

  const head = chosen?.head ?? null;
  // As the server decides: the format named, or else the file's first bytes and a header row of two columns or more.
  const isCsv =
    head !== null && (format === '' ? head.looksLikeCsv && head.headers.length >= 2 : csvFormats.includes(format));

  /** A choice changed: a preview made with the old ones no longer says what would be imported. */
  function changed() {
    setStage((current) => (current.name === 'sending' ? current : { name: 'choosing' }));
    setRunning('');
  }

  function chooseFile(file: File | null) {
    setChosen(file === null ? null : { file, head: null });
    setMapping({});
    setError(null);
    changed();
    if (file === null) return;
    readFileHead(file).then(
      (read) => setChosen((current) => (current?.file === file ? { file, head: read } : current)),
      (caught: unknown) => setError(caught),
    );
  }

  async function send(request: ImportRequest) {
    const { dryRun } = request;
    setError(null);
    setStage({ name: 'sending', dryRun, fraction: 0 });
    try {
      const result = await uploadImport(request, (fraction) => setStage({ name: 'sending', dryRun, fraction }));
      setStage(
        dryRun || result.status === 'failed' ? { name: 'previewed', result, request } : { name: 'done', result },
      );
    } catch (caught) {
      setError(caught);
      setStage({ name: 'choosing' });
    }
  }

  function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen === null) return;
    void send({
      file: chosen.file,
      format,
      from,
      to,
      dryRun: true,
      mapping: isCsv ? mapping : {},
      dateFormat: isCsv ? dateFormat : '',
      timeZone: isCsv ? timeZone.trim() : '',
    });
  }

  const result = stage.name === 'previewed' || stage.name === 'done' ? stage.result : null;
  const undecided = result?.staleRunning.filter((interval) => interval.choice === null) ?? [];
  const toImport =
    (result?.added ?? 0) + (result?.changed ?? 0) + (running === 'stop' || running === 'keep' ? undecided.length : 0);
  const sending = stage.name === 'sending';
  const headerIssues = isCsv && result?.status === 'failed' && result.errors.some((issue) => issue.line === 1);

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
                onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
              />
            </div>
            <div className="field">
              <label htmlFor="import-format">Format</label>
              <select
                id="import-format"
                value={format}
                onChange={(event) => {
                  setFormat(importFormats.find((name) => name === event.target.value) ?? '');
                  changed();
                }}
              >
                <option value="">Recognise it</option>
                {importFormats.map((name) => (
                  <option key={name} value={name}>
                    {formatLabels[name]}
                  </option>
                ))}
              </select>
            </div>
            <DayPicker
              id="import-from"
              label="From (optional)"
              value={from}
              optional
              onPick={(day) => {
                setFrom(day);
                changed();
              }}
            />
            <DayPicker
              id="import-to"
              label="To (optional)"
              value={to}
              optional
              onPick={(day) => {
                setTo(day);
                changed();
              }}
            />
          </div>
          {isCsv && (
            <CsvColumns
              headers={head.headers}
              mapping={mapping}
              onMappingChange={(next) => {
                setMapping(next);
                changed();
              }}
              dateFormat={dateFormat}
              onDateFormatChange={(next) => {
                setDateFormat(next);
                changed();
              }}
              timeZone={timeZone}
              onTimeZoneChange={(next) => {
                setTimeZone(next);
                changed();
              }}
              workspaceZone={workspaceZone}
            />
          )}
          <div className="form-actions">
            <button type="submit" disabled={chosen === null || sending}>
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
              <p>
                {headerIssues
                  ? 'Choose the columns Bigrock missed under “Columns” above and preview again, or fix these lines of the file:'
                  : 'Fix these lines of the file and choose it again:'}
              </p>
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
              {stage.name === 'previewed' && undecided.length > 0 && (
                <RunningChoiceField
                  intervals={undecided}
                  timeZone={workspaceZone}
                  choice={running}
                  onChoose={setRunning}
                />
              )}
              {stage.name === 'previewed' && (
                <div className="form-actions">
                  <button
                    type="button"
                    disabled={toImport === 0 || (undecided.length > 0 && running === '')}
                    onClick={() => void send({ ...stage.request, dryRun: false, running })}
                  >
                    Import {toImport} {toImport === 1 ? 'entry' : 'entries'}
                  </button>
                  {undecided.length > 0 && running === '' && (
                    <span className="field-hint">Choose first what becomes of the running interval.</span>
                  )}
                </div>
              )}
              {result.status === 'imported' && (
                <p>
                  <Link to={importedEntriesPath(result.span, workspaceZone)}>See your entries</Link>
                </p>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}

import type {
  CreateEntryInput,
  ContinueTimerInput,
  CreateOutcomeInput,
  CsvField,
  EditTimerInput,
  DateFormatName,
  EntryFilter,
  ImportFormat,
  ImportResult,
  RunningChoice,
  Outcome,
  ResolveIdleInput,
  ReviewItem,
  SplitEntryInput,
  StartTimerInput,
  TimeEntry,
  UpdateEntryInput,
} from '@bigrock/core';

import { api, ApiError, apiUrl } from '../../api/api-client';
import { filterQuery } from './tracking-paths';

export interface TimerStart {
  started: TimeEntry;
  stopped: TimeEntry | null;
}

/** What became of idle time (see POST /timer/idle). */
export interface IdleResolution {
  /** Null when the timer was idle from its start (it is removed). */
  stopped: TimeEntry | null;
  away: TimeEntry | null;
  started: TimeEntry | null;
}

export interface Workspace {
  name: string;
  timeZone: string;
}

const range = (from: string, to: string) => `from=${from}&to=${to}`;
const entryPath = (id: string) => `/entries/${encodeURIComponent(id)}`;

export const trackingApi = {
  workspace: () => api.get<Workspace>('/workspace'),
  timer: () => api.get<{ running: TimeEntry | null }>('/timer'),
  startTimer: (input: StartTimerInput) => api.post<TimerStart>('/timer/start', input),
  stopTimer: () => api.post<TimeEntry>('/timer/stop'),
  resolveIdle: (input: ResolveIdleInput) => api.post<IdleResolution>('/timer/idle', input),
  continueTimer: (input: ContinueTimerInput = {}) => api.post<TimerStart>('/timer/continue', input),
  editTimer: (input: EditTimerInput) => api.patch<TimeEntry>('/timer', input),
  activityNames: () => api.get<{ names: string[] }>('/activity-names'),
  entries: (from: string, to: string, filter: EntryFilter = {}) =>
    api.get<TimeEntry[]>(`/entries?${range(from, to)}${filterQuery(filter)}`),
  review: (from: string, to: string) => api.get<ReviewItem[]>(`/entries/review?${range(from, to)}`),
  entry: (id: string) => api.get<TimeEntry>(entryPath(id)),
  addEntry: (input: CreateEntryInput) => api.post<TimeEntry>('/entries', input),
  updateEntry: (id: string, input: UpdateEntryInput) => api.patch<TimeEntry>(entryPath(id), input),
  splitEntry: (id: string, input: SplitEntryInput) => api.post<[TimeEntry, TimeEntry]>(`${entryPath(id)}/split`, input),
  removeEntry: (id: string) => api.delete(entryPath(id)),
  outcomes: (from: string, to: string) => api.get<Outcome[]>(`/outcomes?${range(from, to)}`),
  addOutcome: (input: CreateOutcomeInput) => api.post<Outcome>('/outcomes', input),
  removeOutcome: (id: string) => api.delete(`/outcomes/${encodeURIComponent(id)}`),
};

/** Where the browser downloads the entries of the days from `from` to `to`, as CSV or iCalendar, filtered or not. */
export const entriesExportUrl = (format: 'csv' | 'ics', from: string, to: string, filter: EntryFilter = {}) =>
  apiUrl(`/exports/entries.${format}?${range(from, to)}${filterQuery(filter)}`);

/** Where the browser downloads a full JSON backup of the workspace. */
export const backupUrl = apiUrl('/backup');

export interface ImportRequest {
  file: File;
  format: ImportFormat | '';
  from: string;
  to: string;
  dryRun: boolean;
  /** CSV: the header to read each field from, for the fields the user moved off Bigrock's guesses. */
  mapping: Partial<Record<CsvField, string>>;
  /** CSV: how the dates are written; '' lets the server tell from the file. */
  dateFormat: DateFormatName | '';
  /** The IANA zone of the file's wall-clock times; '' for the workspace's. */
  timeZone: string;
  /** What becomes of an interval still running in the file since more than a day; '' when none is chosen. */
  running?: RunningChoice | '';
}

/** Sends a file to the import endpoint; see `uploadFile`. */
export function uploadImport(request: ImportRequest, onProgress: (fraction: number) => void): Promise<ImportResult> {
  const query = new URLSearchParams();
  if (request.format !== '') query.set('format', request.format);
  if (request.from !== '') query.set('from', request.from);
  if (request.to !== '') query.set('to', request.to);
  if (request.dryRun) query.set('dryRun', 'true');
  for (const [field, header] of Object.entries(request.mapping)) {
    if (header !== undefined) query.append('map', `${field}=${header}`);
  }
  if (request.dateFormat !== '') query.set('dateFormat', request.dateFormat);
  if (request.timeZone !== '') query.set('timeZone', request.timeZone);
  if (request.running) query.set('running', request.running);
  // A file with bad rows comes back as 422 with the import's answer, which names each row.
  return uploadFile(`/imports?${query.toString()}`, request.file, onProgress, [422]);
}

/** Rows restored, by table, and the NUL characters (U+0000) taken out of the text. */
export interface RestoreResult {
  tables: Record<string, number>;
  nulCharactersRemoved: number;
}

/** Replaces the workspace's data with a backup file's; the server restores all of it or nothing. */
export function restoreBackup(file: File): Promise<RestoreResult> {
  return uploadFile('/restore', file);
}

/**
 * Sends a file to the API as the raw request body, with XMLHttpRequest so that the upload reports
 * its progress: the server reads the file as it arrives, so bytes sent are rows read.
 */
function uploadFile<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void = () => undefined,
  answerStatuses: readonly number[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { code: 'internal', message: 'The file could not be sent: is Bigrock still running?' }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      const isAnswer =
        answerStatuses.includes(xhr.status) && typeof body === 'object' && body !== null && !('error' in body);
      if ((xhr.status >= 200 && xhr.status < 300) || isAnswer) {
        onProgress(1);
        // The API is our own typed contract, as in api-client.
        resolve(body as T);
        return;
      }
      const error =
        typeof body === 'object' && body !== null && 'error' in body
          ? (body as { error: ConstructorParameters<typeof ApiError>[1] }).error
          : { code: 'internal' as const, message: `The server answered ${xhr.status}; try again.` };
      reject(new ApiError(xhr.status, error));
    };
    xhr.send(file);
  });
}

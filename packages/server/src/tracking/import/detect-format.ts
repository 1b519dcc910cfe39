import { guessCsvFormat, type ImportFormat } from '@bigrock/core';
import Papa from 'papaparse';

import { guessDelimiter } from './csv-reader.js';

/**
 * Recognises a file by its first bytes: iCalendar by BEGIN:VCALENDAR, Timewarrior by its JSON
 * array, ActivityWatch by its "buckets", and a CSV by its header row (Toggl and Clockify by their
 * columns, any other CSV as such). Null when it is none of these.
 *
 * @example detectFormat('BEGIN:VCALENDAR\r\nVERSION:2.0') // 'ics'
 */
export function detectFormat(head: string): ImportFormat | null {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(text)) return 'ics';
  if (text.startsWith('[')) return 'timew';
  if (text.startsWith('{')) return /"buckets"\s*:/.test(text) ? 'activitywatch' : null;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine === '') return null;
  const headers = Papa.parse<string[]>(firstLine, { delimiter: guessDelimiter(firstLine) }).data[0] ?? [];
  if (headers.length < 2) return null;
  return guessCsvFormat(headers);
}

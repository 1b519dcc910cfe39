import Papa from 'papaparse';

/** As much of a file as the server reads to recognise it and find its header row. */
const HEAD_BYTES = 64 * 1024;

/** What the import page needs of a file before sending it: whether it reads as a CSV, and its header row. */
export interface FileHead {
  /** False for JSON (Timewarrior, ActivityWatch) and iCalendar, which say so in their first bytes. */
  looksLikeCsv: boolean;
  headers: string[];
}

/**
 * Reads the start of a file in the browser and its header row as the server will read it: the
 * delimiter (comma, semicolon or tab) guessed from the first line, then the row parsed with it,
 * quotes and all.
 */
export async function readFileHead(file: File): Promise<FileHead> {
  const text = (await file.slice(0, HEAD_BYTES).text()).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  const looksLikeCsv = !(start.startsWith('[') || start.startsWith('{') || /^BEGIN:VCALENDAR/i.test(start));
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const { delimiter } = Papa.parse<string[]>(firstLine, { delimitersToGuess: [',', ';', '\t'] }).meta;
  const headers = Papa.parse<string[]>(text, { delimiter, preview: 1 }).data[0] ?? [];
  return { looksLikeCsv, headers };
}

import type { ImportIssue } from '@bigrock/core';

/** The bytes of a file being imported, as a file stream or an HTTP request body gives them. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

/** A problem that ends the reading of a file (not UTF-8, broken JSON, a quote never closed). */
export class ImportAbort extends Error {
  readonly issues: ImportIssue[];

  constructor(issue: ImportIssue | ImportIssue[]) {
    const issues = Array.isArray(issue) ? issue : [issue];
    super(issues[0]?.message ?? 'The file cannot be read.');
    this.name = 'ImportAbort';
    this.issues = issues;
  }
}

const encoder = new TextEncoder();
export const asBytes = (chunk: Uint8Array | string) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk);

/**
 * Reads the first `bytes` of a source to recognise its format, and gives back a source that
 * still yields everything from the first byte; `complete` when the head is all there is. `drain` reads whatever a reader left unread, so
 * that an upload completes before the answer (a reader that gave up early must not reset it).
 */
export async function peek(
  source: ByteSource,
  bytes: number,
): Promise<{ head: Uint8Array; source: ByteSource; drain(): Promise<void>; complete: boolean }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = asBytes(next.value);
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const head = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    head.set(chunk, offset);
    offset += chunk.byteLength;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* chunks;
    // A manual loop, not for-await: a reader that stops early must not destroy the source.
    while (!done) {
      const next = await iterator.next();
      if (next.done) done = true;
      else yield asBytes(next.value);
    }
  }
  async function drain(): Promise<void> {
    try {
      while (!done) done = (await iterator.next()).done === true;
    } catch {
      done = true; // The source failed; the answer is already an error.
    }
  }
  return { head, source: replay(), drain, complete: done };
}

/**
 * Decodes UTF-8 strictly (a file in another encoding is refused, not garbled) and drops a BOM.
 * `onBytes` hears of every chunk read, for progress.
 */
export async function* decodeUtf8(source: ByteSource, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 1;
  const fail = (): never => {
    throw new ImportAbort({
      line: lines,
      message: `The file is not UTF-8 text (around line ${lines}). Export it again as UTF-8, or save it as "CSV UTF-8".`,
    });
  };
  for await (const chunk of source) {
    const bytes = asBytes(chunk);
    onBytes?.(bytes.byteLength);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      return fail();
    }
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    return fail();
  }
  if (rest !== '') yield rest;
}

/**
 * Splits text into lines (LF, CRLF or CR alone, as old Mac files end them), in batches, keeping
 * their order. A CR at the end of a chunk waits for the next one: it may be half of a CRLF.
 */
export async function* splitLines(text: AsyncIterable<string>): AsyncGenerator<string[]> {
  let partial = '';
  for await (const chunk of text) {
    const combined = partial + chunk;
    const cut = combined.endsWith('\r') ? combined.length - 1 : combined.length;
    const lines = combined.slice(0, cut).split(/\r\n|\r|\n/);
    partial = (lines.pop() ?? '') + combined.slice(cut);
    if (lines.length > 0) yield lines;
  }
  if (partial !== '') yield [partial.endsWith('\r') ? partial.slice(0, -1) : partial];
}

/**
 * Text whose chunks never end with a CR: one that does is held back for the next chunk, so that
 * a CRLF is never split between two (papaparse, streaming, would read a line break in a quoted
 * field as two, and the quote before it as malformed).
 */
export async function* wholeLineBreaks(text: AsyncIterable<string>): AsyncGenerator<string> {
  let held = '';
  for await (const chunk of text) {
    const combined = held + chunk;
    if (combined.endsWith('\r')) {
      held = '\r';
      if (combined.length > 1) yield combined.slice(0, -1);
    } else {
      held = '';
      if (combined !== '') yield combined;
    }
  }
  if (held !== '') yield held;
}

/**
 * A wake-up call between two sides of a stream: one side awaits `next()`, the other calls
 * `notify()` when something changed. One waiter at a time; a call with no waiter is lost, so a
 * waiter checks its condition before it waits, and again after.
 */
export class Signal {
  private wake: (() => void) | null = null;

  next(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

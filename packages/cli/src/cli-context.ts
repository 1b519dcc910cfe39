import { formatColumns } from '@bigrock/core';
import type { Bigrock } from '@bigrock/server';
import type { openTimeEntries } from '@bigrock/server/time-entries';

/** What a command needs from the outside world, so that tests can run the program in-process. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** The real streams, when there are: for progress bars on a terminal and for large outputs. */
  outStream?: NodeJS.WriteStream;
  errStream?: NodeJS.WriteStream;
  /** Standard input, when there is one: to ask a question on a terminal. */
  inStream?: NodeJS.ReadStream;
}

export const processIo: CliIo = {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  outStream: process.stdout,
  errStream: process.stderr,
  inStream: process.stdin,
};

/** Runs `work` on what was opened, and closes it whatever happens. */
async function using<T extends { close(): Promise<void> }, R>(opened: T, work: (opened: T) => Promise<R>): Promise<R> {
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/**
 * Opens Bigrock on the data directory the environment names, runs `work`, and closes it. The
 * server's modules load here, on demand, not when the CLI starts (see withTimeEntries).
 */
export async function withBigrock<T>(io: CliIo, work: (bigrock: Bigrock) => Promise<T>): Promise<T> {
  const { loadConfig, openBigrock } = await import('@bigrock/server');
  return using(await openBigrock(loadConfig(io.env)), work);
}

/** withBigrock for the timer: the time entries alone, without loading the rest of Bigrock. */
export async function withTimeEntries<T>(
  io: CliIo,
  work: (opened: Awaited<ReturnType<typeof openTimeEntries>>) => Promise<T>,
): Promise<T> {
  const { loadConfig, openTimeEntries } = await import('@bigrock/server/time-entries');
  return using(await openTimeEntries(loadConfig(io.env)), work);
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Left-aligned columns, for the human-readable listings. */
export function printTable(io: CliIo, rows: string[][]): void {
  io.out(formatColumns(rows));
}

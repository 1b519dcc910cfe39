import { createInterface } from 'node:readline/promises';

import type { CliIo } from './cli-context.js';

/** Whether a question can be asked: standard input and standard error are a terminal. */
export const canAsk = (io: CliIo): boolean => io.inStream?.isTTY === true && io.errStream?.isTTY === true;

/**
 * Asks on the terminal (on standard error, so that standard output stays the command's own) until
 * the answer is one of `answers`, and returns it; null when no question can be asked, or when the
 * input ends (Ctrl-D). The start of an answer is enough when no other answer starts so.
 */
export async function askChoice<T extends string>(
  io: CliIo,
  question: string,
  answers: readonly T[],
): Promise<T | null> {
  const input = io.inStream;
  const output = io.errStream;
  if (input === undefined || output === undefined || !canAsk(io)) return null;
  const lines = createInterface({ input, output });
  const ended = new Promise<null>((resolve) => lines.once('close', () => resolve(null)));
  try {
    for (;;) {
      const typed = await Promise.race([lines.question(question), ended]);
      if (typed === null) return null;
      const answer = typed.trim().toLowerCase();
      const matching = answer === '' ? [] : answers.filter((candidate) => candidate.startsWith(answer));
      const found =
        answers.find((candidate) => candidate === answer) ?? (matching.length === 1 ? matching[0] : undefined);
      if (found !== undefined) return found;
      output.write(`Answer ${answers.join(', ')}.\n`);
    }
  } finally {
    lines.close();
  }
}

/**
 * Asks a yes-or-no question, no by default: true for y or yes, false for anything else (Enter,
 * Ctrl-C, Ctrl-D); null when no question can be asked, and the caller must have been told to go
 * ahead (a --yes).
 */
export async function askYesOrNo(io: CliIo, question: string): Promise<boolean | null> {
  const input = io.inStream;
  const output = io.errStream;
  if (input === undefined || output === undefined || !canAsk(io)) return null;
  const lines = createInterface({ input, output });
  const cancel = new AbortController();
  lines.once('SIGINT', () => cancel.abort());
  lines.once('close', () => cancel.abort());
  try {
    const answer = await lines.question(`${question} [y/N] `, { signal: cancel.signal });
    return /^y(es)?$/i.test(answer.trim());
  } catch {
    return false;
  } finally {
    lines.close();
  }
}

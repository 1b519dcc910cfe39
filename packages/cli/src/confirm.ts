import { createInterface } from 'node:readline/promises';

import type { CliIo } from './cli-context.js';

/**
 * Asks a yes-or-no question on the terminal: true for y or yes, false for anything else (Enter,
 * Ctrl-C, Ctrl-D). Null when standard input or standard error is not a terminal: there is no one
 * to ask, and the caller must have been told to go ahead (a --yes).
 */
export async function askOnTerminal(io: CliIo, question: string): Promise<boolean | null> {
  const input = io.inStream;
  const output = io.errStream;
  if (input?.isTTY !== true || output?.isTTY !== true) return null;
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

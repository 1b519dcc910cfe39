import { get } from 'node:http';

import { findRunningApp } from '@bigrock/server/running-app';

/** Long enough for a busy app; past it the command opens the database itself. */
const ANSWER_WITHIN_MS = 3000;

/** `today`, `today --json`, `today --date D` (or `--date=D`), in any order: what the running app can answer. */
function todayRequest(args: readonly string[]): { json: boolean; date: string | null } | null {
  if (args[0] !== 'today') return null;
  let json = false;
  let date: string | null = null;
  for (let index = 1; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--json' && !json) json = true;
    else if (arg === '--date' && date === null && index + 1 < args.length) date = args[++index] ?? '';
    else if (arg.startsWith('--date=') && date === null) date = arg.slice('--date='.length);
    else return null;
  }
  return { json, date };
}

/** The body of a 200 of the type asked for; null for anything else, whoever answered. */
function ask(url: URL, token: string, type: string): Promise<string | null> {
  return new Promise((resolve) => {
    const request = get(
      url,
      {
        headers: {
          authorization: `Bearer ${token}`,
          // The text in this terminal's locale, as the command would write it itself. (Plural rules
          // resolve the default locale as the date and number formats do, at a fraction of the cost.)
          'accept-language': new Intl.PluralRules().resolvedOptions().locale,
        },
        timeout: ANSWER_WITHIN_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        const expected = response.statusCode === 200 && response.headers['content-type']?.startsWith(type) === true;
        response.on('end', () => resolve(expected ? Buffer.concat(chunks).toString('utf8') : null));
        response.on('error', () => resolve(null));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

/**
 * `bigrock today` answered by the app running on the same data directory, which has Bigrock loaded
 * already: the command then starts in about the time Node itself takes, instead of loading and
 * opening everything for one read. Writes the answer and returns true; returns false, having written
 * nothing, whenever the app is not there or does not answer 200 (a bad date included), and the
 * command then runs as usual, with its own errors.
 */
export async function todayFromRunningApp(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
): Promise<boolean> {
  const wanted = todayRequest(args);
  if (wanted === null) return false;
  const app = findRunningApp(env);
  if (app === null) return false;
  const url = new URL('/api/v1/planner/today', app.url);
  url.searchParams.set('format', wanted.json ? 'json' : 'text');
  if (wanted.date !== null) url.searchParams.set('date', wanted.date);
  const answer = await ask(url, app.token, wanted.json ? 'application/json' : 'text/plain');
  if (answer === null) return false;
  let output = answer;
  if (wanted.json) {
    try {
      // The JSON as the command prints it: the same object, two spaces deep.
      output = `${JSON.stringify(JSON.parse(answer), null, 2)}\n`;
    } catch {
      return false;
    }
  }
  out(output);
  return true;
}

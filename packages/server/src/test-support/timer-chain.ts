/** An entry as the API, the CLI's --json and the services give it: ISO instants, end null while it runs. */
interface Span {
  id: string;
  start: string;
  end: string | null;
}

/**
 * Where timers started one after another do not follow each other exactly: each must stop at the
 * very instant the next one starts, and only the last may run. Gives one line per break, so that
 * a test shows them all; an empty list when the chain holds.
 */
export function timerChainBreaks(entries: readonly Span[]): string[] {
  const endOf = (entry: Span) => (entry.end === null ? Infinity : Date.parse(entry.end));
  const sorted = [...entries].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || endOf(a) - endOf(b));
  const breaks: string[] = [];
  sorted.forEach((entry, index) => {
    const next = sorted[index + 1];
    if (next === undefined) {
      if (entry.end !== null) breaks.push(`the last timer, ${entry.id}, is not running`);
    } else if (entry.end !== next.start) {
      breaks.push(`${entry.id} ends at ${entry.end ?? 'running'}, ${next.id} starts at ${next.start}`);
    }
  });
  return breaks;
}

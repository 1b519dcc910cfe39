/**
 * What two activity names must share to be the same activity: the name trimmed, in one Unicode
 * form (an "é" typed as one character or as "e" and an accent) and in lower case. "Calls",
 * " calls " and "CALLS" are one activity unless the user keeps one apart.
 *
 * @example activityNameKey(' Calls ') // 'calls'
 */
export function activityNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/**
 * The name among `known` that `typed` stands for: `typed` itself when it is there as written,
 * else the first known name with the same key (`activityNameKey`), else undefined.
 *
 * @example matchActivityName('calls', ['Email', 'Calls']) // 'Calls'
 * @example matchActivityName('Calls', ['calls', 'Calls']) // 'Calls'
 */
export function matchActivityName(typed: string, known: Iterable<string>): string | undefined {
  const name = typed.trim();
  const key = activityNameKey(name);
  let match: string | undefined;
  for (const candidate of known) {
    if (candidate === name) return candidate;
    if (match === undefined && activityNameKey(candidate) === key) match = candidate;
  }
  return match;
}

/**
 * Names to offer as the user types, most relevant first, each spelling once: `first` (the recent
 * ones) in their order, then the others. The case-insensitive match of `typed`'s start comes
 * before a match inside the name.
 *
 * @example suggestActivityNames('ca', ['Email', 'Calls', 'Podcast']) // ['Calls', 'Podcast']
 */
export function suggestActivityNames(typed: string, names: readonly string[], limit = 8): string[] {
  const key = activityNameKey(typed);
  const unique = [...new Set(names)];
  if (key === '') return unique.slice(0, limit);
  const starts: string[] = [];
  const inside: string[] = [];
  for (const name of unique) {
    const candidate = activityNameKey(name);
    if (candidate === key && name.trim() === typed.trim()) continue;
    if (candidate.startsWith(key)) starts.push(name);
    else if (candidate.includes(key)) inside.push(name);
  }
  return [...starts, ...inside].slice(0, limit);
}

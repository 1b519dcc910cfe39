import { readFileSync } from 'node:fs';

/**
 * Bigrock's version, from this package's package.json (one folder up from src/ and from dist/).
 * The bundle has it written in instead (scripts/bundle.mjs), so that a command reads no extra file.
 */
export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

// The types of build-if-needed.js, for its test.
export interface BuildPart {
  /** Files and folders (read recursively) that the part reads. */
  inputs: string[];
  /** Files it writes: it is stale when one is missing or older than the newest input. */
  outputs: string[];
  /** Paths under the inputs to leave out. */
  skip?: (path: string) => boolean;
}

/** A command, built when any of its parts is stale. */
export interface BuildStep {
  name: string;
  parts: BuildPart[];
  command: string[];
  cwd: string;
}

export function staleness(step: BuildStep, root: string): string | null;
export function buildIfNeeded(
  steps: BuildStep[],
  options?: { check?: boolean; log?: (line: string) => void; root?: string },
): string[];
export function buildSteps(root: string): BuildStep[];

// The types of build-if-needed.js, for its test.
export interface BuildStep {
  name: string;
  /** Files and folders (read recursively) the step reads. */
  inputs: string[];
  /** Files it writes: it is stale when one is missing or older than the newest input. */
  outputs: string[];
  /** Paths under the inputs to leave out. */
  skip?: (path: string) => boolean;
  command: string[];
  cwd: string;
}

export function staleness(step: BuildStep, root: string): string | null;
export function buildIfNeeded(
  steps: BuildStep[],
  options?: { check?: boolean; log?: (line: string) => void; root?: string },
): string[];
export function buildSteps(root: string): BuildStep[];

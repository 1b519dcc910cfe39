import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { buildIfNeeded, buildSteps, type BuildStep } from './build-if-needed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bigrock-build-if-needed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A step that copies `from` to `to` and counts its runs in `to`.runs. */
function copyStep(name: string, from: string, to: string): BuildStep {
  const script = `const fs = require('node:fs'); fs.copyFileSync(${JSON.stringify(from)}, ${JSON.stringify(to)});
    const runs = ${JSON.stringify(`${to}.runs`)}; fs.writeFileSync(runs, String(Number(fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8') : 0) + 1));`;
  return { name, parts: [{ inputs: [from], outputs: [to] }], command: [process.execPath, '-e', script], cwd: work };
}

describe('npm start builds what is missing or older than its sources, and nothing else', () => {
  it('builds every step the first time, none the second, and after a change the steps it flows into', () => {
    const source = join(work, 'src');
    mkdirSync(source);
    writeFileSync(join(source, 'app.ts'), 'one');
    const compiled = join(work, 'app.js');
    const bundled = join(work, 'bundle.js');
    // The first step reads a folder, the second the first one's output.
    const steps = [
      { ...copyStep('compile', join(source, 'app.ts'), compiled), parts: [{ inputs: [source], outputs: [compiled] }] },
      copyStep('bundle', compiled, bundled),
    ];
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const runs = (output: string) => Number(readFileSync(`${output}.runs`, 'utf8'));

    expect(buildIfNeeded(steps, { log, root: work })).toEqual(['compile', 'bundle']);
    expect(lines).toEqual(['Building compile: app.js is missing.', 'Building bundle: bundle.js is missing.']);

    lines.length = 0;
    expect(buildIfNeeded(steps, { log, root: work })).toEqual([]);
    expect(lines).toEqual(['Up to date: compile, bundle.']);
    expect([runs(compiled), runs(bundled)]).toEqual([1, 1]);

    // The outputs made ten seconds ago, then a source changed now (file systems that keep whole
    // seconds see it too).
    const past = new Date(Date.now() - 10_000);
    for (const output of [compiled, bundled]) utimesSync(output, past, past);
    writeFileSync(join(source, 'app.ts'), 'two');
    lines.length = 0;
    expect(buildIfNeeded(steps, { check: true, log, root: work })).toEqual(['compile']);
    expect(lines).toEqual(['Would build compile: src/app.ts is newer than app.js.']);
    expect(runs(compiled)).toBe(1);

    expect(buildIfNeeded(steps, { log: () => undefined, root: work })).toEqual(['compile', 'bundle']);
    expect(readFileSync(bundled, 'utf8')).toBe('two');
    expect(buildIfNeeded(steps, { log: () => undefined, root: work })).toEqual([]);
    expect([runs(compiled), runs(bundled)]).toEqual([2, 2]);
  });

  it('compares each part of a step with its own outputs, as tsc -b writes only the build info of the projects it built', () => {
    const past = new Date(Date.now() - 10_000);
    const parts = ['core', 'cli'].map((name) => {
      const input = join(work, `${name}.ts`);
      const output = join(work, `${name}.tsbuildinfo`);
      writeFileSync(input, name);
      writeFileSync(output, '');
      for (const path of [input, output]) utimesSync(path, past, past);
      return { inputs: [input], outputs: [output] };
    });
    // Like tsc -b after a change to cli alone: cli's build info is written, core's is left as it was.
    const cliInfo = JSON.stringify(join(work, 'cli.tsbuildinfo'));
    const step: BuildStep = {
      name: 'tsc',
      parts,
      command: [process.execPath, '-e', `require('node:fs').writeFileSync(${cliInfo}, 'built')`],
      cwd: work,
    };
    expect(buildIfNeeded([step], { log: () => undefined })).toEqual([]);
    writeFileSync(join(work, 'cli.ts'), 'changed');
    expect(buildIfNeeded([step], { log: () => undefined })).toEqual(['tsc']);
    expect(buildIfNeeded([step], { log: () => undefined })).toEqual([]);
  });

  it('stops at a step that fails, saying which', () => {
    const failing: BuildStep = {
      name: 'broken',
      parts: [{ inputs: [], outputs: [join(work, 'never')] }],
      command: [process.execPath, '-e', 'process.exit(3)'],
      cwd: work,
    };
    expect(() => buildIfNeeded([failing], { log: () => undefined })).toThrow('Building broken failed (exit status 3).');
  });

  it('reads no test file as an input of the TypeScript projects or the web app, which leave them out', () => {
    // A test changed after a build: tsc -b finds nothing to build and leaves the build info as it
    // was, so counting the test would make every npm start build again.
    for (const step of buildSteps(root).filter(({ name }) => name !== 'the CLI bundle')) {
      for (const part of step.parts) {
        expect(part.skip?.(join(root, 'packages/core/src/goals/goal-pace.test.ts')), step.name).toBe(true);
        expect(part.skip?.(join(root, 'packages/core/src/goals/goal-pace.ts')) ?? false, step.name).toBe(false);
      }
    }
  });

  it('finds the repository built by npm run build up to date, so that npm start builds nothing', async () => {
    // npm test builds first; on a developer's machine, run npm run build before this test.
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(root, 'scripts/build-if-needed.js'),
      '--check',
    ]);
    expect(stdout).toBe('Up to date: TypeScript, the CLI bundle, the web app.\n');
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } })
      .scripts.start;
    expect(start).toBe('node scripts/build-if-needed.js && node packages/server/dist/main.js');
  });
});

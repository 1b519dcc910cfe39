import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { openBigrock } from '../bigrock.js';
import { loadConfig } from './config.js';
import { dataDirOf } from './data-dir.js';

const root = mkdtempSync(join(tmpdir(), 'bigrock-data-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the data directory', () => {
  it('is BIGROCK_DATA, else bigrock under XDG_DATA_HOME, else under ~/.local/share', () => {
    expect(dataDirOf({ BIGROCK_DATA: '/srv/bigrock', XDG_DATA_HOME: '/xdg' })).toBe('/srv/bigrock');
    expect(dataDirOf({ XDG_DATA_HOME: '/xdg', HOME: '/home/ann' })).toBe('/xdg/bigrock');
    expect(dataDirOf({ HOME: '/home/ann' })).toBe('/home/ann/.local/share/bigrock');
  });

  it('is made readable by its owner alone, its parents with it', async () => {
    const dataDir = join(root, 'new', 'data');
    const bigrock = await openBigrock(loadConfig({ BIGROCK_DATA: dataDir, BIGROCK_TZ: 'UTC' }));
    await bigrock.close();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'new')).mode & 0o777).toBe(0o700);
  });
});

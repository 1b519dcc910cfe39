import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../config/config.js';
import { createCredentialCipher, KEY_FILE_NAME, loadCredentialKey } from './credential-cipher.js';

describe('credential sealing', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bigrock-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('makes the local key file once, mode 0600, and reads the same key after', () => {
    const dir = dataDir();
    const config = { secretKey: null, databaseUrl: null, dataDir: dir };
    const key = loadCredentialKey(config);
    expect(key).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(loadCredentialKey(config).equals(key)).toBe(true);
    chmodSync(join(dir, KEY_FILE_NAME), 0o644);
    loadCredentialKey(config);
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('takes the key from BIGROCK_SECRET_KEY, and asks for it in server mode', () => {
    const key = randomBytes(32);
    const config = loadConfig({ BIGROCK_SECRET_KEY: key.toString('base64'), DATABASE_URL: 'postgres://x/y' });
    expect(loadCredentialKey(config).equals(key)).toBe(true);
    const serverMode = loadConfig({ DATABASE_URL: 'postgres://x/y' });
    expect(() => loadCredentialKey(serverMode)).toThrow(/BIGROCK_SECRET_KEY/);
    expect(() => loadConfig({ BIGROCK_SECRET_KEY: 'short' })).toThrow(/32 random bytes/);
  });

  it('refuses a key file that is not a key', () => {
    const dir = dataDir();
    writeFileSync(join(dir, KEY_FILE_NAME), 'nope\n', { mode: 0o600 });
    expect(() => loadCredentialKey({ secretKey: null, databaseUrl: null, dataDir: dir })).toThrow(/32 bytes/);
  });

  it('seals with a fresh nonce, opens only with the same key and account, and tells tampering', () => {
    const key = randomBytes(32);
    const cipher = createCredentialCipher(() => key);
    const sealed = cipher.seal('{"token":"abc"}', 'acct1');
    expect(sealed).not.toContain('abc');
    expect(cipher.seal('{"token":"abc"}', 'acct1')).not.toBe(sealed);
    expect(cipher.open(sealed, 'acct1')).toBe('{"token":"abc"}');
    expect(() => cipher.open(sealed, 'acct2')).toThrow(/do not open/);
    expect(() => createCredentialCipher(() => randomBytes(32)).open(sealed, 'acct1')).toThrow(/do not open/);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('{"token":"abd"}').toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'acct1')).toThrow(/do not open/);
  });

  it('reads no key until credentials are sealed or opened', () => {
    let reads = 0;
    const cipher = createCredentialCipher(() => {
      reads += 1;
      return randomBytes(32);
    });
    expect(reads).toBe(0);
    cipher.open(cipher.seal('x', 'a'), 'a');
    expect(reads).toBe(1);
  });
});

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppError } from '@bigrock/core';

import type { Config } from '../config/config.js';
import { makeDataDir } from '../config/data-dir.js';

/** The key file of a local data directory: 32 random bytes in base64, readable by its owner only. */
export const KEY_FILE_NAME = 'secret.key';

const VERSION = 'v1';

/** Seals and opens credentials: AES-256-GCM, a fresh 96-bit nonce each time, bound to the account's id. */
export interface CredentialCipher {
  seal(plaintext: string, accountId: string): string;
  open(sealed: string, accountId: string): string;
}

/**
 * The key that encrypts credentials, never kept in the database: BIGROCK_SECRET_KEY when set;
 * else, locally (SQLite), a file of the data directory made on first use with mode 0600; server
 * mode (PostgreSQL) must set the variable, since app instances share no directory.
 */
export function loadCredentialKey(config: Pick<Config, 'secretKey' | 'databaseUrl' | 'dataDir'>): Buffer {
  if (config.secretKey !== null) return config.secretKey;
  if (config.databaseUrl !== null) {
    throw new AppError(
      'config',
      'Set BIGROCK_SECRET_KEY (32 bytes in base64: `openssl rand -base64 32`) to keep publishing credentials on PostgreSQL; every instance needs the same key.',
      { field: 'BIGROCK_SECRET_KEY' },
    );
  }
  const path = join(config.dataDir, KEY_FILE_NAME);
  makeDataDir(config.dataDir);
  try {
    // 'wx': of two processes making the key at once, one writes it and both read that one.
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  // Whatever the umask or a copy did to it, the key stays its owner's alone.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'config',
      `${path} is not a key of 32 bytes in base64. Restore it from where you keep it, or remove it and add your publishing accounts again.`,
      { field: 'BIGROCK_SECRET_KEY' },
    );
  }
  return key;
}

/** A cipher whose key is read when first needed, so that Bigrock starts without one until accounts are added. */
export function createCredentialCipher(readKey: () => Buffer): CredentialCipher {
  let key: Buffer | undefined;
  const keyNow = () => (key ??= readKey());
  return {
    seal(plaintext, accountId) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyNow(), nonce);
      cipher.setAAD(Buffer.from(accountId, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, nonce, cipher.getAuthTag(), body]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, accountId) {
      const [version, nonce, tag, body] = sealed.split('.');
      if (version !== VERSION || nonce === undefined || tag === undefined || body === undefined) {
        throw new AppError(
          'invalid-input',
          'These stored credentials are not in a form this Bigrock reads: add the account again.',
          { field: 'credentials' },
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyNow(), Buffer.from(nonce, 'base64url'));
        decipher.setAAD(Buffer.from(accountId, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new AppError(
          'invalid-input',
          "The account's credentials do not open with this key (was BIGROCK_SECRET_KEY or the key file changed?): set the key they were sealed with, or add the account again.",
          { field: 'credentials', cause: error },
        );
      }
    },
  };
}

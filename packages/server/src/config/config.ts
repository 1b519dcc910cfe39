import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { AppError, isTimeZone } from '@bigrock/core';

/** Everything the environment can set, parsed once at start and passed down. */
export interface Config {
  dataDir: string;
  port: number;
  host: string;
  /** Extra names the server answers to, beyond localhost and its bind address. */
  allowedHosts: string[];
  /** PostgreSQL when set; SQLite in the data directory when null. */
  databaseUrl: string | null;
  /** The zone a new workspace starts in. */
  timeZone: string;
}

export const DEFAULT_PORT = 4545;

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'bigrock');
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('config', `BIGROCK_PORT must be a port number from 0 to 65535, got "${raw}".`, {
      field: 'BIGROCK_PORT',
    });
  }
  return port;
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new AppError('config', 'DATABASE_URL must start with postgres:// (leave it unset to use SQLite).', {
      field: 'DATABASE_URL',
    });
  }
  return raw;
}

function systemTimeZone(env: NodeJS.ProcessEnv): string {
  const fromEnv = env.BIGROCK_TZ || env.TZ;
  if (fromEnv) {
    if (!isTimeZone(fromEnv)) {
      throw new AppError('config', `BIGROCK_TZ must be an IANA time zone such as Europe/Paris, got "${fromEnv}".`, {
        field: 'BIGROCK_TZ',
      });
    }
    return fromEnv;
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Reads the environment; the only place in Bigrock that looks at `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: resolve(env.BIGROCK_DATA || defaultDataDir(env)),
    port: parsePort(env.BIGROCK_PORT),
    host: env.BIGROCK_HOST || '127.0.0.1',
    allowedHosts: (env.BIGROCK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    timeZone: systemTimeZone(env),
  };
}

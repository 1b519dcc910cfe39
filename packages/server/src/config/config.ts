import { AppError, isTimeZone } from '@bigrock/core';

import { dataDirOf } from './data-dir.js';

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
  /**
   * The key that encrypts publishing credentials (BIGROCK_SECRET_KEY, 32 bytes in base64). Null:
   * a key file of the data directory, made on first use; server mode (PostgreSQL) must set it.
   */
  secretKey: Buffer | null;
  /** Bluesky: the PLC directory that resolves did:plc identities. */
  plcUrl: string;
  /** Bluesky: an XRPC service asked to resolve handles before DNS and the handle's own site; null to ask those only. */
  handleResolverUrl: string | null;
  /**
   * Delivery workers the app process runs (BIGROCK_WORKERS, default 1): on SQLite one loop
   * whatever the number, on PostgreSQL that many pg-boss workers. 0: the app delivers nothing, and
   * `bigrock worker` does it apart.
   */
  workers: number;
}

export const DEFAULT_PORT = 4545;

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

function parseWorkers(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const workers = Number(raw);
  if (!Number.isInteger(workers) || workers < 0 || workers > 32) {
    throw new AppError('config', `BIGROCK_WORKERS must be a whole number from 0 to 32, got "${raw}".`, {
      field: 'BIGROCK_WORKERS',
    });
  }
  return workers;
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

function parseSecretKey(raw: string | undefined): Buffer | null {
  if (raw === undefined || raw === '') return null;
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(raw.trim()) ? Buffer.from(raw.trim(), 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new AppError(
      'config',
      'BIGROCK_SECRET_KEY must be 32 random bytes in base64: make one with `openssl rand -base64 32`.',
      { field: 'BIGROCK_SECRET_KEY' },
    );
  }
  return key;
}

function parseServiceUrl(raw: string, name: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(raw)) {
    throw new AppError('config', `${name} must be an http(s) address, got "${raw}".`, { field: name });
  }
  return raw.replace(/\/+$/, '');
}

/** Reads the environment; the only place in Bigrock that looks at `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: dataDirOf(env),
    port: parsePort(env.BIGROCK_PORT),
    host: env.BIGROCK_HOST || '127.0.0.1',
    allowedHosts: (env.BIGROCK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    timeZone: systemTimeZone(env),
    secretKey: parseSecretKey(env.BIGROCK_SECRET_KEY),
    plcUrl: parseServiceUrl(env.BIGROCK_PLC_URL || 'https://plc.directory', 'BIGROCK_PLC_URL'),
    handleResolverUrl: env.BIGROCK_HANDLE_RESOLVER
      ? parseServiceUrl(env.BIGROCK_HANDLE_RESOLVER, 'BIGROCK_HANDLE_RESOLVER')
      : null,
    workers: parseWorkers(env.BIGROCK_WORKERS),
  };
}

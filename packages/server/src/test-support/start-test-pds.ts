import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Database as PlcDatabase, PlcServer } from '@did-plc/server';
import { PDS, envToCfg, envToSecrets, type ServerEnvironment } from '@atproto/pds';

export interface TestPds {
  /** `http://localhost:<port>`: the PDS's XRPC service, and the one that resolves its handles. */
  url: string;
  /** The PLC directory the PDS registered its accounts' DIDs in. */
  plcUrl: string;
  /** Makes an account, and an app password for it, as a person would in Bluesky's settings. */
  createAccount(name: string): Promise<{ handle: string; did: string; password: string; appPassword: string }>;
  close(): Promise<void>;
}

/** A secp256k1 private key as 64 hex digits: the PDS's PLC rotation key. */
function k256PrivateKeyHex(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const jwk = privateKey.export({ format: 'jwk' });
  return Buffer.from(jwk.d ?? '', 'base64url').toString('hex');
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/**
 * A real Bluesky PDS (`@atproto/pds`) with its own PLC directory (`@did-plc/server` on an
 * in-memory store), in this process, on free ports of localhost, with its data in a temporary
 * directory. Handles end in `.test`.
 */
export async function startTestPds(): Promise<TestPds> {
  const plc = PlcServer.create({ db: PlcDatabase.mock(), port: 0 });
  const plcServer = await plc.start();
  const plcUrl = `http://localhost:${portOf(plcServer)}`;

  const dataDirectory = mkdtempSync(join(tmpdir(), 'bigrock-pds-'));
  const port = await new Promise<number>((resolve, reject) => {
    import('node:net')
      .then(({ createServer }) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
          const free = portOf(probe as unknown as Server);
          probe.close(() => resolve(free));
        });
      })
      .catch(reject);
  });
  const env: ServerEnvironment = {
    port,
    hostname: 'localhost',
    devMode: true,
    dataDirectory,
    blobstoreDiskLocation: join(dataDirectory, 'blobs'),
    didPlcUrl: plcUrl,
    serviceHandleDomains: ['.test'],
    inviteRequired: false,
    jwtSecret: randomBytes(16).toString('hex'),
    adminPassword: randomBytes(16).toString('hex'),
    plcRotationKeyK256PrivateKeyHex: k256PrivateKeyHex(),
    rateLimitsEnabled: false,
    crawlers: [],
    disableSsrfProtection: true,
  };
  const pds = await PDS.create(envToCfg(env), envToSecrets(env));
  await pds.start();
  const url = `http://localhost:${port}`;

  async function xrpc<T>(method: string, body: unknown, token?: string): Promise<T> {
    const response = await fetch(`${url}/xrpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    url,
    plcUrl,
    async createAccount(name) {
      const handle = `${name}.test`;
      const password = randomBytes(12).toString('hex');
      const account = await xrpc<{ did: string; accessJwt: string }>('com.atproto.server.createAccount', {
        handle,
        email: `${name}@example.test`,
        password,
      });
      const { password: appPassword } = await xrpc<{ password: string }>(
        'com.atproto.server.createAppPassword',
        { name: 'bigrock' },
        account.accessJwt,
      );
      return { handle, did: account.did, password, appPassword };
    },
    async close() {
      await pds.destroy();
      await plc.destroy();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

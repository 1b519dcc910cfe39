import { Resolver } from 'node:dns/promises';

import { AppError } from '@bigrock/core';

export interface IdentityOptions {
  /** The PLC directory, for did:plc. */
  plcUrl: string;
  /** An XRPC service asked first (`com.atproto.identity.resolveHandle`); null for DNS and the handle's site only. */
  handleResolverUrl: string | null;
  timeoutMs?: number;
}

/** Where a Bluesky account lives: its DID and its PDS, found from its handle. */
export interface BlueskyIdentity {
  handle: string;
  did: string;
  pds: string;
}

const DID = /^did:(plc:[a-z2-7]{24}|web:[a-zA-Z0-9.%-]+)$/;

async function json(url: string, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function didByDns(handle: string, timeoutMs: number): Promise<string | null> {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  const records = await resolver.resolveTxt(`_atproto.${handle}`).catch(() => []);
  const dids = records.map((parts) => parts.join('')).filter((text) => text.startsWith('did='));
  return dids.length === 1 ? (dids[0]?.slice(4) ?? null) : null;
}

async function didByWellKnown(handle: string, timeoutMs: number): Promise<string | null> {
  const response = await fetch(`https://${handle}/.well-known/atproto-did`, {
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  }).catch(() => null);
  if (response === null || !response.ok) return null;
  return (await response.text()).trim().split('\n')[0] ?? null;
}

async function didByService(service: string, handle: string, timeoutMs: number): Promise<string | null> {
  const body = await json(
    `${service}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`,
    timeoutMs,
  ).catch(() => null);
  return typeof body === 'object' && body !== null && 'did' in body && typeof body.did === 'string' ? body.did : null;
}

/**
 * A handle's DID (the resolver service, then DNS `_atproto.<handle>`, then
 * `https://<handle>/.well-known/atproto-did`), its DID document (PLC directory or did:web), and the
 * PDS the document names; the document must name the handle back, so no one can claim another's.
 */
export async function resolveBlueskyIdentity(
  handle: string,
  { plcUrl, handleResolverUrl, timeoutMs = 10_000 }: IdentityOptions,
): Promise<BlueskyIdentity> {
  const did =
    (handleResolverUrl !== null ? await didByService(handleResolverUrl, handle, timeoutMs) : null) ??
    (await didByDns(handle, timeoutMs)) ??
    (await didByWellKnown(handle, timeoutMs));
  if (did === null || !DID.test(did)) {
    throw new AppError(
      'invalid-input',
      `No Bluesky account answers to ${handle}: check the handle (such as maria.bsky.social).`,
      { field: 'handle' },
    );
  }
  const documentUrl = did.startsWith('did:plc:')
    ? `${plcUrl}/${did}`
    : `https://${decodeURIComponent(did.slice('did:web:'.length))}/.well-known/did.json`;
  const document = (await json(documentUrl, timeoutMs).catch((error: unknown) => {
    throw new AppError('invalid-input', `The identity of ${handle} (${did}) could not be read: try again later.`, {
      field: 'handle',
      cause: error,
    });
  })) as { alsoKnownAs?: unknown; service?: unknown };
  const names = Array.isArray(document.alsoKnownAs) ? document.alsoKnownAs : [];
  if (!names.some((name) => typeof name === 'string' && name.toLowerCase() === `at://${handle}`)) {
    throw new AppError('invalid-input', `${did} does not name ${handle} as its handle: check the handle.`, {
      field: 'handle',
    });
  }
  const services = Array.isArray(document.service) ? (document.service as Array<Record<string, unknown>>) : [];
  const pds = services.find(
    (service) =>
      typeof service.id === 'string' &&
      (service.id === '#atproto_pds' || service.id === `${did}#atproto_pds`) &&
      service.type === 'AtprotoPersonalDataServer',
  )?.serviceEndpoint;
  if (typeof pds !== 'string' || !/^https?:\/\//.test(pds)) {
    throw new AppError('invalid-input', `${handle} names no server (PDS) in its identity: check the handle.`, {
      field: 'handle',
    });
  }
  return { handle, did, pds: pds.replace(/\/+$/, '') };
}

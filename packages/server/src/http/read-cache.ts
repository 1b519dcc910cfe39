import { gzipSync } from 'node:zlib';

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { DataVersion } from '../db/data-version.js';

/** Answers kept at a time: one per spelling of a cached route's query, a few are enough. */
const KEPT = 16;

interface Kept {
  text: string;
  /** Made on the first request that accepts it. */
  gzipped?: Buffer;
}

/** Whether Accept-Encoding names gzip, without refusing it with q=0. */
const acceptsGzip = (request: FastifyRequest) =>
  /(?:^|,)\s*gzip\s*(?:,|$|;\s*q=(?!0(?:\.0*)?\s*(?:,|$)))/i.test(request.headers['accept-encoding'] ?? '');

/**
 * Answers of costly reads kept as their JSON text, and gzipped for the clients that accept it
 * (every browser), while the data they come from is unchanged (`DataVersion`): the goals list
 * of a dashboard polled by several tabs, or by a script, is computed and compressed once per
 * change instead of once per request. `key` names everything else the answer depends on (the
 * route, its query, today's date). The version is read before the answer is computed, so an
 * answer is never kept under a version older than the data it missed.
 */
export function createReadCache(version: DataVersion) {
  const kept = new Map<string, Kept>();

  async function find(key: string, compute: () => Promise<unknown>): Promise<Kept> {
    const versioned = `${await version()}\u0000${key}`;
    const found = kept.get(versioned);
    if (found !== undefined) return found;
    const made: Kept = { text: JSON.stringify(await compute()) };
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value ?? '');
    kept.set(versioned, made);
    return made;
  }

  return {
    /** Sends the answer `compute` gives, or gave for the same key and data. */
    async send(request: FastifyRequest, reply: FastifyReply, key: string, compute: () => Promise<unknown>) {
      const answer = await find(key, compute);
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      if (!acceptsGzip(request)) return reply.send(answer.text);
      answer.gzipped ??= gzipSync(answer.text);
      return reply.header('content-encoding', 'gzip').send(answer.gzipped);
    },
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;

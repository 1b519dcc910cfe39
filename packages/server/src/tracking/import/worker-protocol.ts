import type { ImportIssue } from '@bigrock/core';

import type { PackedBatch } from './read-entries.js';

/**
 * Batches the worker may send ahead of the writes. With the chunks of the file in flight
 * (reader-worker.ts), they bound the memory an import takes.
 */
export const BATCHES_IN_FLIGHT = 4;

/** The messages to the worker: the file's bytes, their end, and "a batch was taken". */
export type ToWorker = { kind: 'bytes'; chunk: Uint8Array } | { kind: 'end' } | { kind: 'ack' };

/** The messages from the worker. */
export type FromWorker =
  | { kind: 'consumed' }
  | { kind: 'batch'; batch: PackedBatch }
  | { kind: 'done'; warnings: ImportIssue[] }
  | { kind: 'abort'; issues: ImportIssue[] }
  | { kind: 'crash'; message: string };

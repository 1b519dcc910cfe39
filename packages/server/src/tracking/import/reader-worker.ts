import { Worker } from 'node:worker_threads';

import type { ImportIssue } from '@bigrock/core';

import { importWorkerUrl } from './import-worker-url.js';
import { unpackBatch, type EntryReader, type ReaderSettings, type ReadBatch } from './read-entries.js';
import { asBytes, ImportAbort, Signal, type ByteSource } from './text-input.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** Chunks of the file sent ahead to the worker, not yet read by it, and their size. */
const CHUNKS_IN_FLIGHT = 8;
const CHUNK_BYTES = 64 * 1024;
const WORKER_HEAP_MB = 128;

/**
 * Reads a file in a worker thread (import-worker.ts): this thread sends it the bytes as they
 * come, with a bounded number in flight, and receives batches of entries ready to write.
 * Stopping early (the consumer returns or throws) ends the worker.
 */
export function readInWorker(
  source: ByteSource,
  settings: ReaderSettings,
  onBytes?: (bytes: number) => void,
): EntryReader {
  // A cap on the worker's heap makes its garbage collector keep up, instead of letting the heap
  // grow with the file: the import's memory then stays flat. Reading keeps only a few batches.
  const worker = new Worker(importWorkerUrl, {
    workerData: settings,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const inbox: FromWorker[] = [];
  let failure: unknown = null;
  let exited = false;
  let stopped = false;
  let unread = 0;
  // The last line of the batches read so far: where to look when the worker runs out of memory.
  let linesRead = 0;
  let warnings: ImportIssue[] = [];
  // The reading side waits for messages, the pump for room to send more bytes.
  const messages = new Signal();
  const room = new Signal();

  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'consumed') {
      unread--;
      room.notify();
    } else {
      inbox.push(message);
      messages.notify();
    }
  });
  worker.on('error', (error: Error & { code?: string }) => {
    failure ??=
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ImportAbort({
            line: linesRead + 1,
            message: `Reading this file past line ${linesRead} took more than ${WORKER_HEAP_MB} MB of memory. Check the rows from line ${linesRead + 1} for an unclosed quote or bracket, or import the file in parts: --from and --to take a range of days.`,
          })
        : error;
    messages.notify();
  });
  worker.on('exit', () => {
    exited = true;
    messages.notify();
    room.notify();
  });

  const send = (message: ToWorker) => worker.postMessage(message);
  const pump = (async () => {
    try {
      for await (const chunk of source) {
        const bytes = asBytes(chunk);
        // In pieces of a known size, whatever the source reads at once: the memory in flight stays small.
        for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
          while (unread >= CHUNKS_IN_FLIGHT && !stopped && !exited) await room.next();
          if (stopped || exited) return;
          // A copy of its own (a Buffer's slice would share, and transferring it would take the whole).
          const piece = new Uint8Array(bytes.subarray(at, at + CHUNK_BYTES));
          const size = piece.byteLength; // Transferred, the piece is empty here.
          unread++;
          worker.postMessage({ kind: 'bytes', chunk: piece } satisfies ToWorker, [piece.buffer]);
          onBytes?.(size);
        }
      }
      if (!stopped && !exited) send({ kind: 'end' });
    } catch (error) {
      failure ??= error;
      messages.notify();
    }
  })();

  async function* batches(): AsyncGenerator<ReadBatch> {
    try {
      for (;;) {
        const message = inbox.shift();
        if (message === undefined) {
          if (failure !== null) throw failure;
          if (exited) throw new Error('The import worker stopped before the end of the file.');
          await messages.next();
        } else if (message.kind === 'batch') {
          send({ kind: 'ack' });
          const batch = unpackBatch(message.batch);
          linesRead = batch.entries.at(-1)?.line ?? linesRead;
          yield batch;
        } else if (message.kind === 'done') {
          warnings = message.warnings;
          return;
        } else if (message.kind === 'abort') {
          throw new ImportAbort(message.issues);
        } else if (message.kind === 'crash') {
          throw new Error(`The import worker failed: ${message.message}`);
        }
      }
    } finally {
      await close();
    }
  }

  async function close(): Promise<void> {
    stopped = true;
    room.notify();
    await worker.terminate();
    await pump;
  }

  return { batches: batches(), warnings: () => warnings, close };
}

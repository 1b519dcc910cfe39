// The import's worker thread: decodes and parses the bytes the main thread sends, checks every
// row, and sends back batches of entries ready to write. Parsing a million-row file then runs on
// the second core while the main thread writes, and a server keeps answering meanwhile.
import { parentPort, workerData } from 'node:worker_threads';

import { packBatch, readEntries, type ReaderSettings } from './read-entries.js';
import { decodeUtf8, ImportAbort, Signal } from './text-input.js';
import { BATCHES_IN_FLIGHT, type FromWorker, type ToWorker } from './worker-protocol.js';

if (parentPort === null) throw new Error('import-worker.js runs as a worker thread, started by readInWorker().');
const port = parentPort;

const chunks: Uint8Array[] = [];
let ended = false;
let credit = BATCHES_IN_FLIGHT;
// Two waits that can overlap: the parser reads ahead for input while the loop below waits for credit.
const input = new Signal();
const credited = new Signal();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'ack') {
    credit++;
    credited.notify();
  } else {
    if (message.kind === 'bytes') chunks.push(message.chunk);
    else ended = true;
    input.notify();
  }
});

const send = (message: FromWorker) => port.postMessage(message);

async function* bytes(): AsyncGenerator<Uint8Array> {
  for (;;) {
    const chunk = chunks.shift();
    if (chunk !== undefined) {
      send({ kind: 'consumed' });
      yield chunk;
    } else if (ended) {
      return;
    } else {
      await input.next();
    }
  }
}

async function run(): Promise<void> {
  try {
    const reader = await readEntries(workerData as ReaderSettings, decodeUtf8(bytes()));
    for await (const batch of reader.batches) {
      while (credit === 0) await credited.next();
      credit--;
      send({ kind: 'batch', batch: packBatch(batch) });
    }
    send({ kind: 'done', warnings: reader.warnings() });
  } catch (error) {
    if (error instanceof ImportAbort) send({ kind: 'abort', issues: error.issues });
    else send({ kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

// Not awaited at the top level: the CLI's bundle of this script is CommonJS.
void run();

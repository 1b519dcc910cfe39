import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message as the receiver got it: its headers and body as sent. */
export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answer the next requests with this status (and headers) instead of 204. */
  answerNext(status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A local webhook receiver that keeps every message it gets; the test verifies them. With
 * `delayMs`, each answer comes that long after the message is kept: a sender killed meanwhile
 * never learns that it was taken.
 */
export async function startWebhookReceiver({ delayMs = 0 }: { delayMs?: number } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers: Array<{ status: number; headers: Record<string, string> }> = [];
  const server = createServer((request, response) => {
    bodyOf(request)
      .then((body) => {
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(', ') : (value ?? ''),
          ]),
        );
        received.push({ headers, body });
        const answer = answers.shift() ?? { status: 204, headers: {} };
        const reply = () =>
          response
            .writeHead(answer.status, answer.headers)
            .end(answer.status >= 400 ? 'refused by the test receiver' : '');
        if (delayMs > 0) setTimeout(reply, delayMs);
        else reply();
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/bigrock`,
    received,
    answerNext: (status, headers = {}) => void answers.push({ status, headers }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

import { countMastodon } from '@bigrock/core';

import type { Clock } from '../clock.js';

/** A status as the test instance keeps it. */
export interface TestStatus {
  id: string;
  text: string;
  spoilerText: string;
  mediaIds: string[];
  language: string | null;
  createdAt: string;
}

export interface TestMedia {
  id: string;
  description: string;
  mimeType: string;
  bytes: number;
  /** GETs of the attachment still to answer 206 before it is processed. */
  pollsLeft: number;
}

/** What a test tells the instance to do to the next request of a path (`POST /api/v1/statuses`). */
export interface InjectedFailure {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Do the work, then destroy the connection without an answer: a reply lost on the way. */
  dropReplyAfterWrite?: boolean;
}

export interface MastodonTestServer {
  url: string;
  token: string;
  statuses: TestStatus[];
  media: Map<string, TestMedia>;
  /** Every request, as `METHOD /path`, with the Idempotency-Key when one came. */
  requests: Array<{ route: string; idempotencyKey: string | null }>;
  failNext(route: string, failure: InjectedFailure): void;
  close(): Promise<void>;
}

export interface MastodonTestServerOptions {
  clock: Clock;
  domain?: string;
  username?: string;
  maxCharacters?: number;
  charactersReservedPerUrl?: number;
  /** 206 answers to GET /api/v1/media/:id before an upload is processed. */
  mediaPolls?: number;
  /** The instance's `max_media_attachments` (4) and `image_size_limit` (16 MB). */
  maxMediaAttachments?: number;
  imageSizeLimit?: number;
}

const IDEMPOTENCY_WINDOW_MS = 60 * 60_000;

/**
 * The part of a Mastodon instance Bigrock calls, written from Mastodon's API documentation:
 * `GET /api/v2/instance`, `GET /api/v1/accounts/verify_credentials`, `POST /api/v1/statuses`
 * (the Idempotency-Key kept an hour, answering a repeat with the status it made), `POST
 * /api/v2/media` (202 until processed; `GET /api/v1/media/:id` 206, then 200 with its URL), and
 * `GET /api/v1/accounts/:id/statuses`. No Mastodon server installs here; this one stands in.
 */
export async function startMastodonTestServer({
  clock,
  domain = 'social.test',
  username = 'maria',
  maxCharacters = 500,
  charactersReservedPerUrl = 23,
  mediaPolls = 2,
  maxMediaAttachments = 4,
  imageSizeLimit = 16_777_216,
}: MastodonTestServerOptions): Promise<MastodonTestServer> {
  const token = randomBytes(16).toString('hex');
  const accountId = '109000000000000001';
  const statuses: TestStatus[] = [];
  const media = new Map<string, TestMedia>();
  const keys = new Map<string, { statusId: string; at: number }>();
  const failures = new Map<string, InjectedFailure>();
  const requests: MastodonTestServer['requests'] = [];
  let nextId = 110_000_000_000_000_000n;
  const newId = () => (nextId += 1n).toString();
  let url = '';

  const account = () => ({
    id: accountId,
    username,
    acct: username,
    display_name: 'Maria',
    locked: false,
    bot: false,
    created_at: '2024-01-01T00:00:00.000Z',
    note: '',
    url: `${url}/@${username}`,
    avatar: '',
    avatar_static: '',
    header: '',
    header_static: '',
    followers_count: 0,
    following_count: 0,
    statuses_count: statuses.length,
    last_status_at: null,
    emojis: [],
    fields: [],
  });

  const mediaJson = (item: TestMedia) => ({
    id: item.id,
    type: 'image',
    url: item.pollsLeft > 0 ? null : `${url}/media/${item.id}.png`,
    preview_url: `${url}/media/${item.id}-small.png`,
    remote_url: null,
    description: item.description,
    blurhash: null,
  });

  const statusJson = (status: TestStatus) => ({
    id: status.id,
    uri: `${url}/users/${username}/statuses/${status.id}`,
    url: `${url}/@${username}/${status.id}`,
    created_at: status.createdAt,
    account: account(),
    content: `<p>${status.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
    visibility: 'public',
    sensitive: status.spoilerText !== '',
    spoiler_text: status.spoilerText,
    media_attachments: status.mediaIds.map((id) => {
      const item = media.get(id);
      return item === undefined ? null : mediaJson(item);
    }),
    mentions: [],
    tags: [],
    emojis: [],
    reblogs_count: 0,
    favourites_count: 0,
    replies_count: 0,
    language: status.language,
  });

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  }

  async function formOf(request: IncomingMessage): Promise<FormData | Record<string, unknown>> {
    const webRequest = new Request(`http://localhost${request.url}`, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: Readable.toWeb(request) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const type = request.headers['content-type'] ?? '';
    if (type.startsWith('application/json')) return (await webRequest.json()) as Record<string, unknown>;
    return webRequest.formData();
  }

  function createStatus(body: Record<string, unknown>, key: string | null): { status: number; body: unknown } {
    const now = clock.now().getTime();
    for (const [stored, { at }] of keys) if (now - at > IDEMPOTENCY_WINDOW_MS) keys.delete(stored);
    if (key !== null) {
      const seen = keys.get(key);
      const status = seen && statuses.find((candidate) => candidate.id === seen.statusId);
      if (status) return { status: 200, body: statusJson(status) };
    }
    const text = typeof body.status === 'string' ? body.status : '';
    const spoilerText = typeof body.spoiler_text === 'string' ? body.spoiler_text : '';
    const mediaIds = Array.isArray(body.media_ids) ? body.media_ids.map(String) : [];
    if (text === '' && mediaIds.length === 0)
      return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
    const length = countMastodon(text, {
      contentWarning: spoilerText,
      limits: { maxCharacters, charactersReservedPerUrl },
    });
    if (length.over) {
      return { status: 422, body: { error: `Validation failed: Text character limit of ${maxCharacters} exceeded` } };
    }
    for (const id of mediaIds) {
      const item = media.get(id);
      if (item === undefined)
        return { status: 422, body: { error: 'Validation failed: Media attachments are invalid' } };
      if (item.pollsLeft > 0) {
        return {
          status: 422,
          body: { error: 'Cannot attach files that have not finished processing. Try again in a moment!' },
        };
      }
    }
    const status: TestStatus = {
      id: newId(),
      text,
      spoilerText,
      mediaIds,
      language: typeof body.language === 'string' ? body.language : null,
      createdAt: clock.now().toISOString(),
    };
    statuses.push(status);
    if (key !== null) keys.set(key, { statusId: status.id, at: now });
    return { status: 200, body: statusJson(status) };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const route = `${request.method} ${path}`;
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
    requests.push({ route, idempotencyKey });
    if (route === 'GET /api/v2/instance') {
      return send(response, 200, {
        domain,
        title: 'Test instance',
        version: '4.3.0',
        source_url: 'https://example.org/mastodon',
        description: 'A stand-in for tests',
        usage: { users: { active_month: 1 } },
        thumbnail: { url: `${url}/thumb.png` },
        languages: ['en'],
        configuration: {
          urls: { streaming: url.replace(/^http/, 'ws') },
          accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
          statuses: {
            max_characters: maxCharacters,
            max_media_attachments: maxMediaAttachments,
            characters_reserved_per_url: charactersReservedPerUrl,
          },
          media_attachments: {
            supported_mime_types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
            image_size_limit: imageSizeLimit,
            image_matrix_limit: 33_177_600,
            video_size_limit: 103_809_024,
            video_frame_rate_limit: 120,
            video_matrix_limit: 8_294_400,
          },
          polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 },
          translation: { enabled: false },
        },
        registrations: { enabled: false, approval_required: false, message: null },
        contact: { email: 'admin@social.test', account: null },
        rules: [],
      });
    }
    if (request.headers.authorization !== `Bearer ${token}`) {
      return send(response, 401, { error: 'The access token is invalid' });
    }
    const failure = failures.get(route);
    if (failure !== undefined && !failure.dropReplyAfterWrite) {
      failures.delete(route);
      return send(response, failure.status ?? 500, failure.body ?? { error: 'Injected failure' }, failure.headers);
    }
    let answer: { status: number; body: unknown } | null = null;
    if (route === 'GET /api/v1/accounts/verify_credentials')
      answer = {
        status: 200,
        body: { ...account(), source: { privacy: 'public', sensitive: false, language: 'en', note: '', fields: [] } },
      };
    else if (route === `GET /api/v1/accounts/${accountId}/statuses`) {
      answer = { status: 200, body: statuses.slice(-40).reverse().map(statusJson) };
    } else if (route === 'POST /api/v1/statuses') {
      const form = await formOf(request);
      answer = createStatus(form instanceof FormData ? Object.fromEntries(form) : form, idempotencyKey);
    } else if (route === 'POST /api/v2/media') {
      const form = await formOf(request);
      const file = form instanceof FormData ? form.get('file') : null;
      if (!(file instanceof Blob)) answer = { status: 422, body: { error: 'Validation failed: File is missing' } };
      else {
        const item: TestMedia = {
          id: newId(),
          description: String((form as FormData).get('description') ?? ''),
          mimeType: file.type,
          bytes: file.size,
          pollsLeft: mediaPolls,
        };
        media.set(item.id, item);
        answer = { status: item.pollsLeft > 0 ? 202 : 200, body: mediaJson(item) };
      }
    } else if (request.method === 'GET' && path.startsWith('/api/v1/media/')) {
      const item = media.get(path.slice('/api/v1/media/'.length));
      if (item === undefined) answer = { status: 404, body: { error: 'Record not found' } };
      else {
        const processing = item.pollsLeft > 0;
        answer = { status: processing ? 206 : 200, body: mediaJson(item) };
        if (processing) item.pollsLeft -= 1;
      }
    }
    if (answer === null) return send(response, 404, { error: 'Record not found' });
    if (failure?.dropReplyAfterWrite) {
      failures.delete(route);
      request.socket.destroy();
      return;
    }
    return send(response, answer.status, answer.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token,
    statuses,
    media,
    requests,
    failNext: (route, failure) => failures.set(route, failure),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { appErrorCodes, DELETED_ITEM_HEADER, type AppErrorCode } from '@bigrock/core';

const API_BASE = '/api/v1';

/** The address of an API path (`/backup` → `/api/v1/backup`), for links and uploads that do not go through `api`. */
export const apiUrl = (path: string) => `${API_BASE}${path}`;

/** The body every failed API call answers with (see the server's error handler). */
interface ErrorBody {
  error: { code: AppErrorCode; message: string; field?: string };
}

/** A failed API call, carrying the server's code, message and, when there is one, the input field it is about. */
export class ApiError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly field: string | undefined;

  constructor(status: number, body: ErrorBody['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    'code' in error &&
    appErrorCodes.some((code) => code === error.code) &&
    (!('field' in error) || typeof error.field === 'string')
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function send(method: string, path: string, body?: unknown): Promise<{ json: unknown; headers: Headers }> {
  const response = await fetch(apiUrl(path), {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await readJson(response);
  if (!response.ok) {
    // A proxy or a crash can answer without our error body; the status is all there is to say then.
    throw new ApiError(
      response.status,
      isErrorBody(json)
        ? json.error
        : { code: 'internal', message: `The server answered ${response.status} ${response.statusText}; try again.` },
    );
  }
  return { json, headers: response.headers };
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  // The API is our own typed contract: the response is trusted to match T, as inside the server.
  return (await send(method, path, body)).json as T;
}

/** What a delete answers: the id to undo it with (the Deleted-Item header), when it can be undone. */
export interface Deleted {
  deletedItemId: string | null;
}

/** A small typed client for the Bigrock JSON API under /api/v1, sending the session cookie. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: async (path: string): Promise<Deleted> => {
    const { headers } = await send('DELETE', path);
    return { deletedItemId: headers.get(DELETED_ITEM_HEADER) };
  },
};

/**
 * The message of a field's error, to show beside that field. The server starts it with the field's
 * code name ("deadline: set it after…"), which the label beside it already says in plain words.
 */
export function fieldMessage(error: ApiError): string {
  const prefix = `${error.field}: `;
  const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return detail.charAt(0).toUpperCase() + detail.slice(1);
}

/** The form field an error is about (`tags.2` is about `tags`), when the server named one. */
export function errorField(error: unknown): string | undefined {
  return error instanceof ApiError ? error.field?.split('.')[0] : undefined;
}

/** The message to show beside the field `name`, when the error is about that field. */
export function fieldError(error: unknown, name: string): string | undefined {
  return error instanceof ApiError && errorField(error) === name ? fieldMessage(error) : undefined;
}

/** The message to show for any error a page or form meets. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong; try again.';
}

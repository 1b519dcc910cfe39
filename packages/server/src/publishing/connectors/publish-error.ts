/**
 * How a failed call to a network ends:
 * - transient: try again later (429 with its Retry-After, 5xx, the network down or slow);
 * - permanent: trying again cannot help (401 a revoked token, 422 a refused post): stop and say why.
 * `outcomeUnknown` says the network may have done it anyway (a timeout, a lost reply, a 5xx after
 * the request was sent): reconcile before any retry, never post blindly again.
 */
export class PublishError extends Error {
  readonly kind: 'transient' | 'permanent';
  readonly outcomeUnknown: boolean;
  readonly status: number | null;
  /** The wait the network asked for (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | null;
  /** The network's own words. */
  readonly reason: string;

  constructor(
    message: string,
    options: {
      kind: 'transient' | 'permanent';
      outcomeUnknown?: boolean;
      status?: number | null;
      retryAfterMs?: number | null;
      reason?: string;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'PublishError';
    this.kind = options.kind;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.reason = options.reason ?? message;
  }
}

/**
 * Retry-After as milliseconds from `now`: seconds, or an HTTP date; null when absent or unreadable.
 *
 * @example retryAfterMs('120', new Date()) // 120000
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  if (header === null || header === undefined || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** The class of an HTTP status from a network: what to do about it. */
export function publishErrorForStatus(
  network: string,
  status: number,
  reason: string,
  retryAfter: number | null,
  cause?: unknown,
): PublishError {
  if (status === 429) {
    return new PublishError(`${network} asks to slow down (429): ${reason}`, {
      kind: 'transient',
      status,
      retryAfterMs: retryAfter,
      reason,
      cause,
    });
  }
  if (status >= 500) {
    return new PublishError(`${network} failed (${status}): ${reason}`, {
      kind: 'transient',
      outcomeUnknown: true,
      status,
      retryAfterMs: retryAfter,
      reason,
      cause,
    });
  }
  const what =
    status === 401 || status === 403
      ? 'refused the credentials: add the account again with a new token or app password'
      : 'refused the post';
  return new PublishError(`${network} ${what} (${status}): ${reason}`, { kind: 'permanent', status, reason, cause });
}

/** A fetch that failed before any answer: the request may or may not have reached the network. */
export function publishErrorForNetworkFailure(network: string, error: unknown): PublishError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PublishError(`${network} did not answer: ${reason}`, {
    kind: 'transient',
    outcomeUnknown: true,
    reason,
    cause: error,
  });
}

/** Every code an application error can carry; the HTTP layer maps each to one status. */
export const appErrorCodes = [
  'invalid-input',
  'not-found',
  'conflict',
  'gone',
  'too-large',
  'forbidden-host',
  'forbidden-origin',
  'unauthenticated',
  'config',
  'internal',
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export interface AppErrorOptions {
  /** The input field the message is about, when there is one (`target`, `deadline`...). */
  field?: string;
  cause?: unknown;
}

/**
 * The one error type of Bigrock. The message says what to do, in words a user can act on.
 *
 * @example
 * throw new AppError('invalid-input', 'Set a deadline after the start date.', { field: 'deadline' });
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field: string | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

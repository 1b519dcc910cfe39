import { AppError, type AppErrorCode } from '@bigrock/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

import { securityHeaders } from './security-headers.js';

const statusOf: Record<AppErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'too-large': 413,
  'forbidden-host': 403,
  'forbidden-origin': 403,
  unauthenticated: 401,
  config: 500,
  internal: 500,
};

export interface ErrorBody {
  error: { code: AppErrorCode; message: string; field?: string };
}

function fromValidation(error: FastifyError): AppError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const path = issue?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
    // A key the schema does not know is named as the field, so that the message says which one.
    const unknownKey = issue?.keyword === 'unrecognized_keys' ? firstKey(issue.params) : undefined;
    const field = [path, unknownKey].filter(Boolean).join('.') || undefined;
    const where = error.validationContext === 'body' ? '' : `${error.validationContext ?? 'request'} `;
    return new AppError('invalid-input', `${where}${field ?? 'input'}: ${issue?.message ?? 'is not valid'}.`, {
      field,
      cause: error,
    });
  }
  return new AppError('invalid-input', error.message, { cause: error });
}

function firstKey(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null || !('keys' in params) || !Array.isArray(params.keys))
    return undefined;
  const [key] = params.keys as unknown[];
  return typeof key === 'string' ? key : undefined;
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && ('validation' in error || 'statusCode' in error);
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isFastifyError(error)) {
    if (error.validation) return fromValidation(error);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return new AppError('too-large', 'The request body is over the limit of 10 MB; send less at once.', {
        cause: error,
      });
    // Fastify's own 4xx (a malformed JSON body, a wrong content type) are the client's to fix.
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
      return new AppError('invalid-input', error.message, { cause: error });
  }
  return new AppError('internal', 'Something went wrong on our side; the server log has the details.', {
    cause: error,
  });
}

/** The one place an error becomes a response: codes map to statuses, internals stay hidden. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);

  const status = statusOf[appError.code];
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.message, ...(appError.field && { field: appError.field }) },
  };
  return reply.status(status).send(body);
}

/**
 * Errors the router meets before any route or hook runs (an address that does not decode, a path
 * segment over the length limit): the same answer as any other mistake, with the same headers.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  void reply.headers(securityHeaders);
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A part of the address is too long to be an id; check the link.'
      : 'The address is not valid: check its percent signs and characters.';
  return errorHandler(new AppError('invalid-input', message, { cause: error }), request, reply);
}

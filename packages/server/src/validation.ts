import { AppError } from '@bigrock/core';
import type { z } from 'zod';

/** Parses input at an edge; a mistake becomes an `invalid-input` error naming the field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // A key the schema does not know is named as the field, so that the message says which one.
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const field = [...(issue?.path ?? []), ...(unknownKey === undefined ? [] : [unknownKey])].join('.') || undefined;
  const message = issue === undefined ? 'The input is not valid.' : `${field ?? 'input'}: ${issue.message}.`;
  throw new AppError('invalid-input', message, { field, cause: result.error });
}

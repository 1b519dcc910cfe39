import Assembler from 'stream-json/assembler.js';
import { jsonParser, type Token } from 'stream-json/parser.js';

import { nulIssue } from '@bigrock/core';

import { ImportAbort } from './text-input.js';

export type JsonPath = Array<string | number>;

export interface JsonValueAt {
  path: JsonPath;
  value: unknown;
  /** The line the value starts on. */
  line: number;
}

/** Deeper than this, a file is not an export of a time tracker. */
const MAX_DEPTH = 64;

interface Frame {
  array: boolean;
  /** The key of the value being read, in an object; its index, in an array. */
  key: string | number;
}

/** `buckets.aw-watcher-web.events[3]`: a path as a message names it. */
export function describePath(path: JsonPath): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`),
    '',
  );
}

/**
 * Streams a JSON document and yields, in batches, the values whose path `wants` (each assembled
 * whole), with the line each starts on. Everything else is read past without being kept, so a
 * file of a million events takes the memory of one. Broken or truncated JSON ends in an
 * `ImportAbort` naming the line.
 */
export async function* streamJsonValues(
  text: AsyncIterable<string>,
  wants: (path: JsonPath) => boolean,
  root: 'array' | 'object',
  /** An import refuses a NUL character with its path; a restore takes them out itself, and counts them. */
  { refuseNul = true }: { refuseNul?: boolean } = {},
): AsyncGenerator<JsonValueAt[]> {
  const parse = jsonParser({ streamValues: false, packValues: true });
  const stack: Frame[] = [];
  let line = 1;
  let assembling: { assembler: Assembler; path: JsonPath; line: number } | null = null;
  let topLevelDone = false;
  let batch: JsonValueAt[] = [];

  const path = (): JsonPath => stack.map((frame) => frame.key);

  function valueStarts(): JsonPath {
    const frame = stack.at(-1);
    if (frame === undefined) {
      if (topLevelDone)
        throw new ImportAbort({ line, message: `Unexpected data after the end of the JSON document (line ${line}).` });
      return [];
    }
    if (frame.array) frame.key = (frame.key as number) + 1;
    return path();
  }

  /** The path of the text a token holds: a key, or a string value about to be read. */
  function textPath(token: Token): JsonPath {
    const inner: JsonPath = [];
    let base: JsonPath;
    let container: unknown;
    let key: string | number | null;
    if (assembling !== null) {
      base = assembling.path;
      inner.push(...(assembling.assembler.path as JsonPath));
      container = assembling.assembler.current;
      key = assembling.assembler.key as string | null;
    } else {
      const frame = stack.at(-1);
      base = stack.slice(0, -1).map((each) => each.key);
      container = frame?.array ? [] : {};
      key = frame === undefined ? null : frame.array ? (frame.key as number) + 1 : frame.key;
    }
    if (token.name === 'keyValue') key = token.value as string;
    else if (assembling !== null && Array.isArray(container)) key = container.length;
    return key === null ? [...base, ...inner] : [...base, ...inner, key];
  }

  function handle(token: Token): void {
    if (
      refuseNul &&
      (token.name === 'stringValue' || token.name === 'keyValue') &&
      typeof token.value === 'string' &&
      token.value.includes('\u0000')
    ) {
      throw new ImportAbort(nulIssue(describePath(textPath(token)).replaceAll('\u0000', '\\u0000') || 'value', line));
    }
    if (assembling !== null) {
      assembling.assembler.consume(token);
      if (assembling.assembler.done) {
        batch.push({ path: assembling.path, value: assembling.assembler.current, line: assembling.line });
        assembling = null;
        if (stack.length === 0) topLevelDone = true;
      }
      return;
    }
    switch (token.name) {
      case 'keyValue': {
        const frame = stack.at(-1);
        if (frame) frame.key = token.value;
        return;
      }
      case 'startObject':
      case 'startArray': {
        if (stack.length === 0 && !topLevelDone && (token.name === 'startArray') !== (root === 'array')) {
          throw new ImportAbort({
            line,
            message: `The file must hold a JSON ${root}; it holds ${root === 'array' ? 'an object' : 'an array'}.`,
          });
        }
        const valuePath = valueStarts();
        if (wants(valuePath)) {
          assembling = { assembler: new Assembler(), path: valuePath, line };
          assembling.assembler.consume(token);
          return;
        }
        if (stack.length >= MAX_DEPTH)
          throw new ImportAbort({ line, message: `The JSON is nested too deep (line ${line}).` });
        // An object's key comes with its first keyValue; an array counts from -1 up as its values start.
        stack.push(token.name === 'startArray' ? { array: true, key: -1 } : { array: false, key: '' });
        return;
      }
      case 'endObject':
      case 'endArray':
        stack.pop();
        if (stack.length === 0) topLevelDone = true;
        return;
      case 'stringValue':
      case 'numberValue':
      case 'nullValue':
      case 'trueValue':
      case 'falseValue': {
        if (stack.length === 0)
          throw new ImportAbort({ line, message: `The file must hold a JSON ${root}, not a single value.` });
        const valuePath = valueStarts();
        if (wants(valuePath)) {
          const assembler = new Assembler();
          assembler.consume(token);
          batch.push({ path: valuePath, value: assembler.current, line });
        }
        if (stack.length === 0) topLevelDone = true;
        return;
      }
      default:
        return;
    }
  }

  for await (const chunk of text) {
    const lines = chunk.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const piece = index < lines.length - 1 ? `${lines[index]}\n` : (lines[index] ?? '');
      if (piece !== '') {
        let tokens: ReturnType<typeof parse>;
        try {
          tokens = parse(piece);
        } catch (error) {
          throw new ImportAbort({
            line,
            message: `The JSON is broken on line ${line}: ${error instanceof Error ? error.message : String(error)}.`,
          });
        }
        if (typeof tokens === 'object') for (const token of tokens.values) handle(token);
      }
      if (index < lines.length - 1) line++;
    }
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (!topLevelDone || stack.length > 0 || assembling !== null) {
    throw new ImportAbort({
      line,
      message: `The file ends (line ${line}) before its JSON is complete: was it cut short? Export it again.`,
    });
  }
}

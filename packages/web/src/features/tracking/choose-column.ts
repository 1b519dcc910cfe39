import { csvFields, matchColumns, normalizeHeader, type CsvField } from '@bigrock/core';

/** Header names for the fields the user moved off Bigrock's guesses: `{ activity: 'What' }`. */
export type ColumnMapping = Partial<Record<CsvField, string>>;

/**
 * The mapping once the user has chosen column `index` for `field`, or no column (null). As on the
 * server (core's `matchColumns`), a column stands for one field: a field mapped to it before lets
 * go of it. A choice that is Bigrock's own guess leaves the mapping, so that only changes are sent.
 *
 * @example chooseColumn(['Begin', 'What'], {}, 'activity', 1) // { activity: 'What' }
 */
export function chooseColumn(
  headers: readonly string[],
  mapping: ColumnMapping,
  field: CsvField,
  index: number | null,
): ColumnMapping {
  const header = index === null ? undefined : headers[index];
  const next: ColumnMapping = {};
  for (const other of csvFields) {
    const named = mapping[other];
    if (named === undefined || other === field) continue;
    if (header !== undefined && normalizeHeader(named) === normalizeHeader(header)) continue;
    next[other] = named;
  }
  if (index !== null && header !== undefined && matchColumns(headers).columns[field] !== index) next[field] = header;
  return next;
}

import { normalizeHeader } from './csv-columns.js';

const yes = new Set(['yes', 'y', 'true', '1', 'ja', 'oui', 'si', 'sim', 'billable', 'x']);
const no = new Set(['no', 'n', 'false', '0', 'nein', 'non', 'nao', 'nee', 'non billable', 'not billable', '']);

/**
 * A "Billable" cell as Toggl, Clockify and spreadsheets write it, in the languages they export in;
 * null when it says neither yes nor no. An empty cell is not billable.
 *
 * @example readBillable('Ja') // true
 * @example readBillable('No') // false
 * @example readBillable('maybe') // null
 */
export function readBillable(cell: string): boolean | null {
  const word = normalizeHeader(cell);
  if (yes.has(word)) return true;
  if (no.has(word)) return false;
  return null;
}

/**
 * An amount of money as a CSV writes it: `120.00`, `1,234.50`, `1.234,50`, `0,00`, with or without
 * spaces; null for an empty cell, NaN when it is not an amount. When a cell has both a point and a
 * comma the last one is the decimal mark; a comma alone is one too (German and French exports).
 *
 * @example readCsvAmount('1.234,50') // 1234.5
 * @example readCsvAmount('') // null
 */
export function readCsvAmount(cell: string): number | null {
  const text = cell.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return null;
  const lastPoint = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let plain: string;
  if (lastPoint !== -1 && lastComma !== -1) {
    plain = lastComma > lastPoint ? text.replaceAll('.', '').replace(',', '.') : text.replaceAll(',', '');
  } else if (lastComma !== -1) {
    plain = text.indexOf(',') === lastComma ? text.replace(',', '.') : text.replaceAll(',', '');
  } else {
    plain = text;
  }
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
}

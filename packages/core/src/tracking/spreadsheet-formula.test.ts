import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { defuseSpreadsheetFormula, readSpreadsheetText } from './spreadsheet-formula.js';

describe('spreadsheet formulas in CSV cells', () => {
  it('keeps every formula start from running, and leaves other texts alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', "'=", "''-"]) {
      expect(defuseSpreadsheetFormula(`${start}1`)).toBe(`'${start}1`);
    }
    for (const text of ['Calls', 'a=b', "'quoted", '', '3 calls']) expect(defuseSpreadsheetFormula(text)).toBe(text);
  });

  it('reads back every text exactly as it was', () => {
    const texts = fc.stringMatching(/^['=+\-@\t\ra-z ]{0,8}$/);
    fc.assert(
      fc.property(fc.oneof(texts, fc.string()), (text) => {
        expect(readSpreadsheetText(defuseSpreadsheetFormula(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

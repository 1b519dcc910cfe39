/**
 * A text a spreadsheet would run as a formula: its first character is one of OWASP's list for CSV
 * injection (`=`, `+`, `-`, `@`, tab, carriage return), perhaps after apostrophes.
 */
const formula = /^'*[=+\-@\t\r]/;
const defused = /^'+[=+\-@\t\r]/;

/**
 * A text a spreadsheet would run as a formula, kept as text by a leading apostrophe, as OWASP
 * advises for CSV files; any other text unchanged. `readSpreadsheetText` undoes it exactly, also
 * for a text that already began with an apostrophe.
 *
 * @example defuseSpreadsheetFormula('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 */
export function defuseSpreadsheetFormula(text: string): string {
  return formula.test(text) ? `'${text}` : text;
}

/**
 * A cell as it was before `defuseSpreadsheetFormula`: the apostrophe before a formula is dropped,
 * as a spreadsheet shows it.
 *
 * @example readSpreadsheetText("'-3 calls") // '-3 calls'
 */
export function readSpreadsheetText(cell: string): string {
  return cell.charCodeAt(0) === 39 && defused.test(cell) ? cell.slice(1) : cell;
}

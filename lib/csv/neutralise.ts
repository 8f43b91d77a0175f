// Spreadsheet formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Google Sheets
// run a cell that starts with one of these characters as a formula, so a contact named
// `=HYPERLINK("https://evil.example","Click")` would become a live link, or worse. A leading
// single quote makes the program show the cell as text. Quoting the cell (csv-stringify does)
// keeps a separator or quote inside the value from starting a new cell with these characters.
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** The cell as text a spreadsheet will not evaluate: `'` prefixed when it could start a formula. */
export function neutraliseCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value;
}

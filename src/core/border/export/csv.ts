/**
 * CSV as RFC 4180: a header row, CRLF line ends, a field quoted when it holds the
 * delimiter, a quote, CR or LF, quotes doubled inside. UTF-8, by default with a byte order
 * mark: Excel reads a file without one in the machine's ANSI code page and mangles
 * "Cúcuta". Excel in Spanish locales (Colombia, Venezuela) splits on ";" when a file is
 * opened by double-click, so `delimiter: ";"` is offered as well; numbers are always
 * written with a decimal point, for scripts.
 */
export type CsvCell = string | number | boolean | null;

export interface CsvOptions {
  readonly delimiter: "," | ";";
  readonly bom: boolean;
}

export const DEFAULT_CSV: CsvOptions = { delimiter: ",", bom: true };

/**
 * A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at
 * the start: OWASP "CSV injection") gets a leading apostrophe. Only free text is touched;
 * numbers are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell, delimiter: "," | ";"): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[], delimiter: "," | ";"): string {
  return `${cells.map((c) => csvField(c, delimiter)).join(delimiter)}\r\n`;
}

/** A column: its header and how to read it from a row. */
export interface CsvColumn<T> {
  readonly name: string;
  readonly get: (row: T) => CsvCell;
}

/** The file as chunks: the mark, the header, then one line per row as rows arrive. */
export async function* csvDocument<T>(
  columns: readonly CsvColumn<T>[],
  rows: AsyncIterable<T> | Iterable<T>,
  options: CsvOptions = DEFAULT_CSV,
): AsyncGenerator<string> {
  yield `${options.bom ? "\uFEFF" : ""}${csvLine(
    columns.map((c) => c.name),
    options.delimiter,
  )}`;
  for await (const row of rows) {
    yield csvLine(
      columns.map((c) => c.get(row)),
      options.delimiter,
    );
  }
}

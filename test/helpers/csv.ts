import assert from "node:assert/strict";

/**
 * A small RFC 4180 reader for the export tests, written independently of the exporter:
 * quoted fields, doubled quotes, CRLF record ends; a bare CR or LF outside quotes, or a quote
 * inside an unquoted field, fails the test.
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      assert.equal(field, "", `a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      assert.ok(ch !== "\r" && ch !== "\n", `a bare line break outside quotes at ${i}`);
      field += ch;
    }
  }
  assert.equal(quoted, false, "unterminated quoted field");
  assert.equal(field, "", "the last record must end with CRLF");
  return rows;
}

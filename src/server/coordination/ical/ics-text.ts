/**
 * RFC 5545 content lines: TEXT escaping (§3.3.11), parameter values (§3.2), folding at 75
 * octets without splitting a UTF-8 character (§3.1), CRLF line ends. Everything a meeting
 * carries is free text typed by someone, so every value goes through these functions.
 */
const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** Whether a character is a control character (C0 or DEL). */
const isControl = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/** Control characters other than tab are not allowed in TEXT; line breaks become `\n`. */
export function escapeText(value: string): string {
  const lines = value.replace(/\r\n?/g, "\n");
  const clean = [...lines].filter((c) => c === "\n" || c === "\t" || !isControl(c)).join("");
  return clean.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

/** A parameter value: no control characters, no DQUOTE (not allowed at all), quoted when it holds `:;,`. */
export function paramValue(value: string): string {
  const clean = [...value].map((c) => (isControl(c) ? " " : c === '"' ? "'" : c)).join("");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Splits a line into chunks of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ` ${ch}`;
      octets = 1 + size;
    } else {
      current += ch;
      octets += size;
    }
  }
  out.push(current);
  return out.join(CRLF);
}

export type Params = Readonly<Record<string, string>>;

/** `NAME;P=V:value`, folded; `value` must already be escaped for its type. */
export function contentLine(name: string, value: string, params: Params = {}): string {
  const p = Object.entries(params)
    .map(([k, v]) => `;${k}=${v}`)
    .join("");
  return foldLine(`${name}${p}:${value}`);
}

/** A whole iCalendar object: lines joined with CRLF, ending with CRLF. */
export function icsDocument(lines: readonly string[]): string {
  return `${lines.join(CRLF)}${CRLF}`;
}

/** `YYYYMMDDTHHMMSSZ` for an instant. */
export const utcStamp = (iso: string) => `${new Date(iso).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

/** `YYYYMMDDTHHMMSS` for a local date-time (`YYYY-MM-DDTHH:mm:ss`). */
export const localStamp = (local: string) => local.replace(/[-:]/g, "").slice(0, 15);

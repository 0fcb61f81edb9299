/**
 * Escaping for the XML exports (KML, CoT). XML 1.0 forbids most control characters and
 * lone surrogates even as character references, so they are dropped rather than escaped:
 * a document that carries one is not well-formed and a reader rejects the whole export.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text content: `&`, `<` and `>` escaped (the last so that `]]>` can never appear), and CR
 * as a reference, since a parser turns a literal CR LF into LF.
 */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/**
 * An attribute value for double quotes. Tab, line feed and carriage return are written as
 * character references, since a parser normalises literal ones in attributes to spaces.
 */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

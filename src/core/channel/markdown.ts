/**
 * The safe markdown subset of channel messages: paragraphs (a line break is a break),
 * bullet and numbered lists, quotes, fenced code, **strong**, *emphasis*, `code` and
 * [links](https://…). It is parsed into a small tree and rendered by escaping every piece
 * of text and emitting only a fixed set of tags; raw HTML is never passed through, and a
 * link keeps only an http, https or mailto address. Parsing is linear in the text (closing
 * delimiter searches are remembered), so hostile input cannot make it slow.
 */
export type Inline =
  | { readonly type: "text"; readonly value: string }
  | { readonly type: "strong" | "em"; readonly children: Inline[] }
  | { readonly type: "code"; readonly value: string }
  | { readonly type: "link"; readonly href: string; readonly children: Inline[] }
  | { readonly type: "break" };

export type Block =
  | { readonly type: "paragraph"; readonly children: Inline[] }
  | { readonly type: "list"; readonly ordered: boolean; readonly items: Inline[][] }
  | { readonly type: "quote"; readonly children: Block[] }
  | { readonly type: "code"; readonly value: string };

const MAX_INLINE_DEPTH = 4;
const MAX_QUOTE_DEPTH = 3;
const MAX_LINK_TEXT = 500;
const MAX_HREF = 2048;
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);
const PUNCTUATION = /[!-/:-@[-`{-~]/;

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const FENCE = /^ {0,3}```/;

/** The address a link may carry, normalised, or undefined when it is not a safe absolute URL. */
export function safeHref(raw: string): string | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_HREF || /[\s<>"'`\\]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** Inline markup of one paragraph or list item; `links` is false inside a link's text. */
function parseInline(text: string, depth: number, links: boolean): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  // Per delimiter, the last search: from `from`, the next occurrence is `at` (-1: none), so a
  // later search starting between the two has the same answer without scanning again.
  const last = new Map<string, { from: number; at: number }>();
  const find = (delimiter: string, from: number, limit = text.length): number => {
    const known = last.get(delimiter);
    let at: number;
    if (known && from >= known.from && (known.at === -1 || from <= known.at)) at = known.at;
    else {
      at = text.indexOf(delimiter, from);
      last.set(delimiter, { from, at });
    }
    return at === -1 || at > limit ? -1 : at;
  };
  const flush = () => {
    if (buffer) out.push({ type: "text", value: buffer });
    buffer = "";
  };
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "\\" && next !== undefined && PUNCTUATION.test(next)) {
      buffer += next;
      i += 2;
      continue;
    }
    if (c === "\n") {
      flush();
      out.push({ type: "break" });
      i++;
      continue;
    }
    if (c === "`") {
      const end = find("`", i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: "code", value: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((c === "*" || c === "_") && depth < MAX_INLINE_DEPTH) {
      const strong = next === c;
      const delimiter = strong ? c + c : c;
      // `_` only opens at the start of a word, so snake_case stays as written.
      const opens = c === "*" || !wordChar(text[i - 1]);
      const end = opens ? find(delimiter, i + delimiter.length) : -1;
      const closes = end !== -1 && (c === "*" || !wordChar(text[end + delimiter.length]));
      if (closes && end > i + delimiter.length) {
        flush();
        const children = parseInline(text.slice(i + delimiter.length, end), depth + 1, links);
        out.push({ type: strong ? "strong" : "em", children });
        i = end + delimiter.length;
        continue;
      }
    }
    if (c === "[" && links && depth < MAX_INLINE_DEPTH) {
      const mid = find("](", i + 1, i + 1 + MAX_LINK_TEXT);
      const end = mid === -1 ? -1 : find(")", mid + 2, mid + 2 + MAX_HREF);
      const href = end === -1 ? undefined : safeHref(text.slice(mid + 2, end));
      if (href !== undefined && mid > i + 1) {
        flush();
        out.push({ type: "link", href, children: parseInline(text.slice(i + 1, mid), depth + 1, false) });
        i = end + 1;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  flush();
  return out;
}

function parseBlocks(lines: readonly string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  const isBlockStart = (line: string) =>
    FENCE.test(line) || BULLET.test(line) || NUMBERED.test(line) || (depth < MAX_QUOTE_DEPTH && QUOTE.test(line));
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i] as string)) body.push(lines[i++] as string);
      i++;
      blocks.push({ type: "code", value: body.join("\n") });
      continue;
    }
    if (depth < MAX_QUOTE_DEPTH && QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] as string)) inner.push(QUOTE.exec(lines[i++] as string)?.[1] ?? "");
      blocks.push({ type: "quote", children: parseBlocks(inner, depth + 1) });
      continue;
    }
    const listKind = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : undefined;
    if (listKind) {
      const items: string[] = [];
      while (i < lines.length) {
        const l = lines[i] as string;
        const m = listKind.exec(l);
        if (m) items.push(m[1] ?? "");
        // An indented line continues the item above it.
        else if (/^ {2,}\S/.test(l) && items.length > 0) items[items.length - 1] += `\n${l.trim()}`;
        else break;
        i++;
      }
      blocks.push({ type: "list", ordered: listKind === NUMBERED, items: items.map((t) => parseInline(t, 0, true)) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== "" && (para.length === 0 || !isBlockStart(lines[i] as string))) {
      para.push(lines[i++] as string);
    }
    blocks.push({ type: "paragraph", children: parseInline(para.join("\n"), 0, true) });
  }
  return blocks;
}

/** The block tree of a message body. */
export function parseMarkdown(text: string): Block[] {
  return parseBlocks(text.replace(/\r\n?/g, "\n").split("\n"), 0);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

function inlineHtml(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case "text":
          return escapeHtml(n.value);
        case "break":
          return "<br>";
        case "code":
          return `<code>${escapeHtml(n.value)}</code>`;
        case "strong":
        case "em":
          return `<${n.type}>${inlineHtml(n.children)}</${n.type}>`;
        case "link":
          return `<a href="${escapeHtml(n.href)}" rel="noopener noreferrer nofollow">${inlineHtml(n.children)}</a>`;
      }
      return "";
    })
    .join("");
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case "paragraph":
          return `<p>${inlineHtml(b.children)}</p>`;
        case "code":
          return `<pre><code>${escapeHtml(b.value)}</code></pre>`;
        case "quote":
          return `<blockquote>${blocksHtml(b.children)}</blockquote>`;
        case "list": {
          const tag = b.ordered ? "ol" : "ul";
          return `<${tag}>${b.items.map((item) => `<li>${inlineHtml(item)}</li>`).join("")}</${tag}>`;
        }
      }
      return "";
    })
    .join("");
}

/** A message body as sanitised HTML. */
export function renderMarkdown(text: string): string {
  return blocksHtml(parseMarkdown(text));
}

function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === "break" ? "\n" : n.type === "text" || n.type === "code" ? n.value : inlineText(n.children))).join("");
}

/** The words of a message without markup: what search indexes and notifications show. */
export function plainText(text: string): string {
  const walk = (blocks: readonly Block[]): string[] =>
    blocks.flatMap((b) =>
      b.type === "paragraph"
        ? [inlineText(b.children)]
        : b.type === "code"
          ? [b.value]
          : b.type === "quote"
            ? walk(b.children)
            : b.items.map(inlineText),
    );
  return walk(parseMarkdown(text)).join("\n");
}

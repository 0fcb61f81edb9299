import type { DraftAgreement } from "./schema";

/**
 * Splits a joint statement into draft agreements for a person to review. Statements list
 * their agreements as a numbered list ("1.", "2)", "Primero:", "I."), as bullets, or as one
 * paragraph each after an introduction ("…los siguientes acuerdos:", "…the five agreements…").
 * It never decides alone: the result is a draft with warnings, saved only after review.
 */
export interface ParsedStatement {
  readonly agreements: DraftAgreement[];
  /** The first ISO date found in the text, if any (the user confirms it). */
  readonly date: string | null;
  readonly warnings: string[];
}

const ORDINALS_ES = ["primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno", "décimo"];
const COUNT_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  uno: 1,
  un: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
};
const ROMAN = /^(i{1,3}|iv|vi{0,3}|ix|x{1,2}|xi{1,3}|xiv|xv)$/i;

/** A list marker at the start of a line: number, roman numeral, letter, Spanish ordinal or bullet. */
const MARKER = new RegExp(
  `^\\s*(?:(\\d{1,3})\\s*(?:\\.-|[.)º°:-])|([ivx]{1,5})\\s*[.)-]|([a-h])\\)|(${ORDINALS_ES.join("|")})\\s*(?:\\.-|[.:-])|([-•*·–—]))\\s+(.*)$`,
  "i",
);

/** The closing of a statement (place and date of signature), which ends its list of agreements. */
const CLOSING =
  /^(?:firmad[oa]s?\b|suscrit[oa]s?\b|dad[oa]\s+en\b|hech[oa]\s+en\b|en\s+(?:constancia|fe)\s+de\b|signed\b|done\s+(?:at|in)\b|in\s+witness\b)/i;

const INTRO = /\b(acuerd\w*|agreements?|agreed|agree|compromis\w*|commitments?|acordaron|resolv\w*|decid\w*)\b/i;

function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** A heading: short, no closing punctuation (e.g. "Deepening of relationship"). */
const isHeading = (p: string) => p.length < 80 && !/[.:;!?"”»]$/.test(p) && p.split(/\s+/).length <= 8;

/** The list items, and the text before the first of them (which may announce their count). */
function fromList(text: string): { items: DraftAgreement[]; intro: string } {
  const items: string[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let first = -1;
  let open = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const m = MARKER.exec(line);
    if (m) {
      const roman = m[2];
      if (roman && !ROMAN.test(roman)) continue;
      if (first < 0) first = i;
      items.push((m[6] ?? "").trim());
      open = true;
    } else if (line === "") {
      // A blank line ends an item: what follows is a new marker or text after the list.
      open = false;
    } else if (open && items.length > 0 && !isHeading(line) && !CLOSING.test(line)) {
      items[items.length - 1] = `${items[items.length - 1]} ${line}`.trim();
    } else if (items.length > 0) {
      open = false;
    }
  }
  const agreements = items.filter(Boolean).map((t, i) => ({ number: i + 1, text: t }));
  return { items: agreements, intro: lines.slice(0, Math.max(0, first)).join("\n") };
}

/** The count an introduction announces ("the five agreements"), skipping "the agreements". */
function announcedCount(intro: string): number | null {
  for (const m of intro.matchAll(/\b(\d{1,2}|[a-záéíóú]+)\s+(?:acuerdos|agreements|compromisos|commitments|points|puntos)\b/gi)) {
    const word = (m[1] ?? "").toLowerCase();
    const count = /^\d+$/.test(word) ? Number(word) : COUNT_WORDS[word];
    if (count !== undefined) return count;
  }
  return null;
}

function fromParagraphs(text: string, warnings: string[]): DraftAgreement[] {
  const paras = paragraphs(text);
  // The introduction: the last paragraph before the agreements that announces them.
  let start = -1;
  for (let i = 0; i < paras.length - 1; i++) {
    const p = paras[i] ?? "";
    if (INTRO.test(p) && /:\s*$/.test(p)) start = i;
  }
  if (start < 0) start = paras.findIndex((p) => INTRO.test(p) && /:\s*$/.test(p));
  if (start < 0) {
    warnings.push("no introduction announcing the agreements was found; every paragraph is a draft agreement");
  }
  const count = start >= 0 ? announcedCount(paras[start] ?? "") : null;
  const out: string[] = [];
  for (const p of paras.slice(start + 1)) {
    if (CLOSING.test(p)) break;
    if (isHeading(p)) {
      if (out.length > 0) break;
      continue;
    }
    out.push(p);
    if (count !== null && out.length === count) break;
  }
  if (count !== null && out.length !== count) warnings.push(`the introduction announces ${count} agreements but ${out.length} were found`);
  return out.map((t, i) => ({ number: i + 1, text: t }));
}

const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** The first date written as ISO, "11 de mayo de 2023", "11 May 2023" or "May 11, 2023". */
export function findDate(text: string): string | null {
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
  if (iso) return iso;
  const name = Object.keys(MONTHS).join("|");
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+(?:de\\s+)?(${name})\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b`, "i").exec(text);
  const monthFirst = new RegExp(`\\b(${name})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, "i").exec(text);
  const [d, m, y] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  const month = m ? MONTHS[m.toLowerCase()] : undefined;
  if (!d || !month || !y || Number(d) < 1 || Number(d) > 31) return null;
  return `${y}-${String(month).padStart(2, "0")}-${d.padStart(2, "0")}`;
}

export function parseStatement(text: string): ParsedStatement {
  const warnings: string[] = [];
  const date = findDate(text);
  const listed = fromList(text);
  const count = listed.items.length >= 2 ? announcedCount(listed.intro) : null;
  if (count !== null && count !== listed.items.length)
    warnings.push(`the introduction announces ${count} agreements but ${listed.items.length} were found`);
  const agreements = listed.items.length >= 2 ? listed.items : fromParagraphs(text, warnings);
  if (agreements.length === 0) warnings.push("no agreements were found");
  return { agreements, date, warnings };
}

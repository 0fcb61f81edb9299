/**
 * Admiralty grading (AJP-2.1: source reliability A–F × information credibility 1–6) and the
 * STIX 0–100 `confidence`. STIX 2.1 Appendix A ("Confidence Scales", Admiralty Credibility)
 * maps only the credibility digit: 1→90, 2→70, 3→50, 4→30, 5→10, and 6 ("cannot be judged")
 * means the property is absent. Reading back, 80–100→1, 60–79→2, 40–59→3, 20–39→4, 0–19→5.
 * The source letter has no STIX property, so it travels as `x_enlace_admiralty` ("B2") and
 * a bundle from Enlace comes back with the same grading.
 */
export const RELIABILITY_LETTERS = ["A", "B", "C", "D", "E", "F"] as const;
export type Reliability = (typeof RELIABILITY_LETTERS)[number];

export interface Admiralty {
  readonly reliability: Reliability;
  readonly credibility: number;
}

const TO_STIX: Readonly<Record<number, number>> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10 };

/** STIX `confidence` for a grading, or undefined for credibility 6 (the property is omitted). */
export function stixConfidence(a: Admiralty): number | undefined {
  return TO_STIX[a.credibility];
}

/** Credibility digit for a STIX confidence value; 6 when the value is absent. */
export function credibilityOf(confidence: number | undefined): number {
  if (confidence === undefined) return 6;
  if (confidence >= 80) return 1;
  if (confidence >= 60) return 2;
  if (confidence >= 40) return 3;
  if (confidence >= 20) return 4;
  return 5;
}

export const admiraltyCode = (a: Admiralty) => `${a.reliability}${a.credibility}`;

/**
 * The grading of an imported object: our own `x_enlace_admiralty` when present and
 * consistent; otherwise reliability F ("cannot be judged": we do not know the source) and
 * the credibility the STIX confidence maps to.
 */
export function admiraltyOf(confidence: number | undefined, code: unknown): Admiralty {
  const credibility = credibilityOf(confidence);
  if (typeof code === "string") {
    const m = /^([A-F])([1-6])$/.exec(code);
    if (m && Number(m[2]) === credibility) {
      return { reliability: m[1] as Reliability, credibility: Number(m[2]) };
    }
  }
  return { reliability: "F", credibility };
}

import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES } from "../../core/commitments/schema";

/** What a report carries for one file: its name, type and bytes in base64. */
export interface EvidenceUpload {
  name: string;
  type: (typeof EVIDENCE_TYPES)[number];
  contentBase64: string;
}

/** Why a file cannot be attached, as an i18n key, or null when it can. */
export function evidenceProblem(file: File): "evidence.tooLarge" | "evidence.badType" | null {
  if (file.size > MAX_EVIDENCE_BYTES) return "evidence.tooLarge";
  if (!(EVIDENCE_TYPES as readonly string[]).includes(file.type)) return "evidence.badType";
  return null;
}

/** Reads a file for upload (base64 without the data: prefix). */
export function readEvidence(file: File): Promise<EvidenceUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, type: file.type as EvidenceUpload["type"], contentBase64: url.slice(url.indexOf(",") + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** The `accept` attribute of the file picker. */
export const EVIDENCE_ACCEPT = [...EVIDENCE_TYPES, ".pdf", ".png", ".jpg", ".jpeg", ".txt"].join(",");

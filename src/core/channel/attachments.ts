import { DomainError } from "../errors";
import { sha256Hex } from "../log/crypto";
import { ATTACHMENT_TYPES, type AttachmentInput, type AttachmentType, MAX_ATTACHMENT_BYTES } from "./schema";

/** An attachment as it travels in a message event: its bytes, size and SHA-256. */
export interface AttachmentData {
  readonly name: string;
  readonly type: AttachmentType;
  readonly size: number;
  readonly sha256: string;
  readonly content: string;
}

const isAllowed = (t: string): t is AttachmentType => (ATTACHMENT_TYPES as readonly string[]).includes(t);

/** The file's first bytes must match its declared type, so a renamed executable is refused. */
export function contentMatches(type: AttachmentType, bytes: Uint8Array): boolean {
  const starts = (prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
  if (type === "application/pdf") return starts([0x25, 0x50, 0x44, 0x46, 0x2d]);
  if (type === "image/png") return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (type === "image/jpeg") return starts([0xff, 0xd8, 0xff]);
  // Plain text: valid UTF-8 without NUL bytes.
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Checks each file (type allow-list, size limit, content sniffing) and hashes it; the field at fault is named. */
export function prepareAttachments(files: readonly AttachmentInput[]): AttachmentData[] {
  return files.map((f, i) => {
    if (!isAllowed(f.type)) {
      throw new DomainError(
        "attachment.type_refused",
        `${f.name}: ${f.type} is not one of ${ATTACHMENT_TYPES.join(", ")}`,
        `attachments.${i}.type`,
      );
    }
    const bytes = Buffer.from(f.contentBase64, "base64");
    if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new DomainError("attachment.too_large", `${f.name}: a file must hold 1 byte to 1 MiB`, `attachments.${i}.contentBase64`);
    }
    if (!contentMatches(f.type, bytes)) {
      throw new DomainError("attachment.type_mismatch", `${f.name}: the content is not ${f.type}`, `attachments.${i}.type`);
    }
    return { name: f.name, type: f.type, size: bytes.length, sha256: sha256Hex(bytes), content: bytes.toString("base64") };
  });
}

import { ATTACHMENT_TYPES, type AttachmentInput, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../../core/channel/schema";
import { ApiError } from "../api/client";

/** Why a file cannot go with a message, as the key under channel.attachments.problem, or null when it can. */
export type AttachmentProblem = "tooLarge" | "badType" | "empty" | "tooMany";

export function attachmentProblem(file: File, alreadyChosen: number): AttachmentProblem | null {
  if (alreadyChosen >= MAX_ATTACHMENTS) return "tooMany";
  if (file.size === 0) return "empty";
  if (file.size > MAX_ATTACHMENT_BYTES) return "tooLarge";
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return "badType";
  return null;
}

/** Reads a file for the message (base64 without the data: prefix). */
export function readAttachment(file: File): Promise<AttachmentInput> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ name: file.name, type: file.type, contentBase64: url.slice(url.indexOf(",") + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** The `accept` attribute of the file picker: the server's allow-list and its usual extensions. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_TYPES, ".pdf", ".png", ".jpg", ".jpeg", ".txt"].join(",");

/** A refusal of the server about one file: its code and the file's position, from the field it names (`attachments.2.type`). */
export function serverAttachmentProblem(err: unknown): { code: string; index: number } | null {
  if (!(err instanceof ApiError) || !err.code.startsWith("attachment.")) return null;
  const field = err.errors.find((e) => e.field.startsWith("attachments."))?.field ?? "";
  const index = Number(field.split(".")[1]);
  return { code: err.code, index: Number.isInteger(index) ? index : -1 };
}

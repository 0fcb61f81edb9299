import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../../core/channel/schema";
import { ApiError } from "../api/client";
import { attachmentProblem, serverAttachmentProblem } from "./attachment-files";
import { formatCountdown, formatSpan } from "./channel-format";

/** The console refuses what the server would refuse, before sending, and reads the server's refusals by file. */
describe("attachments in the compose form", () => {
  const file = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

  it("takes the server's types up to its size and count, and names every other case", () => {
    assert.equal(attachmentProblem(file("parte.pdf", "application/pdf", 10), 0), null);
    assert.equal(attachmentProblem(file("foto.png", "image/png", MAX_ATTACHMENT_BYTES), 0), null);
    assert.equal(attachmentProblem(file("foto.png", "image/png", MAX_ATTACHMENT_BYTES + 1), 0), "tooLarge");
    assert.equal(attachmentProblem(file("setup.exe", "application/x-msdownload", 10), 0), "badType");
    assert.equal(attachmentProblem(file("sin-tipo", "", 10), 0), "badType");
    assert.equal(attachmentProblem(file("vacio.txt", "text/plain", 0), 0), "empty");
    assert.equal(attachmentProblem(file("nota.txt", "text/plain", 10), MAX_ATTACHMENTS), "tooMany");
  });

  it("finds the file a server refusal is about from the field it names", () => {
    const refusal = new ApiError(413, "attachment.too_large", "too large", [{ field: "attachments.2.contentBase64", message: "x" }]);
    assert.deepEqual(serverAttachmentProblem(refusal), { code: "attachment.too_large", index: 2 });
    assert.equal(serverAttachmentProblem(new ApiError(400, "validation.failed", "bad")), null);
    assert.equal(serverAttachmentProblem(new Error("x")), null);
  });
});

describe("the channel's clocks", () => {
  it("shows spans and countdowns as a duty officer reads them", () => {
    assert.equal(formatSpan(4_400), "4 s");
    assert.equal(formatSpan(572_000), "9 min 32 s");
    assert.equal(formatSpan(2 * 3600_000 + 5 * 60_000), "2 h 05 min");
    assert.equal(formatSpan(-5), "0 s");
    assert.equal(formatCountdown(600_000), "10:00");
    assert.equal(formatCountdown(59_001), "01:00", "a countdown rounds up: it never shows 0 while time is left");
    assert.equal(formatCountdown(3 * 3600_000), "3:00:00");
  });
});

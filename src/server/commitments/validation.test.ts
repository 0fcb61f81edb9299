import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  activityBody,
  b64,
  type CommitmentsFixture,
  commitmentsFixture,
  countEvents,
  dayFromToday,
  expectProblem,
  type Method,
  reportBody,
  statementBody,
} from "../../../test/helpers/commitments";

/**
 * Bad input on every commitments route: a 4xx problem+json whose errors[].field names the
 * field at fault, and nothing written (the log holds as many events after as before).
 */
const UNKNOWN = "01900000-0000-7000-8000-00000000dead";
let f: CommitmentsFixture;

before(async () => {
  f = await commitmentsFixture();
});

after(async () => {
  await f.t.dispose();
});

/** An id of the fixture; a placeholder while the test names are listed, before `before` has run. */
const id = (key: "operationId" | "activityId" | "statementId") => (f as CommitmentsFixture | undefined)?.[key] ?? "";
const big = (bytes: number) => b64(Buffer.alloc(bytes, 0x41));
const file = (over: Record<string, unknown> = {}) => ({ name: "acta.txt", type: "text/plain", contentBase64: b64("acta"), ...over });
const activity = () => activityBody(id("operationId"));
const statement = statementBody;
const report = reportBody;
const act = () => `/activities/${id("activityId")}`;
const rep = () => `/activities/${id("activityId")}/reports`;
const meeting = (over: Record<string, unknown>) => ({ date: "2023-05-11", place: "Caracas", hostNode: "ve", ...over });
const M = () => "/ministerial-meetings";
const S = () => "/statements";
const O = () => "/operations";
const A = () => "/activities";

/**
 * [name, method, url, payload, status, code, field, unknown key]: `field` is the name
 * errors[] must carry ("" when the refusal names no input); for an unknown key the answer
 * names the object at fault ("body", "query") and its message names the key.
 * Built again inside each test: payloads read ids that exist only once `before` has run.
 */
type Case = readonly [string, Method, () => string, unknown, number, string, string, string?];
// biome-ignore format: one case a line reads as a table
const cases = (): Case[] => [
  ["meeting: missing place", "POST", M, meeting({ place: undefined }), 400, "validation.failed", "place"],
  ["meeting: 30 February", "POST", M, meeting({ date: "2026-02-30" }), 400, "validation.failed", "date"],
  ["meeting: bad host", "POST", M, meeting({ hostNode: "VE!" }), 400, "validation.failed", "hostNode"],
  ["meeting: participants not a list", "POST", M, meeting({ participants: "x" }), 400, "validation.failed", "participants"],
  ["meeting: unknown field", "POST", M, meeting({ lugar: "x" }), 400, "validation.failed", "body", "lugar"],
  ["statement: missing title", "POST", S, { ...statement(), title: undefined }, 400, "validation.failed", "title"],
  ["statement: date as a number", "POST", S, { ...statement(), date: 20230511 }, 400, "validation.failed", "date"],
  ["statement: 30 February", "POST", S, { ...statement(), date: "2026-02-30" }, 400, "validation.failed", "date"],
  ["statement: no agreements", "POST", S, { ...statement(), agreements: [] }, 400, "validation.failed", "agreements"],
  ["statement: agreement number 0", "POST", S, { ...statement(), agreements: [{ number: 0, text: "a" }] }, 400, "validation.failed", "agreements.0.number"],
  ["statement: duplicate numbers", "POST", S, { ...statement(), agreements: [{ number: 1, text: "a" }, { number: 1, text: "b" }] }, 400, "validation.failed", "agreements"],
  ["statement: language fr", "POST", S, { ...statement(), language: "fr" }, 400, "validation.failed", "language"],
  ["statement: bad meeting uuid", "POST", S, { ...statement(), meetingId: "m-1" }, 400, "validation.failed", "meetingId"],
  ["statement: unknown meeting", "POST", S, { ...statement(), meetingId: UNKNOWN }, 404, "ministerial.not_found", "meetingId"],
  ["statement: unknown space", "POST", S, { ...statement(), space: "no-such-space" }, 404, "space.unknown", "space"],
  ["statement: unknown field", "POST", S, { ...statement(), firmantes: [] }, 400, "validation.failed", "body", "firmantes"],
  ["parse: missing text", "POST", () => "/statements/parse", {}, 400, "validation.failed", "text"],
  ["parse: text not a string", "POST", () => "/statements/parse", { text: 5 }, 400, "validation.failed", "text"],
  ["operation: missing name", "POST", O, { description: "x" }, 400, "validation.failed", "name"],
  ["operation: bad agreement uuid", "POST", O, { name: "O", agreementIds: ["a1"] }, 400, "validation.failed", "agreementIds.0"],
  ["operation: unknown agreement", "POST", O, { name: "O", agreementIds: [UNKNOWN] }, 422, "agreement.not_found", "agreementIds"],
  ["activity: bad operation uuid", "POST", A, { ...activity(), operationId: "op" }, 400, "validation.failed", "operationId"],
  ["activity: unknown operation", "POST", A, { ...activity(), operationId: UNKNOWN }, 404, "operation.not_found", "operationId"],
  ["activity: 30 February", "POST", A, { ...activity(), dueDate: "2026-02-30" }, 400, "validation.failed", "dueDate"],
  ["activity: start after due", "POST", A, { ...activity(), startDate: "2099-01-01" }, 400, "validation.failed", "startDate"],
  ["activity: weight 0", "POST", A, { ...activity(), weight: 0 }, 400, "validation.failed", "weight"],
  ["activity: weight as text", "POST", A, { ...activity(), weight: "1" }, 400, "validation.failed", "weight"],
  ["activity: bad milestone date", "POST", A, { ...activity(), milestones: [{ title: "M", dueDate: "mañana" }] }, 400, "validation.failed", "milestones.0.dueDate"],
  ["activity: missing title", "POST", A, { ...activity(), title: undefined }, 400, "validation.failed", "title"],
  ["activity: unknown field", "POST", A, { ...activity(), owner: "ve" }, 400, "validation.failed", "body", "owner"],
  ["patch: level 4", "PATCH", act, { level: 4 }, 400, "validation.failed", "level"],
  ["patch: level 1.5", "PATCH", act, { level: 1.5 }, 400, "validation.failed", "level"],
  ["patch: status late", "PATCH", act, { status: "late" }, 400, "validation.failed", "status"],
  ["patch: 30 February", "PATCH", act, { dueDate: "2026-02-30" }, 400, "validation.failed", "dueDate"],
  ["patch: nothing to change", "PATCH", act, { note: "solo una nota" }, 400, "validation.failed", "body"],
  ["patch: unknown field", "PATCH", act, { level: 1, ownerNode: "ve" }, 400, "validation.failed", "body", "ownerNode"],
  ["patch: bad uuid", "PATCH", () => "/activities/42", { level: 1 }, 400, "validation.failed", "path.id"],
  ["patch: unknown activity", "PATCH", () => `/activities/${UNKNOWN}`, { level: 1 }, 404, "activity.not_found", ""],
  ["report: level 4", "POST", rep, report({ proposedLevel: 4 }), 400, "validation.failed", "proposedLevel"],
  ["report: dated tomorrow", "POST", rep, report({ date: dayFromToday(1) }), 400, "validation.failed", "date"],
  ["report: 30 February", "POST", rep, report({ date: "2024-02-30" }), 400, "validation.failed", "date"],
  ["report: missing narrative", "POST", rep, { date: dayFromToday(0), proposedLevel: 1 }, 400, "validation.failed", "narrative"],
  ["report: unknown field", "POST", rep, report({ level: 2 }), 400, "validation.failed", "body", "level"],
  ["report: evidence 2 MB + 1 byte", "POST", rep, report({ evidence: [file({ contentBase64: big(2 * 1024 * 1024 + 1) })] }), 413, "evidence.too_large", "evidence.0.contentBase64"],
  ["report: evidence of 3 MB", "POST", rep, report({ evidence: [file({ contentBase64: big(3 * 1024 * 1024) })] }), 400, "validation.failed", "evidence.0.contentBase64"],
  ["report: empty evidence", "POST", rep, report({ evidence: [file({ contentBase64: "" })] }), 400, "validation.failed", "evidence.0.contentBase64"],
  ["report: a .png that is not PNG", "POST", rep, report({ evidence: [file({ name: "foto.png", type: "image/png", contentBase64: b64("MZ\x90\x00 not a png") })] }), 415, "evidence.type_mismatch", "evidence.0.type"],
  ["report: a PDF that is text", "POST", rep, report({ evidence: [file(), file({ name: "a.pdf", type: "application/pdf" })] }), 415, "evidence.type_mismatch", "evidence.1.type"],
  ["report: unknown type", "POST", rep, report({ evidence: [file({ type: "application/x-msdownload" })] }), 400, "validation.failed", "evidence.0.type"],
  ["report: six files", "POST", rep, report({ evidence: [1, 2, 3, 4, 5, 6].map((i) => file({ name: `f${i}.txt` })) }), 400, "validation.failed", "evidence"],
  ["report: a path as file name", "POST", rep, report({ evidence: [file({ name: "../../etc/passwd" })] }), 400, "validation.failed", "evidence.0.name"],
  ["report: content not base64", "POST", rep, report({ evidence: [file({ contentBase64: "no es base64!" })] }), 400, "validation.failed", "evidence.0.contentBase64"],
  ["report: unknown activity", "POST", () => `/activities/${UNKNOWN}/reports`, report(), 404, "activity.not_found", ""],
  ["list: limit 0", "GET", () => "/activities?limit=0", undefined, 400, "validation.failed", "query.limit"],
  ["list: limit as text", "GET", () => "/activities?limit=ten", undefined, 400, "validation.failed", "query.limit"],
  ["list: unknown status", "GET", () => "/activities?status=done", undefined, 400, "validation.failed", "query.status"],
  ["list: bad owner", "GET", () => "/activities?ownerNode=CO", undefined, 400, "validation.failed", "query.ownerNode"],
  ["list: bad operation", "GET", () => "/activities?operationId=1", undefined, 400, "validation.failed", "query.operationId"],
  ["list: bad cursor", "GET", () => "/activities?cursor=a%2Fb", undefined, 400, "validation.failed", "query.cursor"],
  ["list: unknown parameter", "GET", () => "/activities?owner=co", undefined, 400, "validation.failed", "query", "owner"],
  ["activity: bad uuid", "GET", () => "/activities/xyz", undefined, 400, "validation.failed", "path.id"],
  ["activity: unknown", "GET", () => `/activities/${UNKNOWN}`, undefined, 404, "activity.not_found", "path.id"],
  ["statement: bad uuid", "GET", () => "/statements/xyz", undefined, 400, "validation.failed", "path.id"],
  ["statement: unknown", "GET", () => `/statements/${UNKNOWN}`, undefined, 404, "statement.not_found", "path.id"],
  ["rollup: bad uuid", "GET", () => "/operations/xyz/rollup", undefined, 400, "validation.failed", "path.id"],
  ["rollup: 30 February", "GET", () => `/operations/${id("operationId")}/rollup?baseline=2026-02-30`, undefined, 400, "validation.failed", "query.baseline"],
  ["rollup: unknown", "GET", () => `/operations/${UNKNOWN}/rollup`, undefined, 404, "operation.not_found", "path.id"],
  ["evidence: not a hash", "GET", () => "/evidence/abc", undefined, 400, "validation.failed", "path.sha256"],
  ["evidence: unknown", "GET", () => `/evidence/${"0".repeat(64)}`, undefined, 404, "evidence.not_found", "path.sha256"],
  ["progress: no statement", "GET", () => "/reports/progress", undefined, 400, "validation.failed", "query.statementId"],
  ["progress: language fr", "GET", () => `/reports/progress?statementId=${id("statementId")}&lang=fr`, undefined, 400, "validation.failed", "query.lang"],
  ["progress: unknown", "GET", () => `/reports/progress?statementId=${UNKNOWN}`, undefined, 404, "statement.not_found", "query.statementId"],
  ["pdf: month 13", "GET", () => `/reports/progress.pdf?statementId=${id("statementId")}&baseline=2026-13-01`, undefined, 400, "validation.failed", "query.baseline"],
  ["pdf: unknown", "GET", () => `/reports/progress.pdf?statementId=${UNKNOWN}`, undefined, 404, "statement.not_found", "query.statementId"],
];

describe("bad input", () => {
  for (const [index, [name, , , , status, code, field, unknownKey]] of cases().entries()) {
    it(`${name} → ${status} ${code}${field ? ` (${field})` : ""}`, async () => {
      const [, method, url, payload] = cases()[index] as Case;
      const before = await countEvents(f.t.node);
      const body = expectProblem(await f.api(f.as("ana"), method, url(), payload), status, code);
      if (field) {
        const fields = (body.errors ?? []).map((e) => e.field);
        assert.ok(fields.includes(field), `errors name ${JSON.stringify(fields)}, not ${field}`);
      }
      if (unknownKey) {
        const named = (body.errors ?? []).some((e) => e.message.includes(`"${unknownKey}"`));
        assert.ok(named, `the unknown key ${unknownKey} is not named: ${JSON.stringify(body.errors)}`);
      }
      assert.equal(await countEvents(f.t.node), before, "a refused request wrote events");
    });
  }

  it("covers every route of commitments with at least one case", () => {
    const routes = new Set(
      cases().map(
        ([, method, url]) =>
          `${method} ${url()
            .split("?")[0]
            ?.replace(/[0-9a-f-]{36}|[0-9a-f]{64}|xyz|abc|42/g, ":id")}`,
      ),
    );
    for (const route of [
      "POST /ministerial-meetings",
      "POST /statements",
      "POST /statements/parse",
      "POST /operations",
      "POST /activities",
      "PATCH /activities/:id",
      "POST /activities/:id/reports",
      "GET /activities",
      "GET /activities/:id",
      "GET /statements/:id",
      "GET /operations/:id/rollup",
      "GET /evidence/:id",
      "GET /reports/progress",
      "GET /reports/progress.pdf",
    ]) {
      assert.ok(routes.has(route), `no bad-input case for ${route}`);
    }
  });

  it("a body that is not JSON is refused, with nothing written", async () => {
    const before = await countEvents(f.t.node);
    const res = await f.api(f.as("ana"), "POST", "/activities", "{not json", { "content-type": "application/json" });
    expectProblem(res, 400, "request.malformed");
    assert.equal(await countEvents(f.t.node), before);
  });

  it("an answer in English when asked, with the same fields", async () => {
    const res = await f.api(f.as("ana"), "PATCH", act(), { level: 4 }, { "accept-language": "en" });
    const body = expectProblem(res, 400, "validation.failed");
    assert.equal(body.title, "The request is not valid.");
    assert.deepEqual(
      body.errors?.map((e) => e.field),
      ["level"],
    );
  });
});

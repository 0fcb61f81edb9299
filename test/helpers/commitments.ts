import assert from "node:assert/strict";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Role } from "../../src/core/admin/schema";
import type { App } from "../../src/server/http/types";
import type { NodeRuntime } from "../../src/server/node";
import { addUser, createTestApp } from "./node";

/** Shared pieces of the commitments HTTP suites: calling the API as a user, problems, counting events. */
export const V1 = "/api/v1";

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
}

export interface ActivityBody {
  id: string;
  operationId: string;
  title: string;
  ownerNode: string;
  space: string;
  dueDate: string;
  level: number;
  status: string;
  weight: number;
  reports: Array<{
    id: string;
    node: string;
    author: string;
    date: string;
    proposedLevel: number;
    narrative: string;
    evidence: EvidenceRef[];
  }>;
  history: Array<{ node: string; actor: string; type: string; summary: string }>;
}

export interface EvidenceRef {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export type Method = "GET" | "POST" | "PATCH";

/** Calls the API of `app` with a bearer token (or none), JSON in and out. */
export function apiOf(app: App) {
  return (token: string | undefined, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const opts: InjectOptions = {
      method,
      url: `${V1}${url}`,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as InjectOptions["payload"] } : {}),
    };
    return app.inject(opts);
  };
}

/** Asserts a problem+json answer with this status and code and returns its body. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): ProblemBody {
  assert.equal(res.statusCode, status, `expected ${status} ${code}, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
  assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
  const body = res.json<ProblemBody>();
  assert.equal(body.code, code, res.body.slice(0, 500));
  assert.equal(body.status, status);
  assert.equal(body.type, `urn:enlace:problem:${code}`);
  assert.ok(body.title.length > 0);
  return body;
}

/** Asserts a JSON answer with this status and returns its body. */
export function expectJson<T>(res: LightMyRequestResponse, status = 200): T {
  assert.equal(res.statusCode, status, `expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
  return res.json<T>();
}

/** How many events the node's log holds (every space): a refused request must not change it. */
export async function countEvents(node: NodeRuntime): Promise<number> {
  const row = await node.db.kysely
    .selectFrom("events")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A day `days` from today (UTC), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
}

/** A valid PNG header followed by some bytes: enough for the type check, which reads the signature. */
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR-demo-bytes")]);

export const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString("base64");

/** One user of each role, by name. */
export const ROLE_USERS: ReadonlyArray<readonly [string, Role]> = [
  ["ana", "admin"],
  ["carlos", "commander"],
  ["olga", "officer"],
  ["andres", "analyst"],
  ["vera", "viewer"],
];

export const statementBody = (n = 1) => ({
  date: "2023-05-11",
  title: `Declaración ${n}`,
  agreements: [{ number: 1, text: "Reconocer el avance" }],
});
export const activityBody = (operationId: string) => ({
  operationId,
  title: "Patrullaje",
  responsibleUnit: "Brigada 30",
  dueDate: dayFromToday(90),
});
export const reportBody = (extra: Record<string, unknown> = {}) => ({
  date: dayFromToday(0),
  proposedLevel: 1,
  narrative: "Avance del lado venezolano",
  ...extra,
});

/**
 * A node with its app, one user of each role (bearer tokens by name) and one of everything:
 * a statement with an agreement, an operation serving it, an activity with a report whose
 * evidence is a PNG.
 */
export async function commitmentsFixture() {
  const t = await createTestApp();
  const api = apiOf(t.app);
  const tokens = new Map<string, string>();
  for (const [user, role] of ROLE_USERS) tokens.set(user, await addUser(t.node, user, role));
  const as = (user: string) => tokens.get(user) ?? "missing";
  const s = expectJson<{ id: string; agreements: { id: string }[] }>(await api(as("ana"), "POST", "/statements", statementBody()), 201);
  const agreementId = s.agreements[0]?.id ?? "";
  const op = await api(as("ana"), "POST", "/operations", { name: "Escudo", agreementIds: [agreementId] });
  const operationId = expectJson<{ id: string }>(op, 201).id;
  const activityId = expectJson<{ id: string }>(await api(as("ana"), "POST", "/activities", activityBody(operationId)), 201).id;
  const file = { name: "foto.png", type: "image/png", contentBase64: b64(PNG_BYTES) };
  expectJson(await api(as("ana"), "POST", `/activities/${activityId}/reports`, reportBody({ evidence: [file] })), 201);
  const detail = expectJson<ActivityBody>(await api(as("ana"), "GET", `/activities/${activityId}`));
  const evidenceSha = detail.reports[0]?.evidence[0]?.sha256 ?? "";
  return { t, api, as, statementId: s.id, agreementId, operationId, activityId, evidenceSha };
}

export type CommitmentsFixture = Awaited<ReturnType<typeof commitmentsFixture>>;

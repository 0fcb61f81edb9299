import { createHash } from "node:crypto";
import {
  decideActivity,
  decideActivityPatch,
  decideMinisterialMeeting,
  decideOperation,
  decideReport,
  decideStatement,
} from "../../core/commitments/decide";
import { type CommitmentAction, canCommit } from "../../core/commitments/policy";
import type {
  ActivityInput,
  ActivityPatch,
  MinisterialMeetingInput,
  OperationInput,
  ReportInput,
  StatementInput,
} from "../../core/commitments/schema";
import { DomainError } from "../../core/errors";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import { type Actor, actorName, type CommandContext } from "../admin/commands";
import { type Sql, statement } from "../db/database";
import { activityById } from "./queries";

/** The commitments use cases, callable from HTTP, the CLI, the demo seeder and tests. */
export function authorizeCommit(actor: Actor, action: CommitmentAction): void {
  if (!canCommit(actor.role, action)) throw new DomainError("auth.forbidden", `role ${actor.role} may not ${action}`);
}

/** Today as YYYY-MM-DD (UTC); commands take it as an argument so tests can fix it. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * Where a new object lives: the space asked for (the national space, or a shared space this
 * node has joined), else the first shared space — objects are binational by default.
 */
/** Named, so PostgreSQL prepares it once per connection: most shared writes start with it. */
const JOINED_SPACES = statement(
  "SELECT m.space FROM space_members m JOIN spaces s ON s.id = m.space WHERE m.node = ? AND m.joined_at IS NOT NULL ORDER BY s.created_at, s.id",
);

export async function resolveSpace(sql: Sql, node: string, requested?: string): Promise<string> {
  if (requested === NATIONAL_SPACE) return requested;
  const joined = await sql.all<{ space: string }>(JOINED_SPACES, [node]);
  if (requested !== undefined) {
    if (!joined.some((j) => j.space === requested))
      throw new DomainError("space.unknown", `this node has not joined space ${requested}`, "space");
    return requested;
  }
  return joined[0]?.space ?? NATIONAL_SPACE;
}

const target = async (ctx: CommandContext, sql: Sql, space?: string) => ({
  space: await resolveSpace(sql, ctx.actor.node, space),
  actor: actorName(ctx.actor),
});

export async function recordMinisterialMeeting(ctx: CommandContext, input: MinisterialMeetingInput): Promise<string> {
  authorizeCommit(ctx.actor, "statement.record");
  const id = uuidv7();
  await ctx.store.write(async (tx) => tx.append(decideMinisterialMeeting(input, id, await target(ctx, tx.sql, input.space))));
  return id;
}

export async function recordStatement(ctx: CommandContext, input: StatementInput): Promise<string> {
  authorizeCommit(ctx.actor, "statement.record");
  const ids = { statement: uuidv7(), agreements: input.agreements.map(() => uuidv7()) };
  await ctx.store.write(async (tx) => {
    const t = await target(ctx, tx.sql, input.space);
    const meeting = input.meetingId
      ? await tx.sql.all("SELECT 1 AS one FROM ministerial_meetings WHERE id = ? AND space = ?", [input.meetingId, t.space])
      : [];
    await tx.append(decideStatement(input, ids, meeting.length > 0, t));
  });
  return ids.statement;
}

export async function createOperation(ctx: CommandContext, input: OperationInput): Promise<string> {
  authorizeCommit(ctx.actor, "operation.manage");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await target(ctx, tx.sql, input.space);
    const ids = [...new Set(input.agreementIds)];
    const found = ids.length
      ? await tx.sql.all(`SELECT id FROM agreements WHERE space = ? AND id IN (${ids.map(() => "?").join(", ")})`, [t.space, ...ids])
      : [];
    await tx.append(decideOperation(input, id, found.length, t));
  });
  return id;
}

/** An activity lives in its operation's space, owned by the node that creates it. */
export async function createActivity(ctx: CommandContext, input: ActivityInput): Promise<string> {
  authorizeCommit(ctx.actor, "activity.manage");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const op = (await tx.sql.all<{ space: string }>("SELECT space FROM operations WHERE id = ?", [input.operationId]))[0];
    if (!op) throw new DomainError("operation.not_found", "no such operation", "operationId");
    await tx.append(decideActivity(input, id, { space: op.space, actor: actorName(ctx.actor) }));
  });
  return id;
}

const activityState = async (sql: Sql, id: string) => {
  const row = await activityById(sql, id);
  return (
    row && {
      id: row.id,
      space: row.space,
      ownerNode: row.owner,
      level: Number(row.level),
      dueDate: row.due_date,
      flaggedAtRisk: Number(row.flagged_at_risk) === 1,
    }
  );
};

export async function patchActivity(ctx: CommandContext, id: string, patch: ActivityPatch, today = todayUtc()): Promise<void> {
  authorizeCommit(ctx.actor, "activity.manage");
  await ctx.store.write(async (tx) => {
    const events = decideActivityPatch(await activityState(tx.sql, id), patch, ctx.actor.node, today, actorName(ctx.actor));
    if (events.length) await tx.append(events);
  });
}

/** The file's first bytes must match its declared type, so a renamed executable is refused. */
function sniff(type: string, bytes: Buffer): boolean {
  if (type === "application/pdf") return bytes.subarray(0, 5).toString("latin1") === "%PDF-";
  if (type === "image/png") return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (type === "image/jpeg") return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return !bytes.includes(0) && Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes);
}

export async function postReport(ctx: CommandContext, id: string, input: ReportInput, today = todayUtc()): Promise<string> {
  authorizeCommit(ctx.actor, "activity.report");
  const evidence = input.evidence.map((f, i) => {
    const bytes = Buffer.from(f.contentBase64, "base64");
    if (bytes.length === 0 || bytes.length > 2 * 1024 * 1024)
      throw new DomainError("evidence.too_large", `${f.name}: a file must hold 1 byte to 2 MB`, `evidence.${i}.contentBase64`);
    if (!sniff(f.type, bytes))
      throw new DomainError("evidence.type_mismatch", `${f.name}: the content is not ${f.type}`, `evidence.${i}.type`);
    return {
      name: f.name,
      type: f.type,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      content: bytes.toString("base64"),
    };
  });
  const reportId = uuidv7();
  await ctx.store.write(async (tx) =>
    tx.append(decideReport(await activityState(tx.sql, id), { id: reportId, ...input, evidence }, today, actorName(ctx.actor))),
  );
  return reportId;
}

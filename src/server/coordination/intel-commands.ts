import {
  decideConsentAnswer,
  decideConsentRequest,
  decideIntelReport,
  decideIntelWithdraw,
  decideRelease,
} from "../../core/coordination/decide-intel";
import { decideRfi, decideRfiClose, decideRfiReply } from "../../core/coordination/decide-rfi";
import type {
  ConsentAnswerInput,
  ConsentRequestInput,
  IntelReportInput,
  ReleaseInput,
  RfiInput,
  RfiReplyInput,
} from "../../core/coordination/threat-inputs";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import type { CommandContext } from "../admin/commands";
import { resolveSpace } from "../commitments/commands";
import type { Sql } from "../db/database";
import { isSpaceMember } from "../federation/queries";
import { authorizeCoordination, targetIn, writer } from "./commands";
import { consentFor, consentRequest, reportRow, toReportState } from "./intel-queries";
import { actorLookup, linkLookups, reportLookup, sectorLookup } from "./refs";
import { rfiRow, toRfiState } from "./rfi-queries";

/** Intelligence use cases: write nationally, release, ask and answer consent, withdraw; RFIs. */
export async function writeReport(ctx: CommandContext, input: IntelReportInput): Promise<string> {
  authorizeCoordination(ctx.actor, "intel.write");
  const id = uuidv7();
  await ctx.store.write(async (tx) =>
    tx.append(decideIntelReport(input, id, await linkLookups(tx.sql, input.links, NATIONAL_SPACE), writer(ctx))),
  );
  return id;
}

/**
 * Releases a report into a shared space as a new sanitised copy (its id is returned): the
 * node's own material freely, another node's only with a consent that node granted.
 */
export async function releaseReport(ctx: CommandContext, id: string, input: ReleaseInput): Promise<string> {
  authorizeCoordination(ctx.actor, "intel.release");
  const copyId = uuidv7();
  await ctx.store.write(async (tx) => {
    const row = await reportRow(tx.sql, id);
    const space = await resolveSpace(tx.sql, ctx.actor.node, input.space);
    const consent = row ? await consentFor(tx.sql, id, ctx.actor.node, space) : undefined;
    const facts = { copyId, lookups: await linkLookups(tx.sql, input.links, space), consent };
    await tx.append(decideRelease(row && toReportState(row), { ...input, space }, facts, writer(ctx)));
  });
  return copyId;
}

const joined = async (sql: Sql, node: string, space: string) =>
  (await sql.all("SELECT 1 AS one FROM space_members WHERE space = ? AND node = ? AND joined_at IS NOT NULL", [space, node])).length > 0;

/** Asks a report's originator for consent to pass it into another space (the request's id). */
export async function requestConsent(ctx: CommandContext, id: string, input: ConsentRequestInput): Promise<string> {
  authorizeCoordination(ctx.actor, "intel.release");
  const requestId = uuidv7();
  await ctx.store.write(async (tx) => {
    const row = await reportRow(tx.sql, id);
    const facts = {
      requestId,
      targetJoined: await joined(tx.sql, ctx.actor.node, input.targetSpace),
      originatorIsMember: row ? await isSpaceMember(tx.sql, row.space, row.originator_node) : false,
    };
    await tx.append(decideConsentRequest(row && toReportState(row), input, facts, writer(ctx)));
  });
  return requestId;
}

/** The originator grants or refuses a consent request. */
export async function answerConsent(ctx: CommandContext, id: string, requestId: string, input: ConsentAnswerInput): Promise<void> {
  authorizeCoordination(ctx.actor, "intel.consent");
  await ctx.store.write(async (tx) => {
    const row = await reportRow(tx.sql, id);
    await tx.append(decideConsentAnswer(row && toReportState(row), await consentRequest(tx.sql, requestId), input, writer(ctx)));
  });
}

export async function withdrawReport(ctx: CommandContext, id: string, reason: string): Promise<void> {
  authorizeCoordination(ctx.actor, "intel.write");
  await ctx.store.write(async (tx) => {
    const row = await reportRow(tx.sql, id);
    await tx.append(decideIntelWithdraw(row && toReportState(row), reason, writer(ctx)));
  });
}

export async function requestInformation(ctx: CommandContext, input: RfiInput): Promise<string> {
  authorizeCoordination(ctx.actor, "rfi.manage");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await targetIn(ctx, tx.sql, input.space);
    const refs = {
      sectors: await sectorLookup(tx.sql, input.sectorIds, t.space),
      actors: await actorLookup(tx.sql, input.threatActorIds, t.space),
    };
    await tx.append(decideRfi(input, id, refs, t));
  });
  return id;
}

export async function replyToRfi(ctx: CommandContext, id: string, input: RfiReplyInput): Promise<string> {
  authorizeCoordination(ctx.actor, "rfi.manage");
  const replyId = uuidv7();
  await ctx.store.write(async (tx) => {
    const row = await rfiRow(tx.sql, id);
    const reports = await reportLookup(tx.sql, input.reportIds, row?.space ?? "");
    await tx.append(decideRfiReply(row && toRfiState(row), input, replyId, reports, writer(ctx)));
  });
  return replyId;
}

export async function closeRfi(ctx: CommandContext, id: string, reason: string): Promise<void> {
  authorizeCoordination(ctx.actor, "rfi.manage");
  await ctx.store.write(async (tx) => {
    const row = await rfiRow(tx.sql, id);
    await tx.append(decideRfiClose(row && toRfiState(row), reason, writer(ctx)));
  });
}

import {
  decideAttendance,
  decideCancel,
  decideMeeting,
  decideMeetingPatch,
  decideMinutes,
  type MeetingRefs,
} from "../../core/coordination/decide-meetings";
import { type ActionOperation, decideOutcome } from "../../core/coordination/decide-outcomes";
import { decideSeries, decideSeriesCancel, occurrencesOf } from "../../core/coordination/decide-series";
import type { AttendanceInput, MeetingInput, MeetingPatch, OutcomeInput, SeriesInput } from "../../core/coordination/inputs";
import { DomainError } from "../../core/errors";
import { uuidv7 } from "../../core/log/ids";
import type { CommandContext } from "../admin/commands";
import { authorizeCommit } from "../commitments/commands";
import type { Sql } from "../db/database";
import { authorizeCoordination, checkUnitScope, nowIso, targetIn, writer } from "./commands";
import { meetingRow, toMeetingState } from "./meeting-queries";
import { operationIn, sectorLookup, unitFacts } from "./refs";
import { seriesState } from "./series-queries";
import { unitRow } from "./unit-queries";

/** The meeting use cases: schedule, change, cancel, attend, minutes, outcomes, series. */
async function meetingRefs(
  sql: Sql,
  space: string,
  m: { hostUnitId?: string; invitedUnitIds?: readonly string[]; sectorId?: string | null; operationId?: string | null },
): Promise<MeetingRefs> {
  return {
    units: await unitFacts(sql, [...(m.hostUnitId ? [m.hostUnitId] : []), ...(m.invitedUnitIds ?? [])], space),
    sectors: await sectorLookup(sql, m.sectorId ? [m.sectorId] : [], space),
    operationFound: await operationIn(sql, m.operationId, space),
  };
}

const freshIds = (n: number) => Array.from({ length: n }, () => uuidv7());

export async function scheduleMeeting(ctx: CommandContext, input: MeetingInput): Promise<string> {
  authorizeCoordination(ctx.actor, "meeting.manage");
  checkUnitScope(ctx.actor, input.hostUnitId, "hostUnitId");
  const id = uuidv7();
  await ctx.store.write(async (tx) => {
    const t = await targetIn(ctx, tx.sql, input.space);
    const refs = await meetingRefs(tx.sql, t.space, input);
    await tx.append(decideMeeting(input, { meeting: id, agenda: freshIds(input.agenda.length) }, refs, t));
  });
  return id;
}

/** Loads the meeting and checks the actor's scope covers its host unit. */
async function loadMeeting(ctx: CommandContext, sql: Sql, id: string) {
  const row = await meetingRow(sql, id);
  if (row) checkUnitScope(ctx.actor, row.host_unit_id);
  return row && toMeetingState(row);
}

export async function patchMeeting(ctx: CommandContext, id: string, patch: MeetingPatch): Promise<void> {
  authorizeCoordination(ctx.actor, "meeting.manage");
  await ctx.store.write(async (tx) => {
    const m = await loadMeeting(ctx, tx.sql, id);
    const refs = await meetingRefs(tx.sql, m?.space ?? "", patch);
    const events = decideMeetingPatch(m, patch, freshIds(patch.agenda?.length ?? 0), refs, writer(ctx));
    if (events.length) await tx.append(events);
  });
}

export async function cancelMeeting(ctx: CommandContext, id: string, reason: string): Promise<void> {
  authorizeCoordination(ctx.actor, "meeting.manage");
  await ctx.store.write(async (tx) => tx.append(decideCancel(await loadMeeting(ctx, tx.sql, id), reason, writer(ctx))));
}

export async function confirmAttendance(ctx: CommandContext, id: string, input: AttendanceInput): Promise<void> {
  authorizeCoordination(ctx.actor, "meeting.attend");
  checkUnitScope(ctx.actor, input.unitId, "unitId");
  await ctx.store.write(async (tx) => {
    const row = await meetingRow(tx.sql, id);
    const [unit] = row ? await unitFacts(tx.sql, [input.unitId], row.space) : [];
    await tx.append(decideAttendance(row && toMeetingState(row), input, unit, writer(ctx)));
  });
}

export async function recordMinutes(ctx: CommandContext, id: string, text: string): Promise<void> {
  authorizeCoordination(ctx.actor, "meeting.manage");
  await ctx.store.write(async (tx) => tx.append(decideMinutes(await loadMeeting(ctx, tx.sql, id), text, writer(ctx))));
}

/** The operation an action item joins (see decide-outcomes.ts for the order of choice). */
async function actionOperation(sql: Sql, space: string, named: string | undefined, meetingOp: string | null, hostUnitId: string) {
  if (named !== undefined) {
    if (!(await operationIn(sql, named, space)))
      throw new DomainError("operation.not_found", "no such operation in this space", "action.operationId");
    return { id: named, existing: true } as const;
  }
  if (meetingOp && (await operationIn(sql, meetingOp, space))) return { id: meetingOp, existing: true } as const;
  const host = await unitRow(sql, hostUnitId);
  if (host?.action_operation_id && (await operationIn(sql, host.action_operation_id, space))) {
    return { id: host.action_operation_id, existing: true } as const;
  }
  const name = host?.name ?? hostUnitId;
  return {
    id: uuidv7(),
    existing: false,
    name: `Acciones de coordinación regional — ${name}`,
    description: `Acciones acordadas en las reuniones de coordinación regional que organiza ${name}.`,
  } satisfies ActionOperation;
}

export async function recordOutcome(ctx: CommandContext, id: string, input: OutcomeInput): Promise<string> {
  authorizeCoordination(ctx.actor, "meeting.manage");
  if (input.kind === "action") authorizeCommit(ctx.actor, "activity.manage");
  const outcomeId = uuidv7();
  await ctx.store.write(async (tx) => {
    const m = await loadMeeting(ctx, tx.sql, id);
    const units = m ? await unitFacts(tx.sql, [m.hostUnitId, ...m.invitedUnitIds], m.space) : [];
    const operation =
      m && m.ownerNode === ctx.actor.node && m.status === "scheduled" && input.action
        ? await actionOperation(tx.sql, m.space, input.action.operationId, m.operationId, m.hostUnitId)
        : undefined;
    const facts = { outcomeId, activityId: uuidv7(), units, ...(operation ? { operation } : {}) };
    await tx.append(decideOutcome(m, input, facts, writer(ctx)));
  });
  return outcomeId;
}

export async function createSeries(ctx: CommandContext, input: SeriesInput): Promise<string> {
  authorizeCoordination(ctx.actor, "meeting.manage");
  checkUnitScope(ctx.actor, input.hostUnitId, "hostUnitId");
  const count = occurrencesOf(input).list.length;
  const ids = { series: uuidv7(), meetings: freshIds(count), agenda: freshIds(input.agenda.length) };
  await ctx.store.write(async (tx) => {
    const t = await targetIn(ctx, tx.sql, input.space);
    await tx.append(decideSeries(input, ids, await meetingRefs(tx.sql, t.space, input), t));
  });
  return ids.series;
}

/** Cancels a series from `from` (default now): its meetings from then on are cancelled too. */
export async function cancelSeries(ctx: CommandContext, id: string, reason: string, from = nowIso()): Promise<void> {
  authorizeCoordination(ctx.actor, "meeting.manage");
  await ctx.store.write(async (tx) => {
    const s = await seriesState(tx.sql, id);
    const host = s && (await tx.sql.all<{ host_unit_id: string }>("SELECT host_unit_id FROM coord_series WHERE id = ?", [id]))[0];
    if (host) checkUnitScope(ctx.actor, host.host_unit_id);
    await tx.append(decideSeriesCancel(s, from, reason, writer(ctx)));
  });
}

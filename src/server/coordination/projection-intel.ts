import type { ColumnDefinitionBuilder, Kysely } from "kysely";
import { hlcIso } from "../../core/log/hlc";
import type { Sql } from "../db/database";
import type { Projection, StoredEvent } from "../db/projections";

/**
 * The threat and risk register, intelligence reports with their releases and consent
 * requests, and requests for information, as `coord_` tables. An answer to a consent request
 * counts only when its writer is the report's originator node; that check is made here, for
 * local and received events alike, because the writer rule (`member`) cannot express it.
 */
export const intelProjection: Projection = {
  name: "coordination-intel",
  version: 1,
  tables: [
    "coord_threat_actors",
    "coord_actor_sectors",
    "coord_risk_factors",
    "coord_assessments",
    "coord_assessment_history",
    "coord_intel_reports",
    "coord_intel_links",
    "coord_intel_releases",
    "coord_consents",
    "coord_rfis",
    "coord_rfi_replies",
  ],
  types: [
    "threat_actor.recorded",
    "threat_actor.updated",
    "risk_factor.recorded",
    "risk_factor.updated",
    "threat_assessment.recorded",
    "threat_assessment.revised",
    "threat_assessment.withdrawn",
    "intel_report.written",
    "intel_report.withdrawn",
    "intel_report.released",
    "intel_report.rereleased",
    "intel_report.consent_requested",
    "intel_report.consent_answered",
    "rfi.requested",
    "rfi.replied",
    "rfi.closed",
  ],
  async create(db: Kysely<unknown>) {
    const table = (name: string) => db.schema.createTable(name);
    const owned = (name: string) =>
      table(name)
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("space", "text", (c) => c.notNull())
        .addColumn("owner", "text", (c) => c.notNull());
    const index = (name: string, on: string, columns: string[]) => db.schema.createIndex(name).on(on).columns(columns).execute();
    const t = "text" as const;
    const nn = (c: ColumnDefinitionBuilder) => c.notNull();
    await owned("coord_threat_actors")
      .addColumn("name", t, nn)
      .addColumn("aliases", t, nn)
      .addColumn("activities", t, nn)
      .addColumn("description", t, nn)
      .addColumn("areas", t, nn)
      .addColumn("first_seen", t)
      .addColumn("last_seen", t)
      .addColumn("tlp", t, nn)
      .addColumn("created_at", t, nn)
      .addColumn("updated_at", t, nn)
      .execute();
    await table("coord_actor_sectors")
      .addColumn("actor_id", t, nn)
      .addColumn("sector_id", t, nn)
      .addPrimaryKeyConstraint("coord_actor_sectors_pk", ["sector_id", "actor_id"])
      .execute();
    await owned("coord_risk_factors")
      .addColumn("sector_id", t, nn)
      .addColumn("category", t, nn)
      .addColumn("title", t, nn)
      .addColumn("description", t, nn)
      .addColumn("level", t, nn)
      .addColumn("status", t, nn)
      .addColumn("created_at", t, nn)
      .addColumn("updated_at", t, nn)
      .execute();
    await index("coord_risk_factors_sector", "coord_risk_factors", ["sector_id", "id"]);
    await owned("coord_assessments")
      .addColumn("threat_actor_id", t)
      .addColumn("sector_id", t)
      .addColumn("level", t, nn)
      .addColumn("reliability", t, nn)
      .addColumn("credibility", "integer", nn)
      .addColumn("summary", t, nn)
      .addColumn("body", t, nn)
      .addColumn("tlp", t, nn)
      .addColumn("status", t, nn)
      .addColumn("withdrawn_reason", t)
      .addColumn("revision", "integer", nn)
      .addColumn("created_at", t, nn)
      .addColumn("updated_at", t, nn)
      .execute();
    await index("coord_assessments_sector", "coord_assessments", ["sector_id", "id"]);
    await index("coord_assessments_actor", "coord_assessments", ["threat_actor_id", "id"]);
    await table("coord_assessment_history")
      .addColumn("assessment_id", t, nn)
      .addColumn("revision", "integer", nn)
      .addColumn("level", t, nn)
      .addColumn("reliability", t, nn)
      .addColumn("credibility", "integer", nn)
      .addColumn("summary", t, nn)
      .addColumn("body", t, nn)
      .addColumn("note", t, nn)
      .addColumn("actor", t, nn)
      .addColumn("at", t, nn)
      .addPrimaryKeyConstraint("coord_assessment_history_pk", ["assessment_id", "revision"])
      .execute();
    await owned("coord_intel_reports")
      .addColumn("originator_node", t, nn)
      .addColumn("originator", t, nn)
      .addColumn("summary", t, nn)
      .addColumn("body", t, nn)
      .addColumn("tlp", t, nn)
      .addColumn("reliability", t, nn)
      .addColumn("credibility", "integer", nn)
      .addColumn("links", t, nn)
      .addColumn("derived_space", t)
      .addColumn("derived_id", t)
      .addColumn("status", t, nn)
      .addColumn("withdrawn_reason", t)
      .addColumn("created_at", t, nn)
      .addColumn("updated_at", t, nn)
      .execute();
    await index("coord_intel_reports_space", "coord_intel_reports", ["space", "id"]);
    await table("coord_intel_links")
      .addColumn("report_id", t, nn)
      .addColumn("kind", t, nn)
      .addColumn("target_id", t, nn)
      .addPrimaryKeyConstraint("coord_intel_links_pk", ["kind", "target_id", "report_id"])
      .execute();
    await index("coord_intel_links_report", "coord_intel_links", ["report_id"]);
    await table("coord_intel_releases")
      .addColumn("copy_id", t, (c) => c.primaryKey())
      .addColumn("source_id", t, nn)
      .addColumn("copy_space", t, nn)
      .addColumn("node", t, nn)
      .addColumn("kind", t, nn)
      .addColumn("consent_request_id", t)
      .addColumn("actor", t, nn)
      .addColumn("at", t, nn)
      .execute();
    await index("coord_intel_releases_source", "coord_intel_releases", ["source_id"]);
    await table("coord_consents")
      .addColumn("id", t, (c) => c.primaryKey())
      .addColumn("report_id", t, nn)
      .addColumn("space", t, nn)
      .addColumn("requester_node", t, nn)
      .addColumn("target_space", t, nn)
      .addColumn("purpose", t, nn)
      .addColumn("requested_by", t, nn)
      .addColumn("requested_at", t, nn)
      .addColumn("state", t, nn)
      .addColumn("answered_by", t)
      .addColumn("answered_at", t)
      .addColumn("note", t)
      .addColumn("copy_id", t)
      .execute();
    await index("coord_consents_report", "coord_consents", ["report_id", "requested_at"]);
    await owned("coord_rfis")
      .addColumn("question", t, nn)
      .addColumn("context", t, nn)
      .addColumn("precedence", t, nn)
      .addColumn("due_date", t)
      .addColumn("addressed_to", t, nn)
      .addColumn("sector_ids", t, nn)
      .addColumn("threat_actor_ids", t, nn)
      .addColumn("status", t, nn)
      .addColumn("close_reason", t)
      .addColumn("created_at", t, nn)
      .addColumn("updated_at", t, nn)
      .execute();
    await table("coord_rfi_replies")
      .addColumn("id", t, (c) => c.primaryKey())
      .addColumn("rfi_id", t, nn)
      .addColumn("node", t, nn)
      .addColumn("actor", t, nn)
      .addColumn("text", t, nn)
      .addColumn("report_ids", t, nn)
      .addColumn("at", t, nn)
      .addColumn("hlc", t, nn)
      .execute();
    await index("coord_rfi_replies_rfi", "coord_rfi_replies", ["rfi_id", "hlc"]);
  },
  apply: (tx, e) => applyIntelEvent(tx, e),
};

type Data = Record<string, unknown>;
const json = (v: unknown) => JSON.stringify(v ?? []);

async function setActorSectors(tx: Sql, actorId: string, sectors: string[]): Promise<void> {
  await tx.run("DELETE FROM coord_actor_sectors WHERE actor_id = ?", [actorId]);
  for (const s of new Set(sectors)) await tx.run("INSERT INTO coord_actor_sectors (actor_id, sector_id) VALUES (?, ?)", [actorId, s]);
}

async function applyAssessment(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as Data & { confidence: { reliability: string; credibility: number } };
  const grade = [d.level, d.confidence.reliability, d.confidence.credibility, d.summary, d.body];
  if (e.type === "threat_assessment.recorded") {
    await tx.run(
      `INSERT INTO coord_assessments (id, space, owner, threat_actor_id, sector_id, level, reliability, credibility, summary, body, tlp,
         status, withdrawn_reason, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', NULL, 1, ?, ?)`,
      [e.subject, e.space, e.origin, d.threatActorId, d.sectorId, ...grade, d.tlp, at, at],
    );
  } else {
    await tx.run(
      `UPDATE coord_assessments SET level = ?, reliability = ?, credibility = ?, summary = ?, body = ?, revision = revision + 1,
         updated_at = ? WHERE id = ?`,
      [...grade, at, e.subject],
    );
  }
  const [row] = await tx.all<{ revision: number }>("SELECT revision FROM coord_assessments WHERE id = ?", [e.subject]);
  await tx.run(
    `INSERT INTO coord_assessment_history (assessment_id, revision, level, reliability, credibility, summary, body, note, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [e.subject, Number(row?.revision ?? 1), ...grade, (d.note as string | undefined) ?? "", e.actor, at],
  );
}

async function applyReport(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as Data & {
    confidence: { reliability: string; credibility: number };
    links: Record<string, string[]>;
    derivedFrom: { space: string; id: string } | null;
  };
  await tx.run(
    `INSERT INTO coord_intel_reports (id, space, owner, originator_node, originator, summary, body, tlp, reliability, credibility, links,
       derived_space, derived_id, status, withdrawn_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', NULL, ?, ?)`,
    [
      e.subject,
      e.space,
      e.origin,
      d.originatorNode,
      d.originator,
      d.summary,
      d.body,
      d.tlp,
      d.confidence.reliability,
      d.confidence.credibility,
      JSON.stringify(d.links),
      d.derivedFrom?.space ?? null,
      d.derivedFrom?.id ?? null,
      at,
      at,
    ],
  );
  for (const [kind, ids] of Object.entries(d.links)) {
    for (const id of new Set(ids)) {
      await tx.run("INSERT INTO coord_intel_links (report_id, kind, target_id) VALUES (?, ?, ?)", [e.subject, kind, id]);
    }
  }
}

async function applyIntelEvent(tx: Sql, e: StoredEvent): Promise<void> {
  const at = hlcIso(e.hlc);
  const d = e.data as Data;
  switch (e.type) {
    case "threat_actor.recorded":
    case "threat_actor.updated": {
      const v = [d.name, json(d.aliases), json(d.activities), d.description, json(d.areas), d.firstSeen, d.lastSeen, d.tlp];
      if (e.type === "threat_actor.recorded") {
        await tx.run(
          `INSERT INTO coord_threat_actors (id, space, owner, name, aliases, activities, description, areas, first_seen, last_seen, tlp,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [e.subject, e.space, e.origin, ...v, at, at],
        );
      } else {
        await tx.run(
          `UPDATE coord_threat_actors SET name = ?, aliases = ?, activities = ?, description = ?, areas = ?, first_seen = ?, last_seen = ?,
             tlp = ?, updated_at = ? WHERE id = ?`,
          [...v, at, e.subject],
        );
      }
      await setActorSectors(tx, e.subject, d.areas as string[]);
      return;
    }
    case "risk_factor.recorded":
      await tx.run(
        `INSERT INTO coord_risk_factors (id, space, owner, sector_id, category, title, description, level, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [e.subject, e.space, e.origin, d.sectorId, d.category, d.title, d.description, d.level, d.status, at, at],
      );
      return;
    case "risk_factor.updated":
      await tx.run(
        "UPDATE coord_risk_factors SET category = ?, title = ?, description = ?, level = ?, status = ?, updated_at = ? WHERE id = ?",
        [d.category, d.title, d.description, d.level, d.status, at, e.subject],
      );
      return;
    case "threat_assessment.recorded":
    case "threat_assessment.revised":
      return applyAssessment(tx, e, at);
    case "threat_assessment.withdrawn":
      await tx.run("UPDATE coord_assessments SET status = 'withdrawn', withdrawn_reason = ?, updated_at = ? WHERE id = ?", [
        d.reason,
        at,
        e.subject,
      ]);
      return;
    case "intel_report.written":
      return applyReport(tx, e, at);
    case "intel_report.withdrawn":
      await tx.run("UPDATE coord_intel_reports SET status = 'withdrawn', withdrawn_reason = ?, updated_at = ? WHERE id = ?", [
        d.reason,
        at,
        e.subject,
      ]);
      return;
    case "intel_report.released":
    case "intel_report.rereleased":
      return applyRelease(tx, e, at);
    case "intel_report.consent_requested":
      await tx.run(
        `INSERT INTO coord_consents (id, report_id, space, requester_node, target_space, purpose, requested_by, requested_at, state,
           answered_by, answered_at, note, copy_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', NULL, NULL, NULL, NULL)`,
        [d.requestId, e.subject, e.space, e.origin, d.targetSpace, d.purpose, e.actor, at],
      );
      return;
    case "intel_report.consent_answered":
      // Only the originator's first answer counts.
      await tx.run(
        `UPDATE coord_consents SET state = ?, answered_by = ?, answered_at = ?, note = ?
         WHERE id = ? AND report_id = ? AND state = 'pending'
           AND EXISTS (SELECT 1 FROM coord_intel_reports r WHERE r.id = coord_consents.report_id AND r.originator_node = ?)`,
        [d.granted ? "granted" : "refused", e.actor, at, d.note, d.requestId, e.subject, e.origin],
      );
      return;
    case "rfi.requested":
      await tx.run(
        `INSERT INTO coord_rfis (id, space, owner, question, context, precedence, due_date, addressed_to, sector_ids, threat_actor_ids,
           status, close_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, ?, ?)`,
        [
          e.subject,
          e.space,
          e.origin,
          d.question,
          d.context,
          d.precedence,
          d.dueDate,
          json(d.addressedTo),
          json(d.sectorIds),
          json(d.threatActorIds),
          at,
          at,
        ],
      );
      return;
    case "rfi.replied":
      await tx.run("INSERT INTO coord_rfi_replies (id, rfi_id, node, actor, text, report_ids, at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        d.replyId,
        e.subject,
        e.origin,
        e.actor,
        d.text,
        json(d.reportIds),
        at,
        e.hlc,
      ]);
      await tx.run("UPDATE coord_rfis SET updated_at = ? WHERE id = ?", [at, e.subject]);
      return;
    case "rfi.closed":
      await tx.run("UPDATE coord_rfis SET status = 'closed', close_reason = ?, updated_at = ? WHERE id = ?", [d.reason, at, e.subject]);
      return;
  }
}

async function applyRelease(tx: Sql, e: StoredEvent, at: string): Promise<void> {
  const d = e.data as Data;
  const release = e.type === "intel_report.released";
  const consent = release ? null : ((d.consentRequestId as string | null) ?? null);
  await tx.run(
    `INSERT INTO coord_intel_releases (copy_id, source_id, copy_space, node, kind, consent_request_id, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (copy_id) DO NOTHING`,
    [d.copyId, e.subject, release ? d.space : d.copySpace, e.origin, release ? "release" : "rerelease", consent, e.actor, at],
  );
  if (consent) {
    await tx.run("UPDATE coord_consents SET state = 'used', copy_id = ? WHERE id = ? AND requester_node = ? AND state = 'granted'", [
      d.copyId,
      consent,
      e.origin,
    ]);
  }
}

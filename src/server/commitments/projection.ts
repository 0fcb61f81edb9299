import type { Kysely } from "kysely";
import { atRiskFrom } from "../../core/commitments/status";
import { hlcIso } from "../../core/log/hlc";
import type { Projection } from "../db/projections";
import { addStep, existsFrom, refreshRisk, stepLevel } from "./projection-levels";

/**
 * Statements, agreements, operations and activities with their level history, progress
 * reports and evidence files. The event log keeps each change; these tables answer lists
 * and roll-ups quickly: each activity keeps the first day it counts as at risk (so SQL can
 * filter and count statuses) and `level_steps` keeps how each operation's level sums moved
 * per day (so a roll-up at a past date is a running sum, not a replay of every history).
 * Version 2 added both.
 */
export const commitmentsProjection: Projection = {
  name: "commitments",
  version: 3,
  tables: [
    "ministerial_meetings",
    "statements",
    "agreements",
    "operations",
    "operation_agreements",
    "activities",
    "activity_levels",
    "level_steps",
    "activity_reports",
    "evidence",
  ],
  types: [
    "ministerial.recorded",
    "statement.recorded",
    "agreement.recorded",
    "operation.created",
    "activity.created",
    "activity.updated",
    "activity.level_set",
    "activity.flagged",
    "activity.report_posted",
  ],
  async create(db: Kysely<unknown>) {
    const owned = (name: string) =>
      db.schema
        .createTable(name)
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("space", "text", (c) => c.notNull())
        .addColumn("owner", "text", (c) => c.notNull());
    await owned("ministerial_meetings")
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("place", "text", (c) => c.notNull())
      .addColumn("host_node", "text", (c) => c.notNull())
      .addColumn("participants", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .execute();
    await owned("statements")
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("meeting_id", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await owned("agreements")
      .addColumn("statement_id", "text", (c) => c.notNull())
      .addColumn("number", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("agreements_statement").on("agreements").column("statement_id").execute();
    await owned("operations")
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("operation_agreements")
      .addColumn("operation_id", "text", (c) => c.notNull())
      .addColumn("agreement_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("operation_agreements_pk", ["operation_id", "agreement_id"])
      .execute();
    await db.schema.createIndex("operation_agreements_agreement").on("operation_agreements").column("agreement_id").execute();
    await owned("activities")
      .addColumn("operation_id", "text", (c) => c.notNull())
      .addColumn("number", "integer")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("responsible_unit", "text", (c) => c.notNull())
      .addColumn("due_date", "text", (c) => c.notNull())
      .addColumn("start_date", "text")
      .addColumn("milestones", "text", (c) => c.notNull())
      // Double precision, so SQL sums the very weights that JavaScript reads.
      .addColumn("weight", "double precision", (c) => c.notNull())
      .addColumn("level", "integer", (c) => c.notNull())
      .addColumn("completed_on", "text")
      .addColumn("flagged_at_risk", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("risk_from", "text", (c) => c.notNull())
      .addColumn("history_out_of_order", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("activities_operation").on("activities").columns(["operation_id", "id"]).execute();
    await db.schema.createIndex("activities_owner").on("activities").columns(["owner", "id"]).execute();
    await db.schema.createIndex("activities_out_of_order").on("activities").column("history_out_of_order").execute();
    // Covers the per-operation totals, so summing them reads no table row.
    await db.schema
      .createIndex("activities_totals")
      .on("activities")
      .columns(["operation_id", "level", "due_date", "risk_from", "completed_on", "weight"])
      .execute();
    await db.schema
      .createTable("activity_levels")
      .addColumn("activity_id", "text", (c) => c.notNull())
      .addColumn("operation_id", "text", (c) => c.notNull())
      .addColumn("level", "integer", (c) => c.notNull())
      // The level of the entry before this one by (on_date, at): what it changed from.
      .addColumn("from_level", "integer", (c) => c.notNull())
      .addColumn("on_date", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("activity_levels_activity").on("activity_levels").columns(["activity_id", "on_date"]).execute();
    await db.schema.createIndex("activity_levels_operation").on("activity_levels").columns(["operation_id", "on_date"]).execute();
    await db.schema
      .createTable("level_steps")
      .addColumn("operation_id", "text", (c) => c.notNull())
      .addColumn("on_date", "text", (c) => c.notNull())
      .addColumn("weighted", "double precision", (c) => c.notNull())
      .addColumn("weight", "double precision", (c) => c.notNull())
      .addPrimaryKeyConstraint("level_steps_pk", ["operation_id", "on_date"])
      .execute();
    await db.schema
      .createTable("activity_reports")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("activity_id", "text", (c) => c.notNull())
      .addColumn("space", "text", (c) => c.notNull())
      .addColumn("node", "text", (c) => c.notNull())
      .addColumn("author", "text", (c) => c.notNull())
      .addColumn("date", "text", (c) => c.notNull())
      .addColumn("proposed_level", "integer", (c) => c.notNull())
      .addColumn("narrative", "text", (c) => c.notNull())
      .addColumn("evidence", "text", (c) => c.notNull())
      .addColumn("posted_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("activity_reports_activity").on("activity_reports").columns(["activity_id", "date"]).execute();
    await db.schema
      .createTable("evidence")
      .addColumn("sha256", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("content", "text", (c) => c.notNull())
      .execute();
  },
  async apply(tx, e) {
    const at = hlcIso(e.hlc);
    const d = e.data;
    switch (e.type) {
      case "ministerial.recorded":
        await tx.run(
          "INSERT INTO ministerial_meetings (id, space, owner, date, place, host_node, participants, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          [e.subject, e.space, e.origin, d.date, d.place, d.hostNode, JSON.stringify(d.participants), d.summary],
        );
        return;
      case "statement.recorded":
        await tx.run(
          "INSERT INTO statements (id, space, owner, date, title, text, language, meeting_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [e.subject, e.space, e.origin, d.date, d.title, d.text, d.language, d.meetingId, at],
        );
        return;
      case "agreement.recorded":
        await tx.run("INSERT INTO agreements (id, space, owner, statement_id, number, text) VALUES (?, ?, ?, ?, ?, ?)", [
          e.subject,
          e.space,
          e.origin,
          d.statementId,
          d.number,
          d.text,
        ]);
        return;
      case "operation.created":
        await tx.run("INSERT INTO operations (id, space, owner, name, description, created_at) VALUES (?, ?, ?, ?, ?, ?)", [
          e.subject,
          e.space,
          e.origin,
          d.name,
          d.description,
          at,
        ]);
        for (const agreement of d.agreementIds as string[]) {
          await tx.run("INSERT INTO operation_agreements (operation_id, agreement_id) VALUES (?, ?)", [e.subject, agreement]);
        }
        return;
      case "activity.created": {
        const c = d as { operationId: string; dueDate: string; startDate: string | null; weight: number };
        const riskFrom = atRiskFrom({
          level: 0,
          dueDate: c.dueDate,
          startDate: c.startDate ?? at.slice(0, 10),
          completedOn: null,
          flaggedAtRisk: false,
        });
        await tx.run(
          `INSERT INTO activities (id, space, owner, operation_id, number, title, description, responsible_unit, due_date, start_date,
             milestones, weight, level, completed_on, flagged_at_risk, created_at, updated_at, risk_from, history_out_of_order)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, 0, ?, ?, ?, 0)`,
          [
            e.subject,
            e.space,
            e.origin,
            d.operationId,
            d.number,
            d.title,
            d.description,
            d.responsibleUnit,
            d.dueDate,
            d.startDate,
            JSON.stringify(d.milestones),
            d.weight,
            at,
            at,
            riskFrom,
          ],
        );
        // An activity counts in roll-ups from its start date (or the day it was recorded, if
        // that is earlier), so levels reported for past dates fall on a day it existed.
        const begins = existsFrom(c.startDate, at);
        await tx.run("INSERT INTO activity_levels (activity_id, operation_id, level, from_level, on_date, at) VALUES (?, ?, 0, 0, ?, ?)", [
          e.subject,
          c.operationId,
          begins,
          at,
        ]);
        await addStep(tx, c.operationId, begins, 0, c.weight);
        return;
      }
      case "activity.updated": {
        const f = e.data as { title?: string; responsibleUnit?: string; dueDate?: string; milestones?: unknown[] };
        await tx.run(
          `UPDATE activities SET title = COALESCE(?, title), responsible_unit = COALESCE(?, responsible_unit), due_date = COALESCE(?, due_date),
             milestones = COALESCE(?, milestones), updated_at = ? WHERE id = ?`,
          [
            f.title ?? null,
            f.responsibleUnit ?? null,
            f.dueDate ?? null,
            f.milestones ? JSON.stringify(f.milestones) : null,
            at,
            e.subject,
          ],
        );
        if (f.dueDate) await refreshRisk(tx, e.subject);
        return;
      }
      case "activity.level_set": {
        const { from, operation } = await stepLevel(tx, e.subject, d.level as number, d.on as string, at);
        await tx.run("UPDATE activities SET level = ?, completed_on = ?, updated_at = ? WHERE id = ?", [
          d.level,
          d.level === 3 ? d.on : null,
          at,
          e.subject,
        ]);
        await tx.run("INSERT INTO activity_levels (activity_id, operation_id, level, from_level, on_date, at) VALUES (?, ?, ?, ?, ?, ?)", [
          e.subject,
          operation,
          d.level,
          from,
          d.on,
          at,
        ]);
        await refreshRisk(tx, e.subject);
        return;
      }
      case "activity.flagged":
        await tx.run("UPDATE activities SET flagged_at_risk = ?, updated_at = ? WHERE id = ?", [d.atRisk ? 1 : 0, at, e.subject]);
        await refreshRisk(tx, e.subject);
        return;
      case "activity.report_posted": {
        const evidence = e.data.evidence as { name: string; type: string; size: number; sha256: string; content: string }[];
        for (const f of evidence) {
          await tx.run("INSERT INTO evidence (sha256, name, type, size, content) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING", [
            f.sha256,
            f.name,
            f.type,
            f.size,
            f.content,
          ]);
        }
        const refs = evidence.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 }));
        await tx.run(
          "INSERT INTO activity_reports (id, activity_id, space, node, author, date, proposed_level, narrative, evidence, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [d.reportId, e.subject, e.space, e.origin, e.actor, d.date, d.proposedLevel, d.narrative, JSON.stringify(refs), at],
        );
        return;
      }
    }
  },
};

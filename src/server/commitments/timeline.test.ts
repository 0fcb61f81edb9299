import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestNode, type TestNode } from "../../../test/helpers/node";
import { consoleActor } from "../admin/commands";
import { createActivity, createOperation, patchActivity, recordStatement } from "./commands";
import { progressReport } from "./progress";

describe("the progress report's timeline", () => {
  let t: TestNode;
  before(async () => {
    t = await createTestNode();
  });
  after(async () => t.dispose());

  it("counts an activity from its start date, so levels reported for past dates show in past months", async () => {
    const ctx = { store: t.node.store, actor: consoleActor("co") };
    const statement = await recordStatement(ctx, {
      date: "2025-01-10",
      title: "Declaración de prueba",
      text: "",
      language: "es",
      agreements: [{ number: 1, text: "Cooperar." }],
    });
    const [agreement] = await t.node.db.connection((sql) =>
      sql.all<{ id: string }>("SELECT id FROM agreements WHERE statement_id = ?", [statement]),
    );
    const operation = await createOperation(ctx, { name: "Operación de prueba", description: "", agreementIds: [agreement?.id ?? ""] });
    const activity = await createActivity(ctx, {
      operationId: operation,
      title: "Actividad de prueba",
      description: "",
      responsibleUnit: "Unidad",
      dueDate: "2030-12-31",
      startDate: "2025-02-01",
      milestones: [],
      weight: 1,
    });
    await patchActivity(ctx, activity, { level: 1 }, "2025-03-15");
    await patchActivity(ctx, activity, { level: 2 }, "2025-06-15");
    const today = new Date().toISOString().slice(0, 10);
    const report = await t.node.db.connection((sql) => progressReport(sql, statement, today));
    const at = (month: string) => report?.timeline.find((p) => p.date.startsWith(month))?.percent;
    assert.equal(at("2025-02"), 0);
    assert.equal(at("2025-04"), 33.3);
    assert.equal(at("2025-07"), 66.7);
    assert.equal(report?.timeline.at(-1)?.percent, report?.percent);
  });
});

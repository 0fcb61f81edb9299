import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { apiOf, dayFromToday, expectJson } from "../../../test/helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import { consoleActor } from "../admin/commands";
import type { App } from "../http/types";
import { patchActivity } from "./commands";

/**
 * Level entries that arrive out of date order (an owner whose clock went back a day sets
 * levels "earlier" after later ones). A roll-up at a date takes each activity's last entry by
 * (day, time) on or before it; the projection's running sums and `from_level` must give the
 * same figures as replaying the history would, and so must a rebuild from the log.
 *
 *   A: level 1 on d(10), then 3 on d(5), then 2 on d(20) → by date 0, 3 (d5), 1 (d10), 2 (d20)
 *   B: level 1 on d(10), then 2 on d(5)                  → by date 0, 2 (d5), 1 (d10); now 2
 */
let t: TestNode & { app: App };
let api: ReturnType<typeof apiOf>;
let admin: string;
let statementId: string;
const op: Record<string, string> = {};
const act: Record<string, string> = {};
const d = dayFromToday;

type Rollup = { percent: number; baseline: { percent: number; changed: { id: string; from: number; to: number }[] } };
const rollupAt = async (key: string, date: string) =>
  expectJson<Rollup>(await api(admin, "GET", `/operations/${op[key]}/rollup?baseline=${date}`));

before(async () => {
  t = await createTestApp();
  api = apiOf(t.app);
  admin = await addUser(t.node, "ana", "admin");
  const ctx = { store: t.node.store, actor: consoleActor("co") };
  const statement = { date: "2023-05-11", title: "Declaración", agreements: [{ number: 1, text: "Acuerdo" }] };
  const s = expectJson<{ id: string; agreements: { id: string }[] }>(await api(admin, "POST", "/statements", statement), 201);
  statementId = s.id;
  for (const [key, levels] of [
    [
      "A",
      [
        [1, 10],
        [3, 5],
        [2, 20],
      ],
    ],
    [
      "B",
      [
        [1, 10],
        [2, 5],
      ],
    ],
  ] as const) {
    const agreementIds = s.agreements.map((a) => a.id);
    op[key] = expectJson<{ id: string }>(await api(admin, "POST", "/operations", { name: key, agreementIds }), 201).id;
    const body = { operationId: op[key], title: `Actividad ${key}`, responsibleUnit: "Brigada", dueDate: d(400) };
    act[key] = expectJson<{ id: string }>(await api(admin, "POST", "/activities", body), 201).id;
    for (const [level, on] of levels) await patchActivity(ctx, act[key] ?? "", { level }, d(on));
  }
});

after(async () => {
  await t.dispose();
});

async function expectHistory(): Promise<void> {
  const a = act.A ?? "";
  const expected: [string, number, { id: string; from: number; to: number }[]][] = [
    [d(0), 0, [{ id: a, from: 0, to: 2 }]],
    [d(7), 100, [{ id: a, from: 3, to: 2 }]],
    [d(12), 33.3, [{ id: a, from: 1, to: 2 }]],
    [d(25), 66.7, []],
  ];
  for (const [date, percent, changed] of expected) {
    const r = await rollupAt("A", date);
    assert.equal(r.percent, 66.7);
    assert.deepEqual([r.baseline.percent, r.baseline.changed.map(({ id, from, to }) => ({ id, from, to }))], [percent, changed], date);
  }
  // B's level now (2) is not its last entry by date (1): the roll-up keeps the level set last,
  // the history gives 1 for any date after d(10), so B changed since then but not since d(7).
  const late = await rollupAt("B", d(25));
  assert.deepEqual([late.percent, late.baseline.percent, late.baseline.changed.map((c) => [c.from, c.to])], [66.7, 33.3, [[1, 2]]]);
  const mid = await rollupAt("B", d(7));
  assert.deepEqual([mid.baseline.percent, mid.baseline.changed], [66.7, []]);
  // The statement's progress report reads the same history for both operations.
  type Progress = { baseline: { percent: number }; changedSinceBaseline: { id: string; from: number; to: number }[] };
  const report = async (date: string) =>
    expectJson<Progress>(await api(admin, "GET", `/reports/progress?statementId=${statementId}&baseline=${date}`));
  const changes = (r: Progress) => r.changedSinceBaseline.map(({ id, from, to }) => [id, from, to]).sort();
  const at7 = await report(d(7));
  assert.deepEqual([at7.baseline.percent, changes(at7)], [83.3, [[act.A, 3, 2]]]);
  const at25 = await report(d(25));
  assert.deepEqual([at25.baseline.percent, changes(at25)], [50, [[act.B, 1, 2]]]);
}

describe("an activity that started before it was recorded", () => {
  it("counts from its start date in a baseline's percent and in what changed since", async () => {
    // C starts 100 days ago; its owner records it today and reports levels 1 and 2 for past days.
    const ctx = { store: t.node.store, actor: consoleActor("co") };
    op.C = expectJson<{ id: string }>(await api(admin, "POST", "/operations", { name: "C" }), 201).id;
    const body = { operationId: op.C, title: "Actividad C", responsibleUnit: "Brigada", startDate: d(-100), dueDate: d(400) };
    act.C = expectJson<{ id: string }>(await api(admin, "POST", "/activities", body), 201).id;
    await patchActivity(ctx, act.C ?? "", { level: 1 }, d(-60));
    await patchActivity(ctx, act.C ?? "", { level: 2 }, d(-30));
    const expected: [string, number, number][] = [
      [d(-200), 0, 0],
      [d(-80), 0, 0],
      [d(-45), 33.3, 1],
      [d(-10), 66.7, 2],
    ];
    for (const [date, percent, level] of expected) {
      const r = await rollupAt("C", date);
      const changed: unknown[][] = level === 2 ? [] : [[act.C, level, 2]];
      assert.deepEqual([r.baseline.percent, r.baseline.changed.map((c) => [c.id, c.from, c.to])], [percent, changed], date);
    }
  });
});

describe("level entries out of date order", () => {
  it("roll up at past dates as a replay of the history would", async () => {
    await expectHistory();
  });

  it("give the same figures after the projection is rebuilt from the log", async () => {
    await t.node.store.rebuild();
    await expectHistory();
  });
});

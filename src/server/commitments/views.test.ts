import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { type ActivityBody, apiOf, b64, countEvents, dayFromToday, expectJson, PNG_BYTES } from "../../../test/helpers/commitments";
import { addUser, createTestApp, type TestNode } from "../../../test/helpers/node";
import type { NewEvent } from "../../core/log/envelope";
import { uuidv7 } from "../../core/log/ids";
import { consoleActor } from "../admin/commands";
import type { App } from "../http/types";
import { patchActivity } from "./commands";

/**
 * What the commitments API reads back: roll-ups on a hand-computed example, the baseline,
 * paging, evidence files and the ministerial progress report (JSON and PDF, es and en).
 *
 * The example (d(n) = n days from today; every level is set today):
 *   op1 serves agreement 1:        A w1 L3 due d(60)              → complete
 *                                  B w2 L1 start d(-30) due d(30) → at_risk (pace: done at d(60))
 *                                  C w1 L0 start d(-10) due d(-1) → late
 *                                  D w1 L2 start d(-10) due d(100)→ on_track (pace: done at d(5))
 *                                  E w1 L3 start d(-20) due d(-1) → complete_late
 *   op1 = (1 + 2·⅓ + 0 + ⅔ + 1) / 6 = 3.333 / 6 = 55.6 %
 *   op2 serves agreements 1 and 2: F w1 L3 due d(10)              → complete; op2 = 100 %
 *   agreement 1 = A…F = (3.333 + 1) / 7 = 61.9 %; agreement 2 = F = 100 %; statement = 61.9 %
 *   op3 serves none:               G w1 L1 today, then L2 "tomorrow" → 66.7 % now, 33.3 % at today
 */
let t: TestNode & { app: App };
let api: ReturnType<typeof apiOf>;
let admin: string;
let statementId: string;
const op: Record<string, string> = {};
const act: Record<string, string> = {};
const d = dayFromToday;

const get = async <T>(url: string) => expectJson<T>(await api(admin, "GET", url));

async function newActivity(key: string, operation: string, body: Record<string, unknown>, level: number): Promise<void> {
  const res = await api(admin, "POST", "/activities", {
    operationId: operation,
    title: `Actividad ${key}`,
    responsibleUnit: "Brigada",
    ...body,
  });
  act[key] = expectJson<{ id: string }>(res, 201).id;
  if (level > 0) expectJson(await api(admin, "PATCH", `/activities/${act[key]}`, { level }));
}

before(async () => {
  t = await createTestApp();
  api = apiOf(t.app);
  admin = await addUser(t.node, "ana", "admin");
  const s = expectJson<{ id: string; agreements: { id: string }[] }>(
    await api(admin, "POST", "/statements", {
      date: "2023-05-11",
      title: "Declaración conjunta",
      agreements: [
        { number: 1, text: "Reconocer el avance" },
        { number: 2, text: "Aumentar la presencia" },
      ],
    }),
    201,
  );
  statementId = s.id;
  const [a1, a2] = s.agreements.map((a) => a.id);
  for (const [key, agreementIds] of [
    ["op1", [a1]],
    ["op2", [a1, a2]],
    ["op3", []],
  ] as const) {
    op[key] = expectJson<{ id: string }>(await api(admin, "POST", "/operations", { name: key, agreementIds }), 201).id;
  }
  await newActivity("A", op.op1 ?? "", { number: 1, dueDate: d(60) }, 3);
  await newActivity("B", op.op1 ?? "", { number: 2, weight: 2, startDate: d(-30), dueDate: d(30) }, 1);
  await newActivity("C", op.op1 ?? "", { number: 3, startDate: d(-10), dueDate: d(-1) }, 0);
  await newActivity("D", op.op1 ?? "", { number: 4, startDate: d(-10), dueDate: d(100) }, 2);
  await newActivity("E", op.op1 ?? "", { number: 5, startDate: d(-20), dueDate: d(-1) }, 3);
  await newActivity("F", op.op2 ?? "", { dueDate: d(10) }, 3);
  await newActivity("G", op.op3 ?? "", { startDate: d(-10), dueDate: d(100) }, 1);
  // The owner raises G to level 2 "tomorrow" (commands take the day as an argument).
  await patchActivity({ store: t.node.store, actor: consoleActor("co") }, act.G ?? "", { level: 2 }, d(1));
});

after(async () => {
  await t.dispose();
});

const counts = (on_track: number, at_risk: number, late: number, complete: number, complete_late: number) => ({
  on_track,
  at_risk,
  late,
  complete,
  complete_late,
});

describe("roll-ups", () => {
  it("gives each activity its derived status", async () => {
    const statuses = await Promise.all(["A", "B", "C", "D", "E", "F", "G"].map((k) => get<ActivityBody>(`/activities/${act[k]}`)));
    assert.deepEqual(
      statuses.map((a) => [a.level, a.status]),
      [
        [3, "complete"],
        [1, "at_risk"],
        [0, "late"],
        [2, "on_track"],
        [3, "complete_late"],
        [3, "complete"],
        [2, "on_track"],
      ],
    );
  });

  it("per operation: weighted percent, counts per status, total", async () => {
    const ops = await get<{ id: string; percent: number; counts: object; total: number }[]>("/operations");
    const by = (id?: string) => ops.find((o) => o.id === id);
    assert.deepEqual([by(op.op1)?.percent, by(op.op1)?.counts, by(op.op1)?.total], [55.6, counts(1, 1, 1, 1, 1), 5]);
    assert.deepEqual([by(op.op2)?.percent, by(op.op2)?.counts, by(op.op2)?.total], [100, counts(0, 0, 0, 1, 0), 1]);
    assert.deepEqual([by(op.op3)?.percent, by(op.op3)?.total], [66.7, 1]);
  });

  it("per agreement and statement, each activity counted once", async () => {
    const agreements = await get<{ statementId: string; number: number; percent: number }[]>("/agreements");
    assert.deepEqual(
      agreements.filter((a) => a.statementId === statementId).map((a) => [a.number, a.percent]),
      [
        [1, 61.9],
        [2, 100],
      ],
    );
    const s = await get<{ percent: number; agreements: { number: number; percent: number }[] }>(`/statements/${statementId}`);
    assert.equal(s.percent, 61.9);
    assert.deepEqual(
      s.agreements.map((a) => a.percent),
      [61.9, 100],
    );
  });

  it("an operation's roll-up lists its activities in order and what will miss its date", async () => {
    const r = await get<{
      percent: number;
      counts: object;
      activities: { id: string }[];
      atRisk: { id: string; status: string }[];
      baseline: null;
    }>(`/operations/${op.op1}/rollup`);
    assert.equal(r.percent, 55.6);
    assert.deepEqual(r.counts, counts(1, 1, 1, 1, 1));
    assert.deepEqual(
      r.activities.map((a) => a.id),
      ["A", "B", "C", "D", "E"].map((k) => act[k]),
    );
    assert.deepEqual(
      r.atRisk.map((a) => [a.id, a.status]),
      [
        [act.B, "at_risk"],
        [act.C, "late"],
      ],
    );
    assert.equal(r.baseline, null);
  });

  it("baseline: what changed since a date", async () => {
    type Rollup = { percent: number; baseline: { date: string; percent: number; changed: { id: string; from: number; to: number }[] } };
    const same = await get<Rollup>(`/operations/${op.op1}/rollup?baseline=${d(0)}`);
    assert.deepEqual(same.baseline, { date: d(0), percent: 55.6, changed: [] });
    // Yesterday none of them existed: every activity that moved changed from 0.
    const before = await get<Rollup>(`/operations/${op.op1}/rollup?baseline=${d(-1)}`);
    assert.equal(before.baseline.percent, 0);
    assert.deepEqual(
      before.baseline.changed.map((c) => [c.id, c.from, c.to]),
      [
        [act.A, 0, 3],
        [act.B, 0, 1],
        [act.D, 0, 2],
        [act.E, 0, 3],
      ],
    );
    const g = await get<Rollup>(`/operations/${op.op3}/rollup?baseline=${d(0)}`);
    assert.equal(g.percent, 66.7);
    assert.deepEqual(g.baseline, { date: d(0), percent: 33.3, changed: [{ id: act.G, title: "Actividad G", from: 1, to: 2 }] });
  });
});

describe("activities paging", () => {
  let late: string[];

  before(async () => {
    // 230 more activities in op4, written in one batch; every 40th is already late.
    op.op4 = expectJson<{ id: string }>(await api(admin, "POST", "/operations", { name: "op4" }), 201).id;
    const events: NewEvent[] = Array.from({ length: 230 }, (_, i) => ({
      space: "national",
      type: "activity.created",
      subject: uuidv7(),
      actor: "ana@co",
      data: {
        operationId: op.op4,
        number: i + 1,
        title: `Lote ${i}`,
        description: "",
        responsibleUnit: "Brigada",
        dueDate: i % 40 === 0 ? d(-1) : d(100),
        startDate: null,
        milestones: [],
        weight: 1,
      },
    }));
    await t.node.store.append(events);
    late = [act.C ?? "", ...events.filter((_, i) => i % 40 === 0).map((e) => e.subject)].sort();
  });

  /** Follows `next` from the first page; returns every id seen and each page's size. */
  async function walk(query: string): Promise<{ ids: string[]; sizes: number[] }> {
    const ids: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const url: string = `/activities?${query}${cursor ? `&cursor=${cursor}` : ""}`;
      const body: { items: { id: string }[]; next: string | null } = await get(url);
      ids.push(...body.items.map((a) => a.id));
      sizes.push(body.items.length);
      cursor = body.next;
      if (!cursor) return { ids, sizes };
    }
    throw new Error("paging does not end");
  }

  const allIds = async () =>
    (await t.node.db.connection((sql) => sql.all<{ id: string }>("SELECT id FROM activities"))).map((r) => r.id).sort();

  it("returns every activity exactly once across pages", async () => {
    const { ids, sizes } = await walk("limit=7");
    assert.equal(new Set(ids).size, ids.length, "an activity came twice");
    assert.deepEqual([...ids].sort(), await allIds());
    assert.ok(sizes.slice(0, -1).every((n) => n === 7));
    assert.equal(ids.length, 237);
  });

  it("filters by status across the 200-row chunks it reads, each once", async () => {
    const { ids } = await walk("status=late&limit=2");
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), late);
  });

  it("filters by operation and status together", async () => {
    const { ids } = await walk(`operationId=${op.op4}&status=on_track&limit=50`);
    assert.equal(new Set(ids).size, 224);
    assert.equal(ids.length, 224);
    const { ids: op1 } = await walk(`operationId=${op.op1}&limit=2`);
    assert.deepEqual(op1, ["A", "B", "C", "D", "E"].map((k) => act[k] ?? "").sort());
  });

  it("filters by owner node", async () => {
    assert.equal((await walk("ownerNode=co&limit=100")).ids.length, 237);
    assert.deepEqual(await get("/activities?ownerNode=ve"), { items: [], next: null });
  });
});

describe("evidence", () => {
  it("downloads the same bytes with the declared type, as an attachment", async () => {
    const text = Buffer.from("Acta de la reunión regional\n");
    const files = [
      { name: "foto patrulla.png", type: "image/png", contentBase64: b64(PNG_BYTES) },
      { name: 'acta "final".txt', type: "text/plain", contentBase64: b64(text) },
    ];
    const before = await countEvents(t.node);
    const res = await api(admin, "POST", `/activities/${act.D}/reports`, {
      date: d(0),
      proposedLevel: 2,
      narrative: "Con evidencia",
      evidence: files,
    });
    expectJson(res, 201);
    assert.equal(await countEvents(t.node), before + 1);
    const detail = await get<ActivityBody>(`/activities/${act.D}`);
    const refs = detail.reports.find((r) => r.narrative === "Con evidencia")?.evidence ?? [];
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    assert.deepEqual(refs, [
      { name: "foto patrulla.png", type: "image/png", size: PNG_BYTES.length, sha256: sha(PNG_BYTES) },
      { name: 'acta "final".txt', type: "text/plain", size: text.length, sha256: sha(text) },
    ]);
    for (const [ref, bytes, filename] of [
      [refs[0], PNG_BYTES, "foto patrulla.png"],
      [refs[1], text, "acta _final_.txt"],
    ] as const) {
      const file = await api(admin, "GET", `/evidence/${ref?.sha256}`);
      assert.equal(file.statusCode, 200);
      assert.deepEqual(file.rawPayload, bytes);
      assert.match(String(file.headers["content-type"]), new RegExp(`^${ref?.type}`));
      assert.equal(file.headers["content-disposition"], `attachment; filename="${filename}"`);
      assert.equal(file.headers["x-content-type-options"], "nosniff");
    }
  });
});

describe("the progress report for the next ministerial meeting", () => {
  type Progress = {
    generatedAt: string;
    percent: number;
    counts: object;
    agreements: { number: number; percent: number }[];
    timeline: { date: string; percent: number }[];
    atRisk: { id: string }[];
    baseline: { date: string; percent: number };
    changedSinceBaseline: { id: string }[];
  };
  const url = (extra = "") => `/reports/progress?statementId=${statementId}${extra}`;

  it("rolls up per agreement, counts statuses, lists what is at risk and what changed", async () => {
    const r = await get<Progress>(url());
    assert.equal(r.percent, 61.9);
    assert.deepEqual(r.counts, counts(1, 1, 1, 2, 1));
    assert.deepEqual(
      r.agreements.map((a) => [a.number, a.percent]),
      [
        [1, 61.9],
        [2, 100],
      ],
    );
    assert.deepEqual(r.atRisk.map((a) => a.id).sort(), [act.B, act.C].sort());
    // No ministerial meeting is recorded: the baseline is the statement's date.
    assert.deepEqual(r.baseline, { date: "2023-05-11", percent: 0 });
    assert.deepEqual(r.changedSinceBaseline.map((c) => c.id).sort(), ["A", "B", "D", "E", "F"].map((k) => act[k]).sort());
    const today = await get<Progress>(url(`&baseline=${d(0)}`));
    assert.deepEqual([today.baseline, today.changedSinceBaseline], [{ date: d(0), percent: 61.9 }, []]);
  });

  it("has a monthly timeline: consecutive month ends up to today, at most 24 points", async () => {
    const { timeline } = await get<Progress>(url());
    const now = new Date();
    const expected: string[] = [];
    for (let k = 23; k >= 1; k--) {
      const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k + 1, 0)).toISOString().slice(0, 10);
      if (end >= "2023-05-31") expected.push(end);
    }
    assert.deepEqual(
      timeline.map((p) => p.date),
      [...expected, d(0)],
    );
    assert.equal(timeline.at(-1)?.percent, 61.9);
    assert.ok(timeline.slice(0, -1).every((p) => p.percent === 0));
  });

  it("is the same in es and en; its PDF is a real PDF in each language", async () => {
    const { generatedAt: _es, ...es } = await get<Progress>(url("&lang=es"));
    const { generatedAt: _en, ...en } = await get<Progress>(url("&lang=en"));
    assert.deepEqual(en, es);
    const titles = { es: "Informe de avance para la próxima reunión ministerial", en: "Progress report for the next ministerial meeting" };
    for (const lang of ["es", "en"] as const) {
      const res = await api(admin, "GET", `/reports/progress.pdf?statementId=${statementId}&lang=${lang}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-type"], "application/pdf");
      assert.equal(res.headers["content-disposition"], `attachment; filename="informe-avance-${d(0)}.pdf"`);
      const pdf = res.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
      assert.match(pdf.subarray(-8).toString("latin1"), /%%EOF\s*$/);
      assert.ok(pdf.length > 2000, `only ${pdf.length} bytes`);
      // The document title, in the language asked for (pdfkit writes non-ASCII titles as UTF-16BE).
      const ascii = Buffer.from(titles[lang], "latin1");
      const utf16 = Buffer.from(titles[lang], "utf16le").swap16();
      assert.ok(pdf.includes(ascii) || pdf.includes(utf16), `no ${lang} title`);
      const other = titles[lang === "es" ? "en" : "es"];
      assert.ok(!pdf.includes(Buffer.from(other, "latin1")) && !pdf.includes(Buffer.from(other, "utf16le").swap16()));
    }
  });
});

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { MeetingDetailView, ReminderView } from "../../src/core/coordination/views";
import { startReminders } from "../../src/server/coordination/reminders";
import { coordinationRoutes } from "../../src/server/coordination/routes";
import { expectJson } from "../helpers/commitments";
import { waitFor } from "../helpers/federation";
import { type CoordinationFixture, coordinationFixture, meetingBody } from "./fixture";

/**
 * Reminders on a fixed clock: which are due at an instant, and how issuing them puts them on
 * the node's event stream once each (a real HTTP stream, read as it arrives).
 */
let f: CoordinationFixture;
let meeting: MeetingDetailView;
let base = "";

before(async () => {
  f = await coordinationFixture();
  meeting = expectJson<MeetingDetailView>(
    await f.api(f.as("olga"), "POST", "/meetings", meetingBody(f.units[0] as string, [f.units[1] as string], { reminders: [1440, 60] })),
    201,
  );
  base = await f.t.app.listen({ port: 0, host: "127.0.0.1" });
});

after(async () => {
  await f.t.dispose();
});

const due = async (at: string) => expectJson<ReminderView[]>(await f.api(f.as("vera"), "GET", `/reminders?at=${encodeURIComponent(at)}`));

/** Reads the stream until `count` frames mention `type`; returns their data. */
async function readStream(type: string, count: number, started: () => Promise<void>) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/stream`, { headers: { authorization: `Bearer ${f.as("vera")}` }, signal: abort.signal });
  assert.equal(res.status, 200);
  const reader = res.body?.getReader();
  assert.ok(reader);
  const frames: { type: string; subject: string; space: string }[] = [];
  let text = "";
  let kicked = false;
  try {
    while (frames.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString("utf8");
      if (!kicked && text.includes("retry:")) {
        kicked = true;
        await started();
      }
      for (const m of text.matchAll(/^data: (.+)$/gm)) {
        const d = JSON.parse(m[1] as string) as { type: string; subject: string; space: string };
        if (d.type === type && !frames.some((x) => x.subject === d.subject)) frames.push(d);
      }
    }
  } finally {
    abort.abort();
  }
  return frames;
}

describe("reminders", () => {
  it("are due from their offset before the start until the start", async () => {
    assert.deepEqual(await due("2031-03-04T13:59:00Z"), []);
    assert.deepEqual(
      (await due("2031-03-05T12:30:00Z")).map((r) => [r.minutesBefore, r.remindAt, r.issued]),
      [[1440, "2031-03-04T14:00:00.000Z", false]],
    );
    const both = await due("2031-03-05T13:30:00Z");
    assert.deepEqual(
      both.map((r) => r.minutesBefore),
      [1440, 60],
    );
    assert.equal(both[0]?.title, meeting.title);
    assert.equal(both[0]?.hostUnit.name, "Brigada 30");
    assert.deepEqual(await due("2031-03-05T14:00:00Z"), []);
  });

  it("are issued once each onto the event stream, by the loop on its own clock", async () => {
    const loop = startReminders(f.t.node, { now: () => Date.parse("2031-03-05T13:30:00Z"), everyMs: 3_600_000 });
    try {
      let issued = 0;
      const frames = await readStream("reminder.issued", 2, async () => {
        issued = await loop.tick();
      });
      assert.equal(issued, 2);
      assert.deepEqual(frames.map((x) => x.subject).sort(), [
        `${meeting.id}/${meeting.startUtc}/1440`,
        `${meeting.id}/${meeting.startUtc}/60`,
      ]);
      assert.ok(frames.every((x) => x.space === "national"));
      assert.equal(await loop.tick(), 0);
      assert.ok((await due("2031-03-05T13:30:00Z")).every((r) => r.issued));
    } finally {
      await loop.stop();
    }
  });

  it("come again for a new start time, and not for a cancelled meeting", async () => {
    expectJson(await f.api(f.as("olga"), "PATCH", `/meetings/${meeting.id}`, { startsAt: "2031-03-05T10:00", endsAt: "2031-03-05T12:00" }));
    const moved = await due("2031-03-05T14:30:00Z");
    assert.deepEqual(
      moved.map((r) => [r.minutesBefore, r.issued]),
      [
        [1440, false],
        [60, false],
      ],
    );
    const loop = startReminders(f.t.node, { now: () => Date.parse("2031-03-05T14:30:00Z"), everyMs: 3_600_000 });
    try {
      assert.equal(await loop.tick(), 2);
    } finally {
      await loop.stop();
    }
    expectJson(await f.api(f.as("olga"), "POST", `/meetings/${meeting.id}/cancel`, { reason: "Aplazada" }));
    assert.deepEqual(await due("2031-03-05T14:30:00Z"), []);
  });

  it("are issued by the loop the routes start with the app and stop with it", async () => {
    const other = expectJson<MeetingDetailView>(
      await f.api(
        f.as("olga"),
        "POST",
        "/meetings",
        meetingBody(f.units[0] as string, [f.units[2] as string], {
          startsAt: "2031-04-01T09:00",
          endsAt: "2031-04-01T10:00",
          reminders: [30],
        }),
      ),
      201,
    );
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(async (api) =>
      coordinationRoutes(api.withTypeProvider<ZodTypeProvider>(), f.t.node, {
        now: () => Date.parse("2031-04-01T13:45:00Z"),
        remindEveryMs: 20,
      }),
    );
    await app.ready();
    try {
      const issued = () => f.t.node.db.connection((sql) => sql.all("SELECT key FROM coord_reminders WHERE meeting_id = ?", [other.id]));
      const rows = await waitFor("the loop's reminder", async () => ((await issued()).length > 0 ? issued() : undefined));
      assert.deepEqual(rows, [{ key: `${other.id}/${other.startUtc}/30` }]);
    } finally {
      await app.close();
    }
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { createEventRegistry, defineEvent, type EventRejection } from "./registry";

const reported = defineEvent({
  type: "incident.reported",
  v: 1,
  writer: "create",
  spaces: "any",
  data: z.strictObject({ title: z.string().min(1), place: z.object({ lat: z.number().min(-90).max(90) }).optional() }),
});
const reportedV2 = defineEvent({ ...reported, v: 2, data: z.object({ title: z.string(), severity: z.number() }) });
const levelSet = defineEvent({
  type: "activity.level_set",
  v: 1,
  writer: "owner",
  spaces: "shared",
  data: z.object({ level: z.number().int() }),
});
const reportPosted = defineEvent({
  type: "activity.report_posted",
  v: 1,
  writer: "member",
  spaces: "any",
  data: z.object({ text: z.string() }),
});
const passwordSet = defineEvent({
  type: "user.password_set",
  v: 1,
  writer: "create",
  spaces: "national",
  data: z.object({ hash: z.string() }),
  secret: ["hash"],
});

const registry = createEventRegistry([reported, reportedV2, levelSet, reportPosted, passwordSet]);
const SHARED = "co-ve";

const code = (r: EventRejection | undefined) => r?.code;

describe("createEventRegistry", () => {
  it("finds a definition by type and version only", () => {
    assert.equal(registry.get("incident.reported", 1), reported);
    assert.equal(registry.get("incident.reported", 2), reportedV2);
    assert.equal(registry.get("incident.reported", 3), undefined);
    assert.equal(registry.get("incident.unknown", 1), undefined);
    assert.deepEqual(
      registry
        .all()
        .map((d) => `${d.type}@${d.v}`)
        .sort(),
      ["activity.level_set@1", "activity.report_posted@1", "incident.reported@1", "incident.reported@2", "user.password_set@1"],
    );
  });

  it("refuses a type and version declared twice", () => {
    assert.throws(() => createEventRegistry([reported, { ...reported, writer: "member" }]), /incident\.reported@1 is declared twice/);
  });
});

describe("registry.check", () => {
  const ok = { type: "incident.reported", v: 1, space: SHARED, data: { title: "cruce" } };

  it("accepts a known type with valid data in an allowed space", () => {
    assert.equal(registry.check(ok), undefined);
    assert.equal(registry.check({ ...ok, space: "national" }), undefined);
    assert.equal(registry.check({ type: "user.password_set", v: 1, space: "national", data: { hash: "x" } }), undefined);
    assert.equal(registry.check({ type: "activity.level_set", v: 1, space: SHARED, data: { level: 2 } }), undefined);
  });

  it("unknown_type: an unknown type, or a known type at an undeclared version", () => {
    assert.equal(code(registry.check({ ...ok, type: "incident.invented" })), "unknown_type");
    assert.equal(code(registry.check({ ...ok, v: 3 })), "unknown_type");
    assert.match(registry.check({ ...ok, v: 3 })?.message ?? "", /incident\.reported v3/);
  });

  it("wrong_space: national-only types outside the national space, shared-only types inside it", () => {
    const national = registry.check({ type: "user.password_set", v: 1, space: SHARED, data: { hash: "x" } });
    assert.equal(code(national), "wrong_space");
    assert.match(national?.message ?? "", /user\.password_set may not be written in space co-ve/);
    assert.equal(code(registry.check({ type: "activity.level_set", v: 1, space: "national", data: { level: 2 } })), "wrong_space");
  });

  it("bad_data: the data fails the version's schema, naming the field", () => {
    const empty = registry.check({ ...ok, data: { title: "" } });
    assert.equal(code(empty), "bad_data");
    assert.match(empty?.message ?? "", /^incident\.reported: title: /);
    const nested = registry.check({ ...ok, data: { title: "x", place: { lat: 91 } } });
    assert.equal(code(nested), "bad_data");
    assert.match(nested?.message ?? "", /^incident\.reported: place\.lat: /);
    assert.equal(code(registry.check({ ...ok, data: {} })), "bad_data");
  });

  it("bad_data: a problem with the data as a whole is reported against 'data'", () => {
    const extra = registry.check({ ...ok, data: { title: "x", smuggled: true } });
    assert.equal(code(extra), "bad_data");
    assert.match(extra?.message ?? "", /^incident\.reported: data: /);
  });

  it("checks data against the schema of the event's own version", () => {
    assert.equal(code(registry.check({ ...ok, v: 2, data: { title: "x" } })), "bad_data");
    assert.equal(registry.check({ ...ok, v: 2, data: { title: "x", severity: 3 } }), undefined);
  });
});

describe("registry.checkWriter", () => {
  it("unknown_type: an undeclared type or version", () => {
    assert.equal(code(registry.checkWriter({ type: "incident.invented", v: 1, origin: "co" }, undefined)), "unknown_type");
    assert.equal(code(registry.checkWriter({ type: "activity.level_set", v: 9, origin: "co" }, "co")), "unknown_type");
  });

  it("create: allowed for a new subject; subject_exists once anyone owns it, the writer included", () => {
    const create = { type: "incident.reported", v: 1, origin: "co" };
    assert.equal(registry.checkWriter(create, undefined), undefined);
    assert.equal(code(registry.checkWriter(create, "ve")), "subject_exists");
    assert.equal(code(registry.checkWriter(create, "co")), "subject_exists");
  });

  it("owner: only the subject's owner; no_subject when nobody created it", () => {
    const set = { type: "activity.level_set", v: 1 };
    assert.equal(registry.checkWriter({ ...set, origin: "co" }, "co"), undefined);
    const wrong = registry.checkWriter({ ...set, origin: "ve" }, "co");
    assert.equal(code(wrong), "wrong_writer");
    assert.match(wrong?.message ?? "", /only co, the subject's owner, may write activity\.level_set/);
    assert.equal(code(registry.checkWriter({ ...set, origin: "co" }, undefined)), "no_subject");
  });

  it("member: any origin about an existing subject; no_subject when it does not exist", () => {
    const post = { type: "activity.report_posted", v: 1 };
    assert.equal(registry.checkWriter({ ...post, origin: "ve" }, "co"), undefined);
    assert.equal(registry.checkWriter({ ...post, origin: "co" }, "co"), undefined);
    assert.equal(code(registry.checkWriter({ ...post, origin: "ve" }, undefined)), "no_subject");
  });
});

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertOneLineFailure, enlace } from "../../test/helpers/cli";
import { createCluster } from "../../test/helpers/cluster";

/**
 * The federation from the console, end to end: two `enlace serve` child processes, and every
 * peer/space command run as its own process against their folders, as two admins would.
 */
describe("peer and space commands across two `enlace serve` processes", () => {
  let cluster: Awaited<ReturnType<typeof createCluster>>;
  let token = "";
  let space = "";
  before(async () => {
    cluster = await createCluster(["co", "ve"]);
    await Promise.all([cluster.spawnNode("co"), cluster.spawnNode("ve")]);
  });
  after(() => cluster?.dispose());

  /** `enlace ARGS --dir <id's folder>` with that node's database environment. */
  const on = (id: string, ...args: string[]) => {
    const m = cluster.member(id);
    return enlace([...args, "--dir", m.dir], { env: m.env });
  };
  const ok = async (id: string, ...args: string[]) => {
    const r = await on(id, ...args);
    assert.equal(r.code, 0, `${args.join(" ")} on ${id}: ${r.stderr}`);
    assert.equal(r.stderr, "");
    return r.stdout;
  };

  it("peer invite prints only a token; peer accept pins both sides and names the peer", async () => {
    token = await ok("co", "peer", "invite", "--ttl-hours", "2");
    assert.match(token, /^enlace-invite\.[A-Za-z0-9_-]+\n$/);
    assert.equal(await ok("ve", "peer", "accept", token.trim()), "peered with co (Fuerzas Militares de Colombia)\n");
    const [coList, veList, reuse] = await Promise.all([
      ok("co", "peer", "list"),
      ok("ve", "peer", "list"),
      on("ve", "peer", "accept", token.trim()),
    ]);
    assert.match(coList, /^NODE +COUNTRY +URL +PINNED +NAME\nve +VE +http:\/\/127\.0\.0\.1:\d+ .* Fuerza Armada Nacional Bolivariana\n$/);
    assert.match(veList, /^NODE .*\nco +CO +http:\/\/127\.0\.0\.1:\d+ /);
    assertOneLineFailure(reuse, 1, /^enlace peer accept: .*already used/);
  });

  it("space create prints only the id; space join on the other side; the join replicates and peer sync exits 0", async () => {
    space = (await ok("co", "space", "create", "--name", "Espacio binacional", "--members", "co,ve")).trim();
    assert.match(space, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(await ok("ve", "space", "join", space), `joined space ${space} (Espacio binacional), proposed by co; members co, ve\n`);
    // ve's `space.joined` is an event in ve's chain of the space: co learns it only by replication.
    const sync = await ok("co", "peer", "sync", "--timeout", "30");
    assert.match(sync.split("\n").filter(Boolean).at(-1) ?? "", /^sync: up to date with ve: \d+ events applied in [\d.]+ s$/);
    const list = await ok("co", "space", "list");
    assert.match(list, new RegExp(`^${space} +co +co, ve +Espacio binacional$`, "m"));
  });

  it("peer status shows the other node connected with no lag", async () => {
    const deadline = Date.now() + 30_000;
    let status = "";
    while (Date.now() < deadline) {
      status = await ok("ve", "peer", "status");
      if (/^co +connected +0 +\d+ s ago +0/m.test(status)) break;
    }
    assert.match(status, /^NODE +STATUS +LAG +LAST CONTACT +QUARANTINED +LAST ERROR\n/);
    assert.match(status, /^co +connected +0 +\d+ s ago +0 *$/m);
  });

  it("peer quarantine lists nothing, and refuses unknown ids and actions with one line", async () => {
    const [list, retry, bad] = await Promise.all([
      on("co", "peer", "quarantine", "list"),
      on("co", "peer", "quarantine", "retry", "01900000-0000-7000-8000-000000000000"),
      on("co", "peer", "quarantine", "forget"),
    ]);
    assert.equal(list.stdout, "no quarantined events\n");
    assertOneLineFailure(retry, 1, /^enlace peer quarantine: no quarantined event 01900000-/);
    assertOneLineFailure(bad, 2, /^enlace peer quarantine: give list, retry ID or drop ID/);
  });

  it("peer sync exits 1 with one line when a peer stays unreachable past the timeout", async () => {
    // SIGKILL: a graceful stop would wait for co's long-poll to ve (see the report on federation/routes.ts).
    const ve = cluster.member("ve");
    const exited = new Promise((r) => ve.child?.once("exit", r));
    ve.child?.kill("SIGKILL");
    await exited;
    ve.child = undefined;
    const r = await on("co", "peer", "sync", "--timeout", "2");
    assertOneLineFailure(r, 1, /^enlace peer sync: not in sync with ve after 2 s: unreachable/);
  });

  it("peer remove forgets the peer", async () => {
    assert.equal(await ok("co", "peer", "remove", "ve"), "peer ve removed\n");
    const [list, again] = await Promise.all([ok("co", "peer", "list"), on("co", "peer", "remove", "ve")]);
    assert.equal(list, "no peers (see `enlace peer invite`)\n");
    assertOneLineFailure(again, 1, /no active peer ve/);
  });
});

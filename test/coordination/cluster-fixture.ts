import assert from "node:assert/strict";
import type { UnitView } from "../../src/core/coordination/views";
import { createSpace, joinSpace } from "../../src/server/federation/commands";
import type { RunningNode } from "../../src/server/main";
import { createCluster } from "../helpers/cluster";
import { apiOf, expectJson, expectProblem } from "../helpers/commitments";
import { adminOf, disposeCluster, waitFor } from "../helpers/federation";
import { addUser } from "../helpers/node";
import { addSectors, unitBody } from "./fixture";

/**
 * Real nodes on loopback for the coordination suites: co and ve in a binational space (and,
 * with br, all three in a trilateral one), users on each, a shared sector and one unit per
 * side (ve's names co's as its counterpart). Helpers call the API and check refusals wrote
 * nothing on the refusing node.
 */
export type Api = ReturnType<typeof apiOf>;
type Node = "co" | "ve" | "br";

/** Events a node wrote itself, receipts aside (its replicator writes those on its own). */
export const ownWrites = async (r: RunningNode) => {
  const rows = await r.node.db.connection((sql) =>
    sql.all<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE origin = ? AND type <> 'receipt.checkpoint'", [r.node.config.node]),
  );
  return Number(rows[0]?.n);
};

export async function refusedOn(r: RunningNode, call: () => ReturnType<Api>, status: number, code: string) {
  const before = await ownWrites(r);
  const p = expectProblem(await call(), status, code);
  assert.equal(await ownWrites(r), before, `${code} wrote something`);
  return p;
}

/** The body of a 200 answer, or undefined (for polling until something has replicated). */
export const json = async <T>(res: ReturnType<Api>) => {
  const r = await res;
  return r.statusCode === 200 ? r.json<T>() : undefined;
};

export async function coordinationCluster(withBr: boolean) {
  const ids: Node[] = withBr ? ["co", "ve", "br"] : ["co", "ve"];
  const cluster = await createCluster(ids);
  const running = {} as Record<Node, RunningNode>;
  for (const id of ids) running[id] = await cluster.start(id);
  const { co, ve } = running;
  const first = await cluster.link(withBr ? "Espacio trilateral" : "Espacio binacional");
  let bi = first;
  if (withBr) {
    bi = await createSpace(adminOf(co), { name: "Espacio binacional", members: ["co", "ve"] });
    await joinSpace(adminOf(ve), ve.node, bi);
    for (const id of ids) await running[id].replicator.refresh();
  }
  const api = Object.fromEntries(ids.map((id) => [id, apiOf(running[id].app)])) as Record<Node, Api>;
  const tok: Record<string, string> = {};
  const users: [Node, string, "admin" | "commander" | "officer" | "analyst"][] = [
    ["co", "carlos", "commander"],
    ["co", "olga", "officer"],
    ["ve", "victor", "commander"],
    ["ve", "luis", "officer"],
    ["ve", "vilma", "analyst"],
    ...(withBr ? [["br", "bea", "admin"] as [Node, string, "admin"]] : []),
  ];
  for (const [node, user, role] of users) tok[user] = await addUser(running[node].node, user, role);
  const [sector = ""] = await addSectors(co.node, ["BI-01"], bi);
  const coUnit = expectJson<UnitView>(
    await api.co(tok.carlos, "POST", "/units", unitBody("Segunda División", { space: bi, jurisdiction: [sector] })),
    201,
  ).id;
  await waitFor("co's unit on ve", async () => (await api.ve(tok.luis, "GET", `/units/${coUnit}`)).statusCode === 200);
  await waitFor("the sector on ve", async () => (await api.ve(tok.luis, "GET", `/sectors/${sector}`)).statusCode === 200);
  const veUnit = expectJson<UnitView>(
    await api.ve(tok.victor, "POST", "/units", unitBody("ZODI Táchira", { space: bi, jurisdiction: [sector], counterparts: [coUnit] })),
    201,
  ).id;
  await waitFor("ve's unit on co", async () => (await api.co(tok.olga, "GET", `/units/${veUnit}`)).statusCode === 200);
  return {
    running,
    api,
    tok,
    bi,
    tri: withBr ? first : undefined,
    sector,
    coUnit,
    veUnit,
    dispose: () => disposeCluster(cluster),
  };
}

export type CoordinationCluster = Awaited<ReturnType<typeof coordinationCluster>>;

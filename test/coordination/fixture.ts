import { consoleActor } from "../../src/server/admin/commands";
import { borderContext, createSector } from "../../src/server/border/commands";
import type { NodeRuntime } from "../../src/server/node";
import { apiOf, expectJson, ROLE_USERS } from "../helpers/commitments";
import { addUser, createTestApp } from "../helpers/node";

/**
 * Shared pieces of the coordination suites: a node with one user of each role, two border
 * sectors, and a few of its own units; request bodies for meetings and the rest.
 */
export const UNKNOWN = "01900000-0000-7000-8000-00000000dead";
const PATH: [number, number][] = [
  [-72.48, 7.83],
  [-72.44, 7.9],
];

/** Creates border sectors through the border capability's own command. */
export async function addSectors(node: NodeRuntime, codes: readonly string[], space?: string): Promise<string[]> {
  const ctx = borderContext(node, consoleActor(node.config.node));
  const ids: string[] = [];
  for (const [i, code] of codes.entries()) {
    const path = PATH.map(([lon, lat]) => [lon, lat + i * 0.1] as [number, number]);
    ids.push(await createSector(ctx, { code, name: `Sector ${code}`, path, ...(space ? { space } : {}) }));
  }
  return ids;
}

export const unitBody = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  echelon: "brigade",
  commander: { post: `Comandante de la ${name}` },
  contacts: [{ channel: "radio", value: "Cóndor-30", label: "Red de mando" }],
  ...over,
});

export const meetingBody = (hostUnitId: string, invitedUnitIds: string[], over: Record<string, unknown> = {}) => ({
  title: "Reunión regional de coordinación",
  hostUnitId,
  invitedUnitIds,
  startsAt: "2031-03-05T09:00",
  endsAt: "2031-03-05T12:00",
  timezone: "America/Bogota",
  place: "Cúcuta, Batallón Santander",
  agenda: [{ title: "Contrabando de combustible" }, { title: "Pasos informales" }],
  reminders: [],
  ...over,
});

/** A node with its app, users of every role, two sectors and three of its own units. */
export async function coordinationFixture() {
  const t = await createTestApp();
  const api = apiOf(t.app);
  const tokens = new Map<string, string>();
  for (const [user, role] of ROLE_USERS) tokens.set(user, await addUser(t.node, user, role));
  const as = (user: string) => tokens.get(user) ?? "missing";
  const sectors = await addSectors(t.node, ["S-01", "S-02"]);
  const unit = async (name: string, over: Record<string, unknown> = {}) =>
    expectJson<{ id: string }>(await api(as("carlos"), "POST", "/units", unitBody(name, { jurisdiction: [sectors[0]], ...over })), 201).id;
  const units = [await unit("Brigada 30"), await unit("Batallón 5"), await unit("Brigada 18")];
  return { t, api, as, sectors, units };
}

export type CoordinationFixture = Awaited<ReturnType<typeof coordinationFixture>>;

import type { SectorRefView, UnitRefView } from "../../core/coordination/views";

/** A sector as people name it ("CUC · Cúcuta – San Antonio"), or its id when not held here. */
export function sectorLabel(s: SectorRefView | { id: string; code: string; name: string }): string {
  if (s.code && s.name) return `${s.code} · ${s.name}`;
  return s.name ?? s.code ?? s.id.slice(0, 8);
}

/** A unit as people name it, with its side ("Brigada de Arauca (CO)"). */
export function unitLabel(u: UnitRefView | { id: string; name: string | null; node?: string | null; ownerNode?: string }): string {
  const node = "ownerNode" in u && u.ownerNode ? u.ownerNode : "node" in u ? u.node : null;
  const name = u.name ?? u.id.slice(0, 8);
  return node ? `${name} (${node.toUpperCase()})` : name;
}

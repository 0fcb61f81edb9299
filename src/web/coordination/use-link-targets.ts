import { useQuery } from "@tanstack/react-query";
import type { IncidentPageView } from "../../core/border/views";
import { api } from "../api/client";
import { useCrossings } from "../border/use-crossings";
import { useSectors } from "../border/use-sectors";
import { sectorLabel } from "./labels";
import { useThreatActors } from "./use-threats";

/** One option of a link picker. */
export interface LinkOption {
  value: string;
  label: string;
}

/** What a report may link to: groups, sectors, crossings and the latest incidents, within `space` when given. */
export function useLinkTargets(space?: string) {
  const actors = useThreatActors();
  const sectors = useSectors();
  const crossings = useCrossings();
  const incidents = useQuery({
    queryKey: ["border", "incidents", "link-targets"],
    queryFn: () => api<IncidentPageView>("/incidents?limit=200"),
    staleTime: 30_000,
  });
  const inSpace = (s: string) => space === undefined || s === space;
  return {
    threatActorIds: (actors.data ?? []).filter((a) => inSpace(a.space)).map((a): LinkOption => ({ value: a.id, label: a.name })),
    sectorIds: (sectors.data ?? []).filter((s) => inSpace(s.space)).map((s): LinkOption => ({ value: s.id, label: sectorLabel(s) })),
    crossingIds: (crossings.data ?? []).filter((c) => inSpace(c.space)).map((c): LinkOption => ({ value: c.id, label: c.name })),
    incidentIds: (incidents.data?.items ?? [])
      .filter((i) => inSpace(i.space))
      .map((i): LinkOption => ({ value: i.id, label: `${i.occurredAt.slice(0, 10)} · ${i.summary.slice(0, 80)}` })),
  };
}

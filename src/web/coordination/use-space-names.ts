import { useTranslation } from "react-i18next";
import { NATIONAL_SPACE } from "../../core/log/envelope";
import { useSpaces } from "../federation/use-federation";

/** Shared spaces this node has joined, to release into or ask consent for. */
export function useSharedSpaces() {
  const spaces = useSpaces();
  return (spaces.data ?? []).filter((s) => s.members.some((m) => m.joined));
}

/** A space as people name it: "Nacional (solo este nodo)" or the shared space's name. */
export function useSpaceName(): (id: string) => string {
  const { t } = useTranslation();
  const spaces = useSpaces();
  return (id) => {
    if (id === NATIONAL_SPACE) return t("coordination.intel.national");
    return spaces.data?.find((s) => s.id === id)?.name ?? id;
  };
}

import type { TFunction } from "i18next";
import type { CrossingView } from "../../core/border/views";

/**
 * Crossings as a select offers them, grouped by category with the informal ones first:
 * coverage counts presence at those, so they are the ones a deployment or patrol names most.
 */
export function crossingOptions(crossings: readonly CrossingView[], t: TFunction) {
  const byName = [...crossings].sort((a, b) => a.name.localeCompare(b.name));
  return (["informal", "formal"] as const)
    .map((category) => ({
      group: t(`crossings.category.${category}`),
      items: byName.filter((c) => c.category === category).map((c) => ({ value: c.id, label: c.name })),
    }))
    .filter((g) => g.items.length > 0);
}

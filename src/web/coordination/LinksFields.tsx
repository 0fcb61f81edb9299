import { MultiSelect, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Links } from "../../core/coordination/schema";
import type { FormErrors } from "../i18n/validation";
import { useLinkTargets } from "./use-link-targets";

const KINDS = ["threatActorIds", "sectorIds", "crossingIds", "incidentIds"] as const;

/**
 * What a report is about: groups, sectors, crossings, incidents. A copy in a shared space
 * may only point at objects of that space, so `space` narrows the choice.
 */
export function LinksFields({
  value,
  onChange,
  errors,
  space,
}: {
  value: Links;
  onChange: (l: Links) => void;
  errors: FormErrors;
  space?: string;
}) {
  const { t } = useTranslation();
  const targets = useLinkTargets(space);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {KINDS.map((k) => {
        // Keep chosen ids visible even when they are not among the options loaded.
        const known = new Set(targets[k].map((o) => o.value));
        const data = [...targets[k], ...value[k].filter((id) => !known.has(id)).map((id) => ({ value: id, label: id }))];
        return (
          <MultiSelect
            key={k}
            label={t(`coordination.links.${k}`)}
            data={data}
            value={value[k]}
            onChange={(ids) => onChange({ ...value, [k]: ids })}
            searchable
            clearable
            error={errors[`links.${k}`]}
          />
        );
      })}
    </SimpleGrid>
  );
}

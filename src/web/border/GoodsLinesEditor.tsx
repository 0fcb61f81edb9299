import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { GOODS_CATEGORIES, GOODS_UNITS, type Goods } from "../../core/border/schema";
import type { FormErrors } from "../i18n/validation";

/** A goods line being typed: the quantity may still be empty. */
export type GoodsDraft = Omit<Goods, "quantity"> & { quantity: number | "" };

/** The unit a category is usually counted in, offered when a line is added or its category changes. */
const USUAL_UNIT: Record<Goods["category"], Goods["unit"]> = {
  fuel: "l",
  food: "kg",
  livestock: "head",
  minerals: "kg",
  drugs: "kg",
  weapons: "units",
  other: "units",
};

/**
 * The seized goods of a report, one small card per line (category, quantity, unit and a
 * description); each control's accessible name carries the line's number.
 */
export function GoodsLinesEditor({
  lines,
  onChange,
  errors,
  prefix = "goods",
}: {
  lines: GoodsDraft[];
  onChange: (lines: GoodsDraft[]) => void;
  errors: FormErrors;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<GoodsDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Stack gap={6} role="group" aria-labelledby={`${prefix}-legend`}>
      <Text size="sm" fw={500} id={`${prefix}-legend`}>
        {t("incidents.goods")}
      </Text>
      {lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("incidents.noGoods")}
        </Text>
      )}
      {lines.map((line, i) => {
        const n = i + 1;
        const err = (f: string) => errors[`${prefix}.${i}.${f}`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own; their position is it
          <Paper key={i} withBorder p="xs" bg="gray.0">
            <Group justify="space-between" mb={4}>
              <Text size="xs" fw={600} c="dimmed">
                {t("incidents.goodsN", { n })}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t("incidents.removeGoodsN", { n })}
                onClick={() => onChange(lines.filter((_, j) => j !== i))}
              >
                ✕
              </ActionIcon>
            </Group>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Select
                label={t("incidents.goodsCategoryLabel")}
                aria-label={t("incidents.goodsCategoryN", { n })}
                data={GOODS_CATEGORIES.map((c) => ({ value: c, label: t(`incidents.goodsCategory.${c}`) }))}
                value={line.category}
                onChange={(v) => v && set(i, { category: v as Goods["category"], unit: USUAL_UNIT[v as Goods["category"]] })}
                allowDeselect={false}
                error={err("category")}
                style={{ flex: 3 }}
              />
              <NumberInput
                label={t("incidents.quantity")}
                aria-label={t("incidents.quantityN", { n })}
                value={line.quantity}
                onChange={(v) => set(i, { quantity: typeof v === "number" ? v : "" })}
                min={0}
                decimalScale={3}
                error={err("quantity")}
                style={{ flex: 2 }}
              />
              <Select
                label={t("incidents.unitLabel")}
                aria-label={t("incidents.unitN", { n })}
                data={GOODS_UNITS.map((u) => ({ value: u, label: t(`incidents.unit.${u}`) }))}
                value={line.unit}
                onChange={(v) => v && set(i, { unit: v as Goods["unit"] })}
                allowDeselect={false}
                error={err("unit")}
                style={{ flex: 3 }}
              />
            </Group>
            <TextInput
              mt={4}
              label={t("incidents.goodsDescription")}
              aria-label={t("incidents.goodsDescriptionN", { n })}
              value={line.description}
              onChange={(e) => set(i, { description: e.currentTarget.value })}
              error={err("description")}
            />
          </Paper>
        );
      })}
      <Button
        variant="light"
        size="xs"
        style={{ alignSelf: "flex-start" }}
        onClick={() => onChange([...lines, { category: "fuel", quantity: "", unit: "l", description: "" }])}
      >
        {t("incidents.addGoods")}
      </Button>
    </Stack>
  );
}

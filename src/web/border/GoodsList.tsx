import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Goods } from "../../core/border/schema";
import { formatQuantity } from "./format-quantity";

/** Seized goods, one line each: "1 200 L de combustible (descripción)". */
export function GoodsList({ goods }: { goods: readonly Goods[] }) {
  const { t, i18n } = useTranslation();
  if (goods.length === 0) return <Text size="sm">{t("incidents.noGoods")}</Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {goods.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: goods lines are ordered facts of one report
        <li key={i}>
          <Text size="sm" span>
            {`${formatQuantity(g.quantity, g.unit, i18n.language, t)} · ${t(`incidents.goodsCategory.${g.category}`)}`}
            {g.description ? ` (${g.description})` : ""}
          </Text>
        </li>
      ))}
    </ul>
  );
}

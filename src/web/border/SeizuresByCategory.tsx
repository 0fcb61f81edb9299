import { Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SeizuresView } from "../../core/border/read-views";
import { BarChart } from "./BarChart";
import { formatCount, formatQuantity } from "./format-quantity";

/** Incidents with seizures per goods category (bars) and the quantities seized (table). */
export function SeizuresByCategory({ view }: { view: SeizuresView }) {
  const { t, i18n } = useTranslation();
  const label = (key: string | null) => (key ? t(`incidents.goodsCategory.${key}`, { defaultValue: key }) : "—");
  return (
    <Stack gap="sm">
      <BarChart
        title={t("dashboard.byCategory")}
        bars={view.groups.map((g) => ({ key: g.key ?? "none", label: label(g.key), value: g.incidents }))}
        format={(v) => formatCount(v, i18n.language)}
        color="#1971c2"
      />
      <Table aria-label={t("dashboard.quantities")} verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("dashboard.category")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("dashboard.seized")}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t("dashboard.incidents")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.groups.flatMap((g) =>
            g.quantities.map((q) => (
              <Table.Tr key={`${g.key}:${q.unit}`}>
                <Table.Th scope="row" fw={500}>
                  {label(q.category)}
                </Table.Th>
                <Table.Td ta="right">{formatQuantity(q.quantity, q.unit, i18n.language, t)}</Table.Td>
                <Table.Td ta="right">{formatCount(q.incidents, i18n.language)}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

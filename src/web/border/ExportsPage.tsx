import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { API } from "../api/client";
import { PageHeader } from "../components/PageHeader";

const KINDS = ["sectors", "crossings", "incidents"] as const;
const FORMATS = ["geojson", "kml", "csv"] as const;

/**
 * Downloads of the border picture in open formats: GeoJSON (RFC 7946), KML and CSV for
 * sectors, crossings and incidents, and the Cursor-on-Target feed TAK clients read.
 */
export function ExportsPage() {
  const { t, i18n } = useTranslation();
  const lang = `lang=${i18n.language === "en" ? "en" : "es"}`;
  return (
    <Stack gap="lg">
      <PageHeader title={t("exports.pageTitle")} subtitle={t("exports.pageSubtitle")} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {KINDS.map((kind) => (
          <Paper key={kind} withBorder p="md" component="section" aria-labelledby={`export-${kind}`}>
            <Title order={2} size="h4" id={`export-${kind}`}>
              {t(`exports.kind.${kind}`)}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t(`exports.kindHint.${kind}`)}
            </Text>
            <Group gap="md">
              {FORMATS.map((f) => (
                <Anchor
                  key={f}
                  href={`${API}/export/${kind}.${f}?${lang}`}
                  download
                  aria-label={t("exports.download", { kind: t(`exports.kind.${kind}`), format: t(`exports.format.${f}`) })}
                >
                  {t(`exports.format.${f}`)}
                </Anchor>
              ))}
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-labelledby="export-cot">
        <Title order={2} size="h4" id="export-cot">
          {t("exports.cotTitle")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("exports.cotHint")}
        </Text>
        <Group gap="md">
          {[24, 168].map((h) => (
            <Anchor key={h} href={`${API}/export/cot?hours=${h}&${lang}`} target="_blank" rel="noopener">
              {t(`exports.cotWindow.${h}`)}
            </Anchor>
          ))}
        </Group>
        <Text size="xs" c="dimmed" mt="sm" ff="monospace">
          {`GET ${API}/export/cot?hours=24`}
        </Text>
      </Paper>
    </Stack>
  );
}

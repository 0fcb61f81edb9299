import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n/i18n";

/** Each language named in itself, the way language pickers are read (and found by tests). */
const NATIVE: Record<(typeof LANGUAGES)[number], string> = { es: "Español", en: "English" };

/** Spanish / English switch; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === "en" ? "en" : "es";
  return (
    <Group gap={0} role="group" aria-label={t("language.label")} wrap="nowrap">
      {LANGUAGES.map((lng, i) => (
        <Button
          key={lng}
          size="compact-xs"
          variant={lng === current ? "filled" : "default"}
          aria-pressed={lng === current}
          aria-label={NATIVE[lng]}
          lang={lng}
          onClick={() => void i18n.changeLanguage(lng)}
          style={i === 0 ? { borderTopRightRadius: 0, borderBottomRightRadius: 0 } : { borderTopLeftRadius: 0, borderBottomLeftRadius: 0 }}
        >
          {lng.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

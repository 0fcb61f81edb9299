import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { RESOURCES } from "./resources";

/** The console's languages, Spanish first (DESIGN.md: "Spanish first, English second"). */
export const LANGUAGES = ["es", "en"] as const;
/** One of the console's languages. */
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "enlace.lang";

function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === "en" ? "en" : "es";
  } catch {
    return "es";
  }
}

/** Starts i18next with both resource files bundled (no fetch at run time). */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { es: { translation: RESOURCES.es }, en: { translation: RESOURCES.en } },
    lng: storedLanguage(),
    fallbackLng: "es",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // private mode: the choice lasts for this page only
    }
  });
  return i18next;
}

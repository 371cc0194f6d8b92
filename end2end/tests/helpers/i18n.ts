// The same translation files the application is built from: a test fails if a page
// shows anything but what the locale file says.
import en from "../../../app/locales/en.json";
import ptBR from "../../../app/locales/pt-BR.json";
import es from "../../../app/locales/es.json";
import fr from "../../../app/locales/fr.json";
import ht from "../../../app/locales/ht.json";
import ar from "../../../app/locales/ar.json";

export type Messages = typeof en;
export const LOCALES = {
  "pt-BR": ptBR,
  es,
  en,
  fr,
  ht,
  ar,
} satisfies Record<string, Messages>;
export type LocaleTag = keyof typeof LOCALES;
export const LOCALE_TAGS = Object.keys(LOCALES) as LocaleTag[];
export const RTL: ReadonlySet<LocaleTag> = new Set(["ar"]);
export const AUTONYMS: Record<LocaleTag, string> = {
  "pt-BR": "Português",
  es: "Español",
  en: "English",
  fr: "Français",
  ht: "Kreyòl ayisyen",
  ar: "العربية",
};

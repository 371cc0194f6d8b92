// The same translation files the application is built from: a test fails if a page
// shows anything but what the locale file says.
import en_common from "../../../app/locales/en/common.json";
import en_accounts from "../../../app/locales/en/accounts.json";
import en_elections from "../../../app/locales/en/elections.json";
import en_results from "../../../app/locales/en/results.json";
import ptBR_common from "../../../app/locales/pt-BR/common.json";
import ptBR_accounts from "../../../app/locales/pt-BR/accounts.json";
import ptBR_elections from "../../../app/locales/pt-BR/elections.json";
import ptBR_results from "../../../app/locales/pt-BR/results.json";
import es_common from "../../../app/locales/es/common.json";
import es_accounts from "../../../app/locales/es/accounts.json";
import es_elections from "../../../app/locales/es/elections.json";
import es_results from "../../../app/locales/es/results.json";
import fr_common from "../../../app/locales/fr/common.json";
import fr_accounts from "../../../app/locales/fr/accounts.json";
import fr_elections from "../../../app/locales/fr/elections.json";
import fr_results from "../../../app/locales/fr/results.json";
import ht_common from "../../../app/locales/ht/common.json";
import ht_accounts from "../../../app/locales/ht/accounts.json";
import ht_elections from "../../../app/locales/ht/elections.json";
import ht_results from "../../../app/locales/ht/results.json";
import ar_common from "../../../app/locales/ar/common.json";
import ar_accounts from "../../../app/locales/ar/accounts.json";
import ar_elections from "../../../app/locales/ar/elections.json";
import ar_results from "../../../app/locales/ar/results.json";

// Keys are unique across namespaces (one file per process and language), so a page's
// messages are the files of its language merged.
const en = { ...en_common, ...en_accounts, ...en_elections, ...en_results };
const ptBR = { ...ptBR_common, ...ptBR_accounts, ...ptBR_elections, ...ptBR_results };
const es = { ...es_common, ...es_accounts, ...es_elections, ...es_results };
const fr = { ...fr_common, ...fr_accounts, ...fr_elections, ...fr_results };
const ht = { ...ht_common, ...ht_accounts, ...ht_elections, ...ht_results };
const ar = { ...ar_common, ...ar_accounts, ...ar_elections, ...ar_results };

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

// A new installation's organization, set up by its administrator on a staff page instead
// of in code: names in several languages, documents, minimum age, residence, districts,
// clock. Each problem under its field (and in the summary), what was typed kept; saved
// settings show on the public pages and in the audit log. pt-BR and Arabic, at the
// project's width (320 px on the phone).
import { expect, test } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { screenshot } from "./helpers/page";
import { enrolStaff, voz } from "./helpers/staff";

const PORTUGUESE = "Conselho de Teste de Configurações";
const ARABIC = "مجلس اختبار الإعدادات";

for (const lang of ["pt-BR", "ar"] as const) {
  test(`an administrator sets up a new organization on its settings page (${lang})`, async ({ browser }, testInfo) => {
    const t = LOCALES[lang];
    const slug = `settings-${lang.toLowerCase()}-${testInfo.project.name}-${Date.now() % 1_000_000}`;
    voz("org", "create", slug, "--name", PORTUGUESE, "--locale", "pt-BR");
    const admin = await enrolStaff(browser, "Administradora", "administrator", lang, slug);

    // From the account page to the staff home, then to the settings, by links.
    await admin.goto(`/${lang}/staff/${slug}`);
    await admin.getByRole("link", { name: t.settings_title }).click();
    await expect(admin).toHaveURL(new RegExp(`/${lang}/staff/${slug}/settings$`));
    await expect(admin.locator("h1")).toHaveText(t.settings_title);
    await expect(admin.locator("#name-pt-BR")).toHaveValue(PORTUGUESE);
    await expect(admin.locator("#time_zone")).toHaveValue("UTC");

    // Two mistakes far apart: both in the summary, each under its field; nothing saved.
    const form = admin.locator(".settings-form");
    await admin.locator("#name-ar").fill(ARABIC);
    await admin.locator("#min_age").fill("30");
    await admin.locator("#districts").fill("Sé\nSE\nMooca");
    await admin.locator("#time_zone").fill("Mars/Olympus_Mons");
    await form.locator("button[type=submit]").click();
    const summary = admin.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.locator("li")).toHaveCount(3);
    await expect(admin.locator("#min_age-error")).not.toBeEmpty();
    await expect(admin.locator("#districts-error")).toHaveText(t.problem_already_used);
    await expect(admin.locator("#time_zone-error")).toHaveText(t.problem_unknown_option);
    await expect(admin.locator("#name-ar"), "what was typed is kept").toHaveValue(ARABIC);
    await expect(admin.locator("#districts")).toHaveValue("Sé\nSE\nMooca");
    await screenshot(admin, testInfo, `settings-refused-${lang}`);

    // Corrected: saved, and read back as saved.
    await admin.locator("#min_age").fill("18");
    await admin.locator("#districts").fill("Sé\nMooca\nBrás");
    await admin.locator("#time_zone").fill("America/Sao_Paulo");
    await admin.locator("#document-passport").uncheck();
    await form.locator("button[type=submit]").click();
    await expect(admin.getByTestId("settings-outcome")).toHaveText(t.settings_saved);
    await expect(admin.locator("#min_age")).toHaveValue("18");
    await expect(admin.locator("#time_zone")).toHaveValue("America/Sao_Paulo");
    await expect(admin.locator("#document-passport")).not.toBeChecked();
    await expect(admin.locator("#name-ar")).toHaveValue(ARABIC);
    await screenshot(admin, testInfo, `settings-saved-${lang}`);

    // Saving again unchanged says so, and writes nothing.
    await form.locator("button[type=submit]").click();
    await expect(admin.getByTestId("settings-outcome")).toHaveText(t.settings_unchanged);

    // The change is one audit entry, in the reader's language.
    await admin.goto(`/${lang}/staff/${slug}/audit`);
    const entries = admin.locator(".audit li[data-action='organization.settings']");
    await expect(entries).toHaveCount(1);
    await expect(entries.locator(".action")).toHaveText(t.audit_action_organization_settings);
    await expect(entries).toContainText("America/Sao_Paulo");

    // The public sees the name in their language; the registration form, the new rules.
    await admin.goto(`/ar/o/${slug}`);
    await expect(admin.locator("h1")).toHaveText(ARABIC);
    await admin.goto(`/pt-BR/o/${slug}`);
    await expect(admin.locator("h1")).toHaveText(PORTUGUESE);
    await admin.goto(`/${lang}/join/${slug}`);
    await expect(admin.locator("#district option", { hasText: "Mooca" })).toHaveCount(1);
    await expect(admin.locator("#document_type option[value='passport']")).toHaveCount(0);
  });
}

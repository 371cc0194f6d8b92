// The commission configures an election: bad input is named field by field and stores
// nothing; a valid form creates a draft whose public page shows channels and stations.
import { expect, test } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { screenshot, whenReady } from "./helpers/page";
import { enrolStaff } from "./helpers/staff";

test("the commission creates an election from the CMI template", async ({ browser }, testInfo) => {
  const commission = await enrolStaff(browser, `Comissão ${Date.now()}`, "electoral_commission");
  await commission.goto("/pt-BR/staff/cmi-sp/elections");
  await whenReady(commission);
  await commission.getByRole("link", { name: "Nova eleição" }).click();
  await whenReady(commission);
  await commission.locator("#title").fill("<b>CMI</b>");
  await commission.locator("#slug").fill("CMI 2029!");
  await commission.locator("#parity_percent").fill("150");
  await commission.locator("#in_person_date").fill("2029-05-23");
  await commission.locator("form button[type=submit]").click();
  await expect(commission.locator("#title-error")).not.toBeEmpty();
  await expect(commission.locator("#slug-error")).not.toBeEmpty();
  await expect(commission.locator("#parity_percent-error")).not.toBeEmpty();
  await expect(commission.locator("#stations-error")).toHaveText("Preencha este campo.");
  await screenshot(commission, testInfo, "configure-errors-pt-BR");

  const slug = `cmi-2029-${testInfo.project.name}-${Date.now() % 100000}`;
  await commission.locator("#title").fill("Conselho Municipal de Imigrantes — 2029");
  await commission.locator("#slug").fill(slug);
  await commission.locator("#parity_percent").fill("50");
  await commission.locator("#online_from").fill("2029-05-18");
  await commission.locator("#online_to").fill("2029-05-21");
  await commission.locator("#stations").fill("CRAI | Rua Japurá, 234 | Sé\nCEU Jambeiro | Av. José Pinheiro Borges, 60 | Guaianases");
  await commission.locator("form button[type=submit]").click();
  await expect(commission).toHaveURL(new RegExp(`/pt-BR/staff/cmi-sp/elections/${slug}$`));
  await expect(commission.locator(".phase-now")).toHaveText("Rascunho");

  // Deadlines: set, never shortened, extended; each change public.
  await commission.locator(".deadlines summary").click();
  await commission.locator("#deadline_phase").selectOption("candidacy_registration");
  await commission.locator("#last_day").fill("2029-06-01");
  await commission.locator(".deadlines button[type=submit]").click();
  await expect(commission.locator(".current-deadlines li")).toContainText("1 de junho de 2029");
  await commission.locator("#deadline_phase").selectOption("candidacy_registration");
  await commission.locator("#last_day").fill("2029-05-01");
  await commission.locator(".deadlines button[type=submit]").click();
  await expect(commission.locator("#last_day-error")).toHaveText(/só pode ser prorrogado/);
  await commission.locator("#last_day").fill("2029-06-15");
  await commission.locator(".deadlines button[type=submit]").click();
  await expect(commission.locator(".current-deadlines li")).toContainText("15 de junho de 2029");

  // The same address cannot be used twice.
  await commission.goto("/pt-BR/staff/cmi-sp/elections/new");
  await whenReady(commission);
  await commission.locator("#title").fill("Outra");
  await commission.locator("#slug").fill(slug);
  await commission.locator("#online_from").fill("2029-05-18");
  await commission.locator("#online_to").fill("2029-05-21");
  await commission.locator("form button[type=submit]").click();
  await expect(commission.locator("#slug-error")).toHaveText("Já está em uso.");

  const reader = await browser.newPage();
  await reader.goto(`/ar/o/cmi-sp/e/${slug}`);
  await expect(reader.locator(".calendar li.current")).toContainText("مسودة");
  await expect(reader.locator(".stations li")).toHaveCount(2);
  await expect(reader.locator(".segment")).toHaveCount(3);
  await reader.goto(`/pt-BR/o/cmi-sp/e/${slug}`);
  await expect(reader.locator(".calendar li").nth(1)).toContainText("até 15 de junho de 2029");
  await expect(reader.locator(".calendar-changes li")).toHaveCount(2);
  await expect(reader.locator(".calendar-changes li").nth(1)).toContainText("prorrogado de 1 de junho de 2029 para 15 de junho de 2029");
  await screenshot(reader, testInfo, "election-draft-ar");
});

for (const lang of ["pt-BR", "ar"] as const) {
  test(`the commission lays out segments of its own, named in several languages (${lang})`, async ({ browser }, testInfo) => {
    const t = LOCALES[lang];
    const youth = lang === "ar" ? "الشباب" : "Juventude";
    const women = lang === "ar" ? "مجموعات النساء" : "Coletivos de mulheres";
    const commission = await enrolStaff(browser, `Comissão ${Date.now()}`, "electoral_commission", lang);
    await commission.goto(`/${lang}/staff/cmi-sp/elections/new`);
    await whenReady(commission);
    // The CMI's segments fill the form; the commission starts from nothing instead.
    await expect(commission.locator("#segment-0-code")).toHaveValue("A");
    await commission.getByRole("link", { name: t.configure_layout_empty }).click();
    await expect(commission.locator("#segment-0-code")).toHaveValue("");

    const slug = `layout-${lang.toLowerCase()}-${testInfo.project.name}-${Date.now() % 100000}`;
    await commission.locator("#title").fill(`Conselho Jovem ${lang}`);
    await commission.locator("#slug").fill(slug);
    await commission.locator("#online_from").fill("2029-05-18");
    await commission.locator("#online_to").fill("2029-05-21");
    await commission.locator("#segment-0-names").fill(youth);
    await commission.locator("#segment-0-code").fill("j");
    await commission.locator("#segment-0-seats").fill("2");
    await commission.locator("#segment-0-alternates").fill("1");
    await commission.locator("#segment-0-min_age").fill("16");
    await commission.locator("#segment-1-names").fill(women);
    await commission.locator("#segment-1-code").fill("J");
    await commission.locator("#segment-1-seats").fill("1");
    await commission.locator("#segment-1-alternates").fill("0");
    await commission.locator("#segment-1-kind").selectOption("organization");
    await commission.locator(".segment-row").nth(1).locator("summary").click();
    await commission.locator("#segment-1-name-en").fill("Women's groups");
    const submit = commission.locator("form[action$='/commission/create'] button[type=submit]");
    await submit.click();

    // One code twice: said under the code and in the summary; everything typed is kept.
    await expect(commission.getByTestId("error-summary")).toBeFocused();
    await expect(commission.getByTestId("error-summary")).toContainText(t.configure_segment_n.replace("{{ n }}", "2"));
    await expect(commission.locator("#segment-1-code-error")).toHaveText(t.problem_already_used);
    await expect(commission.locator("#segment-1-names")).toHaveValue(women);
    await expect(commission.locator("#segment-1-name-en")).toHaveValue("Women's groups");
    await expect(commission.locator("#segment-1-kind")).toHaveValue("organization");
    await screenshot(commission, testInfo, `configure-layout-refused-${lang}`);
    await commission.locator("#segment-1-code").fill("M");
    await submit.click();
    await expect(commission).toHaveURL(new RegExp(`/${lang}/staff/cmi-sp/elections/${slug}$`));

    // The public page shows the commission's layout, each name in the reader's language.
    const reader = await browser.newPage();
    await reader.goto(`/${lang}/o/cmi-sp/e/${slug}`);
    await expect(reader.locator(".segment")).toHaveCount(2);
    await expect(reader.locator("#segment-J h3")).toContainText(youth);
    await expect(reader.locator("#segment-M h3")).toContainText(women);
    await reader.goto(`/en/o/cmi-sp/e/${slug}`);
    await expect(reader.locator("#segment-M h3")).toContainText("Women's groups");
    await expect(reader.locator("#segment-M")).toContainText(women);
    await screenshot(reader, testInfo, `configure-layout-public-${lang}`);
  });
}

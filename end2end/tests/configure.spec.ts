// The commission configures an election: bad input is named field by field and stores
// nothing; a valid form creates a draft whose public page shows channels and stations.
import { expect, test } from "@playwright/test";
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

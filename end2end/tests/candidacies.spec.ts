// Standing for election: a candidacy filed, rejected with a reason, appealed and accepted on
// appeal, while the commission moves the calendar; the final list is then public.
import { expect, test, type Page } from "@playwright/test";
import { verifiedRegistrant } from "./helpers/elections";
import { screenshot, waitForHydration, whenReady } from "./helpers/page";
import { newPerson } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";

const election = "/o/cmi-sp/e/cmi-2027";
const commissionPath = "/staff/cmi-sp/elections/cmi-2027";

async function movePhase(commission: Page, to: RegExp) {
  await commission.locator(".phase-move summary").click();
  await commission.locator(".phase-move button[type=submit]").click(); // "yes, move on"
  await expect(commission.locator(".phase-now")).toHaveText(to);
}

test("a candidacy is rejected, appealed and accepted on appeal; the final list is public", async ({ browser }, testInfo) => {
  // It moves the calendar of the demo's one election taking candidacies: once per run.
  test.skip(testInfo.project.name !== "phone", "moves a shared election's calendar");
  test.setTimeout(120_000);
  const name = `Coletivo Teste ${Date.now()}`;
  const commission = await enrolStaff(browser, `Comissão ${Date.now()}`, "electoral_commission");
  // Who stands must be a verified registrant (here the collective's representative); a
  // staff member with no registration is refused.
  const staffOnly = await enrolStaff(browser, `Sem inscrição ${Date.now()}`, "moderator");
  await staffOnly.goto(`/pt-BR${election}/candidacy`);
  await waitForHydration(staffOnly);
  await staffOnly.locator("#segment").selectOption("C");
  await staffOnly.locator("#platform").fill("Plataforma.");
  await staffOnly.locator("form button[type=submit]").click();
  await expect(staffOnly.locator("[role=alert]").last()).toContainText("inscrição verificada");
  await staffOnly.context().close();
  const candidate = await verifiedRegistrant(browser, commission, newPerson({ name: `Marie-Ange Joseph ${Date.now()}`, nationality: "HT", gender: "woman" }));
  await candidate.goto(`/pt-BR${election}/candidacy`);
  await waitForHydration(candidate);
  // Bad input: a translated error per field, nothing stored.
  await candidate.locator("form button[type=submit]").click();
  await expect(candidate.locator("#segment-error")).toHaveText("Preencha este campo.");
  await expect(candidate.locator("#platform-error")).not.toBeEmpty();
  await candidate.locator("#segment").selectOption("A");
  await candidate.locator("#platform").fill("**Moradia** e documentos\n\n- saúde\n- trabalho <script>alert(1)</script>");
  await candidate.locator("form button[type=submit]").click();
  await expect(candidate.locator("#name-error")).toHaveText("Preencha este campo.");
  await candidate.locator("#name").fill(name);
  await candidate.locator("#date").fill("2016-03-01");
  await candidate.locator("form button[type=submit]").click();
  await expect(candidate.locator(".candidacy-status")).toHaveText("Enviada, aguardando análise");

  await commission.goto(`/pt-BR${commissionPath}`);
  await whenReady(commission);
  await movePhase(commission, /Análise das candidaturas/);
  const card = commission.locator(".candidacy", { hasText: name });
  await card.getByRole("button", { name: "Indeferir" }).click();
  await expect(card.locator(".decision .field-error")).toHaveText("Preencha este campo.");
  await card.locator("textarea[id^=reason-]").fill("Falta a ata de fundação do coletivo.");
  await card.getByRole("button", { name: "Indeferir" }).click();
  await expect(commission.locator(".candidacy", { hasText: name }).locator(".candidacy-status")).toHaveText("Indeferida");
  await movePhase(commission, /Recursos/);

  await candidate.reload();
  await waitForHydration(candidate);
  await expect(candidate.locator(".candidacy-status")).toHaveText("Indeferida");
  await expect(candidate.locator(".reason")).toHaveText("Falta a ata de fundação do coletivo.");
  await candidate.locator("#appeal").fill("O coletivo é informal: o edital aceita coletivos sem ata.");
  await candidate.locator("form button[type=submit]").click();
  await expect(candidate.locator(".candidacy-status")).toHaveText("Recurso enviado");
  await screenshot(candidate, testInfo, "candidacy-appealed-pt-BR");

  await commission.reload();
  await whenReady(commission);
  const appealed = commission.locator(".candidacy", { hasText: name });
  await expect(appealed.locator(".appeal")).toHaveText(/coletivo é informal/);
  await appealed.locator("textarea[id^=reason-]").fill("O edital aceita coletivos informais.");
  await appealed.getByRole("button", { name: "Aceitar o recurso" }).click();
  await expect(commission.locator(".candidacy", { hasText: name }).locator(".candidacy-status")).toHaveText("Aceita após recurso");
  await screenshot(commission, testInfo, "commission-pt-BR");
  await movePhase(commission, /Lista final/);

  // The public page: the calendar with dates, the candidate in segment A, in Arabic too.
  const reader = await browser.newPage();
  await reader.goto(`/ar${election}`);
  await expect(reader.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(reader.locator(".calendar li.current")).toContainText("القائمة النهائية");
  const entry = reader.locator("#segment-A .candidate", { hasText: name });
  await expect(entry).toContainText("Marie-Ange Joseph");
  await entry.locator("summary").click();
  await expect(entry.locator(".platform strong")).toHaveText("Moradia");
  await expect(entry.locator(".platform script")).toHaveCount(0);
  const width = await reader.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(reader.viewportSize()!.width);
  await screenshot(reader, testInfo, "election-ar");
  await reader.goto(`/pt-BR${election}`);
  await screenshot(reader, testInfo, "election-pt-BR");
});

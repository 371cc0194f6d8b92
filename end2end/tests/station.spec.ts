// A polling station's day: open, check voters in by document, a kiosk ballot on the
// station's device and a paper ballot entered at closing, then a closure that must explain
// a mismatch and, once signed, cannot change.
import { expect, test, type Page } from "@playwright/test";
import { screenshot, waitForHydration } from "./helpers/page";
import { fillRegistration, newPerson, type Person } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";

async function registerAtDesk(worker: Page, person: Person) {
  await worker.goto("/pt-BR/staff/cmi-sp/helpdesk");
  await waitForHydration(worker);
  await fillRegistration(worker, person);
  await worker.locator("form button[type=submit]").click();
  await expect(worker.locator(".access-card")).toBeVisible();
}

async function find(worker: Page, person: Person) {
  await worker.locator("#document_type").selectOption(person.documentType);
  await worker.locator("#document_number").fill(person.documentNumber);
  await worker.locator(".station-find form button[type=submit]").click();
}

test("a station opens, checks voters in, takes a kiosk and a paper ballot, and signs its closure", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // Each project works its own station of the demo's voting election.
  const station = testInfo.project.name === "phone" ? 2 : 3;
  const path = `/staff/cmi-sp/elections/cmi-2025/stations/${station}`;
  const worker = await enrolStaff(browser, `Mesária ${Date.now()}`, "poll_worker");
  const kioskVoter = newPerson({ name: `Eleitora Totem ${Date.now()}` });
  const paperVoter = newPerson({ name: `Eleitor Papel ${Date.now()}` });
  await registerAtDesk(worker, kioskVoter);
  await registerAtDesk(worker, paperVoter);

  await worker.goto("/pt-BR/staff/cmi-sp/stations");
  await waitForHydration(worker);
  await worker.locator(`a[href$="/stations/${station}"]`).click();
  await waitForHydration(worker);
  await worker.getByRole("button", { name: "Abrir o local de votação" }).click();
  await expect(worker.getByTestId("station-counts")).toContainText("Ninguém votou aqui ainda");

  // Someone not registered: offered registration on the spot.
  await find(worker, newPerson());
  await expect(worker.locator(".person-not-found")).toBeVisible();

  // The kiosk voter: marked, then the device becomes their ballot.
  await find(worker, kioskVoter);
  await expect(worker.locator(".person-found h3")).toHaveText(kioskVoter.name);
  await worker.getByRole("button", { name: "Registrar e liberar cédula no aparelho" }).click();
  await expect(worker.locator(".kiosk-ready")).toBeVisible();
  await screenshot(worker, testInfo, "station-pt-BR");
  // A second device of the same station learns a ballot is waiting, but cannot hand it over.
  const colleague = await enrolStaff(browser, `Mesário ${Date.now()}`, "poll_worker");
  await colleague.goto(`/pt-BR${path}`);
  await waitForHydration(colleague);
  await expect(colleague.locator(".kiosk-elsewhere")).toContainText("1 cédula liberada no aparelho e não votada");
  await expect(colleague.locator(".kiosk-ready")).toHaveCount(0);
  await colleague.context().close();
  await worker.locator(".kiosk-ready a").click();
  await expect(worker.locator("form.ballot")).toBeVisible();
  const segments = worker.locator("fieldset.segment-choices");
  await segments.nth(2).locator(".choice").nth(1).locator("label").click();
  await worker.locator("label[for=review-step]").first().click();
  await worker.locator(".only-reviewing button[type=submit]").click();
  await expect(worker.getByTestId("tracking-code")).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  // The poll worker taking the device back cannot see the voter's code again.
  await worker.reload();
  await expect(worker.getByTestId("tracking-code")).toHaveCount(0);
  // The token was single-use: the kiosk has no ballot any more.
  await worker.goto("/pt-BR/o/cmi-sp/e/cmi-2025/kiosk");
  await expect(worker.locator(".notice")).toBeVisible();
  await expect(worker.locator("form.ballot")).toHaveCount(0);

  await worker.goto(`/pt-BR${path}`);
  await waitForHydration(worker);
  await expect(worker.getByTestId("station-counts")).toContainText("1 pessoa votou aqui · 1 cédula na urna");
  // Already voted: no second mark.
  await find(worker, kioskVoter);
  await expect(worker.locator(".person-found .error")).toContainText("Você já votou");
  await expect(worker.locator(".person-found button")).toHaveCount(0);

  // The paper voter.
  await find(worker, paperVoter);
  await worker.getByRole("button", { name: "Registrar: cédula de papel" }).click();
  await expect(worker.getByTestId("station-counts")).toContainText("2 pessoas votaram aqui · 1 cédula na urna");

  // At closing: the paper ballot, and a null one found in the box too.
  await worker.locator(".paper-ballots summary").click();
  const paper = worker.locator("form.paper");
  await paper.locator("fieldset.segment-choices").nth(0).locator(".choice").nth(0).locator("label").click();
  await paper.locator("button[type=submit]").click();
  await expect(worker.locator(".success")).toBeVisible();
  await worker.locator(".paper-ballots summary").click();
  await worker.locator("form.paper input[name=null]").check();
  await worker.locator("form.paper button[type=submit]").click();
  await expect(worker.getByTestId("station-counts")).toContainText("2 pessoas votaram aqui · 3 cédulas na urna");

  // 3 ballots for 2 people: the closure needs a justification.
  await waitForHydration(worker);
  await worker.getByRole("button", { name: "Assinar o encerramento" }).click();
  await worker.getByRole("button", { name: "Sim, assinar" }).click();
  await expect(worker.locator("#justification-error")).toHaveText("Preencha este campo.");
  await worker.locator("#justification").fill("Uma cédula nula a mais: eleitor depositou duas folhas.");
  await worker.getByRole("button", { name: "Assinar o encerramento" }).click();
  await worker.getByRole("button", { name: "Sim, assinar" }).click();
  await expect(worker.locator(".closure.signed")).toBeVisible();
  await expect(worker.locator(".closure.signed")).toContainText("Uma cédula nula a mais");
  await screenshot(worker, testInfo, "station-closed-pt-BR");

  // Signed: nothing more here, in Arabic too.
  await worker.goto(`/ar${path}`);
  await waitForHydration(worker);
  await expect(worker.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(worker.locator(".closure.signed")).toBeVisible();
  await expect(worker.locator(".station-find")).toHaveCount(0);
  const width = await worker.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(worker.viewportSize()!.width);
  await screenshot(worker, testInfo, "station-closed-ar");
});

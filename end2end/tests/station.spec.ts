// A polling station's day: open, pair a kiosk (a separate device holding no staff
// session), check voters in by document, a kiosk ballot and a paper ballot entered at
// closing, then a closure that counts the sheets in the box, must explain a mismatch and,
// once signed, cannot change.
import { expect, test, type Page } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { screenshot, waitForHydration } from "./helpers/page";
import { expectSignedInAs, fillRegistration, newPerson, registerAtHelpDesk, submitRegistration, type Person } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";
import { addVirtualAuthenticator } from "./helpers/webauthn";

async function registerAtDesk(worker: Page, person: Person) {
  await registerAtHelpDesk(worker, person);
}

async function find(worker: Page, person: Person) {
  await worker.locator("#document_type").selectOption(person.documentType);
  await worker.locator("#document_number").fill(person.documentNumber);
  await worker.locator(".station-find form button[type=submit]").click();
}

test("a station pairs a kiosk, checks voters in, takes a kiosk and a paper ballot, and signs its closure", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  // Each project works its own station of the demo's voting election.
  const station = testInfo.project.name === "phone" ? 2 : 3;
  const path = `/staff/cmi-sp/elections/cmi-2025/stations/${station}`;
  const workerName = `Mesária ${Date.now()}`;
  const worker = await enrolStaff(browser, workerName, "poll_worker");
  // She reads Arabic: the kiosk opens her ballot in it, wherever the kiosk waits.
  const kioskVoter = newPerson({ name: `Eleitora Totem ${Date.now()}`, preferredLocale: "ar" });
  const paperVoter = newPerson({ name: `Eleitor Papel ${Date.now()}` });
  await registerAtDesk(worker, kioskVoter);
  await registerAtDesk(worker, paperVoter);
  // The commission assigns the poll worker to the station (a station nobody was assigned
  // to is closed by the commission only).
  const commission = await enrolStaff(browser, `Comissão ${Date.now()}`, "electoral_commission");
  await commission.goto("/pt-BR/staff/cmi-sp/elections/cmi-2025");
  await waitForHydration(commission);
  const staffCard = commission.locator(`#station-staff-${station}`);
  await staffCard.locator("select").selectOption({ label: workerName });
  await staffCard.getByRole("button", { name: "Designar" }).click();
  await expect(staffCard.locator(".assigned")).toContainText(workerName);
  await commission.context().close();

  await worker.goto("/pt-BR/staff/cmi-sp/stations");
  await waitForHydration(worker);
  await worker.locator(`a[href$="/stations/${station}"]`).click();
  await waitForHydration(worker);
  await worker.getByRole("button", { name: "Abrir o local de votação" }).click();
  await expect(worker.getByTestId("station-counts")).toContainText("Ninguém votou aqui ainda");

  // Nobody can be sent to a kiosk before one is paired.
  await find(worker, kioskVoter);
  await worker.getByRole("button", { name: "Registrar e liberar cédula num quiosque" }).click();
  await expect(worker.locator(".station-find .error, .station-find [role=alert]").filter({ hasText: "Nenhum quiosque" }).first()).toBeVisible();

  // The kiosk: another device — here one where a colleague was signed in as staff.
  // Pairing ends that session: the kiosk holds a kiosk credential and nothing else.
  const colleague = await enrolStaff(browser, `Mesário ${Date.now()}`, "poll_worker");
  await worker.getByRole("button", { name: "Parear um quiosque" }).click();
  const code = (await worker.getByTestId("pairing-code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const kiosk = colleague;
  const pairing = await kiosk.goto("/pt-BR/kiosk");
  expect(pairing!.headers()["cache-control"]).toBe("no-store");
  await expect(kiosk.locator(".site-header")).toHaveCount(0);
  await kiosk.locator("#pairing-code").fill(code.toLowerCase());
  await kiosk.locator("form.kiosk-pairing button[type=submit]").click();
  await expect(kiosk.getByTestId("kiosk-waiting")).toBeVisible();
  // The code works once.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await stranger.goto("/pt-BR/kiosk");
  await stranger.locator("#pairing-code").fill(code);
  await stranger.locator("form.kiosk-pairing button[type=submit]").click();
  await expect(stranger.locator("[role=alert], .error").first()).toBeVisible();
  await expect(stranger.getByTestId("kiosk-waiting")).toHaveCount(0);
  await other.close();
  // The device is no longer the colleague's: staff pages need a sign-in again.
  const staffCheck = await kiosk.request.post("/api/station/list", {
    data: { organization: "cmi-sp" },
    headers: { Origin: process.env.VOZ_E2E_PUBLIC_URL! },
  });
  expect(staffCheck.status()).toBe(401);

  // The kiosk voter: marked by document, then the kiosk shows their ballot.
  await worker.reload();
  await waitForHydration(worker);
  await expect(worker.getByTestId("kiosks")).toContainText("Quiosque 1");
  await find(worker, kioskVoter);
  await expect(worker.locator(".person-found h3")).toHaveText(kioskVoter.name);
  await worker.getByRole("button", { name: "Registrar e liberar cédula num quiosque" }).click();
  await expect(worker.getByTestId("kiosk-ready")).toContainText("quiosque 1");
  await screenshot(worker, testInfo, "station-pt-BR");
  // The waiting screen reloads itself every few seconds: the ballot appears on its own.
  await expect(kiosk.locator("form.ballot")).toBeVisible({ timeout: 20_000 });
  await expect(kiosk.locator("form.ballot")).toHaveAttribute("autocomplete", "off");
  await expect(kiosk).toHaveURL(/\/ar\/kiosk$/);
  await expect(kiosk.locator("html")).toHaveAttribute("dir", "rtl");
  await screenshot(kiosk, testInfo, "kiosk-ballot-ar");
  const segments = kiosk.locator("fieldset.segment-choices");
  await segments.nth(2).locator(".choice").nth(1).locator("label").click();
  await kiosk.locator("label[for=review-step]").first().click();
  await kiosk.locator(".only-reviewing button[type=submit]").click();
  await expect(kiosk.getByTestId("tracking-code")).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  // The receipt goes back to waiting in the kiosk's own language.
  await expect(kiosk.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", /url=\/pt-BR\/kiosk$/);
  // The next person at the kiosk finds no code and no ballot: only "waiting".
  const again = await kiosk.reload();
  expect(again!.headers()["cache-control"]).toBe("no-store");
  await expect(kiosk.getByTestId("tracking-code")).toHaveCount(0);
  await kiosk.goto("/pt-BR/kiosk");
  await expect(kiosk.getByTestId("kiosk-waiting")).toBeVisible();
  await expect(kiosk.locator("form.ballot")).toHaveCount(0);

  await worker.goto(`/pt-BR${path}`);
  await waitForHydration(worker);
  await expect(worker.getByTestId("station-counts")).toContainText("1 pessoa votou aqui · 1 cédula na urna");
  // Already voted: no second mark.
  await find(worker, kioskVoter);
  await expect(worker.locator(".person-found .error")).toContainText("já votou");
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
  // No live valid/blank/null split before closure: only counts of people and ballots.
  await expect(worker.locator(".closure")).not.toContainText("Válidas");
  await expect(worker.locator(".closure")).not.toContainText("Nulas");

  // 2 sheets in the box and a kiosk ballot for 2 people: the closure needs a justification.
  await waitForHydration(worker);
  await worker.locator("#sheets_found").fill("2");
  await worker.locator(".closure details.confirm summary").click(); // "Assinar o encerramento"
  await worker.getByRole("button", { name: "Sim, assinar" }).click();
  await expect(worker.locator("#justification-error")).toHaveText("Preencha este campo.");
  await worker.locator("#justification").fill("Uma cédula nula a mais: eleitor depositou duas folhas.");
  await worker.locator(".closure details.confirm summary").click(); // "Assinar o encerramento"
  await worker.getByRole("button", { name: "Sim, assinar" }).click();
  await expect(worker.locator(".closure.signed")).toBeVisible();
  await expect(worker.locator(".closure.signed")).toContainText("Uma cédula nula a mais");
  await screenshot(worker, testInfo, "station-closed-pt-BR");
  // Closing unpaired the kiosk.
  await kiosk.goto("/pt-BR/kiosk");
  await expect(kiosk.locator("#pairing-code")).toBeVisible();

  // Signed: nothing more here, in Arabic too.
  await worker.goto(`/ar${path}`);
  await waitForHydration(worker);
  await expect(worker.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(worker.locator(".closure.signed")).toBeVisible();
  await expect(worker.locator(".station-find")).toHaveCount(0);
  const width = await worker.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(worker.viewportSize()!.width);
  await screenshot(worker, testInfo, "station-closed-ar");
  await kiosk.goto("/ar/kiosk");
  await screenshot(kiosk, testInfo, "kiosk-pairing-ar");
  await kiosk.context().close();
});

test("a person pre-registered online and still pending is verified at the station from the document in front of the poll worker, then votes (pt-BR, ar)", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  // Stations of the demo's voting election no other test opens; nobody is assigned to
  // them, so any poll worker of the organization may work them.
  const station = testInfo.project.name === "phone" ? 4 : 5;
  const worker = await enrolStaff(browser, `Mesária Pendentes ${Date.now()}`, "poll_worker");
  let opened = false;
  for (const lang of ["pt-BR", "ar"] as const) {
    const t = LOCALES[lang];
    // Online, with a passkey: the registration waits for review.
    const person = newPerson({ name: `Pendente ${lang} ${Date.now()}` });
    const context = await browser.newContext();
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    await page.goto(`/${lang}/join/cmi-sp`);
    await waitForHydration(page);
    await fillRegistration(page, person);
    await submitRegistration(page);
    await expectSignedInAs(page, person.name);
    await context.close();

    await worker.goto(`/${lang}/staff/cmi-sp/elections/cmi-2025/stations/${station}`);
    if (!opened) {
      await worker.getByRole("button", { name: t.station_open }).click();
      opened = true;
    }
    await find(worker, person);
    const card = worker.locator(".person-found");
    await expect(card).toContainText(person.name);
    await expect(card.locator("[role=alert]")).toHaveText(t.station_not_verified);
    // No vote before the registration is verified.
    await expect(card.getByRole("button", { name: t.station_mark_paper })).toHaveCount(0);
    await screenshot(worker, testInfo, `station-pending-${lang}`);
    await card.locator("summary", { hasText: t.station_verify }).click();
    await card.getByRole("button", { name: t.station_verify_yes }).click();
    const verified = worker.locator(".person-found");
    await expect(verified).toContainText(t.status_verified);
    await verified.getByRole("button", { name: t.station_mark_paper }).click();
    await expect(worker.locator(".notice[role=status]").first()).toHaveText(t.station_paper_handed);
    // Found again: already voted, nothing more to do for them here.
    await find(worker, person);
    await expect(worker.locator(".person-found [role=alert]")).toHaveText(t.station_already_voted);
    await expect(worker.locator(".person-found summary")).toHaveCount(0);
  }
});

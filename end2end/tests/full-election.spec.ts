// A whole election, as the issue tells it: the commission configures it; candidates apply,
// one is rejected and wins on appeal; voters vote online with a passkey and with a printed
// code, and in person on a station's kiosk; the station closes; the count's parity swap
// shows on the public results.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { screenshot, waitForHydration, whenReady } from "./helpers/page";
import { expectSignedInAs, fillRegistration, newPerson, registerAtHelpDesk, submitRegistration, type Person } from "./helpers/register";
import { ORG, configureElection, fileCandidacy, movePhase, verifiedRegistrant } from "./helpers/elections";
import { enrolStaff } from "./helpers/staff";
import { addVirtualAuthenticator } from "./helpers/webauthn";

/** Chooses one candidate per segment by name (empty: blank), reviews and casts. */
async function vote(page: Page, choices: string[]) {
  const segments = page.locator("fieldset.segment-choices");
  for (const [i, name] of choices.entries()) {
    const choice = name
      ? segments.nth(i).locator(".choice", { hasText: name })
      : segments.nth(i).locator(".blank-choice");
    await choice.locator("label").click();
  }
  await page.locator("label[for=review-step]").first().click();
  await page.locator(".only-reviewing button[type=submit]").click();
  await expect(page.getByTestId("tracking-code")).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
}

/** Who stands is a verified registrant: their name, gender identity and birth date come
 *  from the registration. */
async function candidate(browser: Browser, commission: Page, name: string, gender: string): Promise<Page> {
  return verifiedRegistrant(browser, commission, newPerson({ name, gender }));
}

test("a whole election: configure, candidacies and an appeal, three channels, closure, count with a parity swap", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one full election per run is enough");
  test.setTimeout(300_000);
  const stamp = Date.now() % 1_000_000;
  const election = `e2e-${stamp}`;
  const commission = await enrolStaff(browser, `Comissão ${stamp}`, "electoral_commission");

  // 1. Configure: A 1 seat, C 1 seat, parity 50 % over the election, online + one station.
  await configureElection(commission, election, `Eleição completa ${stamp}`);
  await movePhase(commission, "Inscrição de candidaturas");

  // 2. Candidacies: two organizations (A), two people (C).
  const orgMan = `Associação Andina ${stamp}`;
  const orgWoman = `Coletivo Mulheres ${stamp}`;
  const personMan = `Pedro Quispe ${stamp}`;
  const personWoman = `Rosa Mamani ${stamp}`;
  // Each organization's representative files it; their gender identity counts for parity.
  const appealing = await candidate(browser, commission, `Ana Flores ${stamp}`, "woman");
  await fileCandidacy(await candidate(browser, commission, `Juan Choque ${stamp}`, "man"), election, { segment: "A", organization: orgMan, founded: "2001-01-01" });
  await fileCandidacy(appealing, election, { segment: "A", organization: orgWoman, founded: "2015-01-01" });
  await fileCandidacy(await candidate(browser, commission, personMan, "man"), election, { segment: "C" });
  await fileCandidacy(await candidate(browser, commission, personWoman, "woman"), election, { segment: "C" });
  await commission.goto(`/pt-BR/staff/${ORG}/elections/${election}`);

  // 3. Review: one rejected, appealed, upheld.
  await commission.reload();
  await whenReady(commission);
  await movePhase(commission, "Análise das candidaturas");
  for (const name of [orgMan, personMan, personWoman]) {
    await commission.locator(".candidacy", { hasText: name }).getByRole("button", { name: "Aceitar" }).click();
    await expect(commission.locator(".candidacy", { hasText: name }).locator(".candidacy-status")).toHaveText("Aceita");
  }
  const rejected = commission.locator(".candidacy", { hasText: orgWoman });
  await rejected.locator("textarea[id^=reason-]").fill("Falta o estatuto.");
  await rejected.getByRole("button", { name: "Indeferir" }).click();
  await expect(commission.locator(".candidacy", { hasText: orgWoman }).locator(".candidacy-status")).toHaveText("Indeferida");
  await movePhase(commission, "Recursos");
  await appealing.goto(`/pt-BR/o/${ORG}/e/${election}/candidacy`);
  await waitForHydration(appealing);
  await appealing.locator("#appeal").fill("Coletivos informais não têm estatuto.");
  await appealing.locator("form button[type=submit]").click();
  await expect(appealing.locator(".candidacy-status")).toHaveText("Recurso enviado");
  await commission.reload();
  await whenReady(commission);
  const appealed = commission.locator(".candidacy", { hasText: orgWoman });
  await appealed.locator("textarea[id^=reason-]").fill("O edital aceita coletivos informais.");
  await appealed.getByRole("button", { name: "Aceitar o recurso" }).click();
  await expect(commission.locator(".candidacy", { hasText: orgWoman }).locator(".candidacy-status")).toHaveText("Aceita após recurso");
  await movePhase(commission, "Lista final");
  await movePhase(commission, "Campanha");
  await movePhase(commission, "Votação");

  // 4a. Online with a passkey: registers, is verified by the commission, votes.
  const passkeyContext = await browser.newContext();
  const passkeyVoter = await passkeyContext.newPage();
  await addVirtualAuthenticator(passkeyVoter);
  await passkeyVoter.goto(`/pt-BR/join/${ORG}`);
  await waitForHydration(passkeyVoter);
  const online = newPerson({ name: `Votante Passkey ${stamp}` });
  await fillRegistration(passkeyVoter, online);
  await submitRegistration(passkeyVoter);
  await expectSignedInAs(passkeyVoter, online.name);
  await commission.goto(`/pt-BR/staff/${ORG}/review`);
  await whenReady(commission);
  await commission.locator(".review-item", { hasText: online.name }).getByRole("button", { name: "Habilitar" }).click();
  await expect(commission.locator(".review-item", { hasText: online.name })).toHaveCount(0);
  await passkeyVoter.goto(`/pt-BR/o/${ORG}/e/${election}/vote`);
  await vote(passkeyVoter, [orgMan, personMan]);

  // 4b. Online with a printed code from the help desk.
  const worker = await enrolStaff(browser, `Mesário ${stamp}`, "poll_worker");
  // The commission assigns this poll worker to the station; another one is then refused there.
  await commission.goto(`/pt-BR/staff/${ORG}/elections/${election}`);
  await whenReady(commission);
  const staffCard = commission.locator("#station-staff-1");
  await expect(staffCard).toContainText("Ninguém designado");
  await staffCard.locator("select").selectOption({ label: `Mesário ${stamp}` });
  await staffCard.getByRole("button", { name: "Designar" }).click();
  await expect(staffCard.locator(".assigned")).toContainText(`Mesário ${stamp}`);
  await staffCard.scrollIntoViewIfNeeded();
  await screenshot(commission, testInfo, "commission-station-staff-pt-BR");
  const outsider = await enrolStaff(browser, `Mesária de fora ${stamp}`, "poll_worker");
  await outsider.goto(`/pt-BR/staff/${ORG}/elections/${election}/stations/1`);
  await expect(outsider.locator(".error")).toHaveText("Você não tem permissão para fazer isso.");
  await outsider.goto(`/pt-BR/staff/${ORG}/stations`);
  await waitForHydration(outsider);
  await expect(outsider.locator(`a[href$="/elections/${election}/stations/1"]`)).toHaveCount(0);
  await outsider.context().close();
  const code = await registerAtHelpDesk(worker, newPerson({ name: `Votante Código ${stamp}` }));
  const codeContext = await browser.newContext();
  const codePage = await codeContext.newPage();
  await codePage.goto("/pt-BR/code");
  await codePage.locator("#access_code").fill(code);
  await codePage.locator("form button[type=submit]").click();
  // A code sign-in lands on a ballot open to its holder (this one, or another test's).
  await expect(codePage).toHaveURL(/\/pt-BR\/o\/cmi-sp\/e\/[a-z0-9-]+\/vote$/);
  await codePage.goto(`/pt-BR/o/${ORG}/e/${election}/vote`);
  await vote(codePage, [orgMan, personMan]);

  // 4c. In person: registered on the spot, checked in, votes on the station's kiosk (a
  // device paired with a one-time code from the poll worker's screen).
  const inPerson = newPerson({ name: `Votante Presencial ${stamp}` });
  await registerAtHelpDesk(worker, inPerson);
  await worker.goto(`/pt-BR/staff/${ORG}/elections/${election}/stations/1`);
  await waitForHydration(worker);
  await worker.getByRole("button", { name: "Abrir o local de votação" }).click();
  await worker.getByRole("button", { name: "Parear um quiosque" }).click();
  const pairing = (await worker.getByTestId("pairing-code").textContent())!.trim();
  const kioskContext = await browser.newContext();
  const kiosk = await kioskContext.newPage();
  await kiosk.goto("/pt-BR/kiosk");
  await kiosk.locator("#pairing-code").fill(pairing);
  await kiosk.locator("form.kiosk-pairing button[type=submit]").click();
  await expect(kiosk.getByTestId("kiosk-waiting")).toBeVisible();
  await worker.locator("#document_type").selectOption(inPerson.documentType);
  await worker.locator("#document_number").fill(inPerson.documentNumber);
  await worker.locator(".station-find form button[type=submit]").click();
  await worker.getByRole("button", { name: "Registrar e liberar cédula num quiosque" }).click();
  await expect(worker.getByTestId("kiosk-ready")).toBeVisible();
  await expect(kiosk.locator("form.ballot")).toBeVisible({ timeout: 20_000 });
  await vote(kiosk, [orgMan, personWoman]);
  await kioskContext.close();

  // 5. Closure (1 marked, 1 kiosk ballot, no paper), then the count.
  await worker.goto(`/pt-BR/staff/${ORG}/elections/${election}/stations/1`);
  await waitForHydration(worker);
  await expect(worker.getByTestId("station-counts")).toContainText("1 pessoa votou aqui · 1 cédula na urna");
  await worker.locator("#sheets_found").fill("0");
  await worker.locator(".closure details.confirm summary").click(); // "Assinar o encerramento"
  await worker.getByRole("button", { name: "Sim, assinar" }).click();
  await expect(worker.locator(".closure.signed")).toBeVisible();
  await commission.goto(`/pt-BR/staff/${ORG}/elections/${election}`);
  await whenReady(commission);
  await movePhase(commission, "Apuração");
  await movePhase(commission, "Resultado provisório");

  // 6. Results: A — the man (3 votes); C — the woman (1 vote) takes the seat from the man
  // (2 votes): the swap with the smallest vote difference (1, against 3 in A).
  const reader = await browser.newPage();
  await reader.goto(`/pt-BR/o/${ORG}/e/${election}/results`);
  await expect(reader.locator(".ballots-summary dd").first()).toHaveText("3");
  await expect(reader.locator("#results-A .result-row.elected")).toContainText(orgMan);
  await expect(reader.locator("#results-A .result-row.alternate")).toContainText(orgWoman);
  await expect(reader.locator("#results-C .result-row.elected")).toContainText(personWoman);
  await expect(reader.locator("#results-C .result-row.alternate")).toContainText(personMan);
  await expect(reader.locator(".parity.met")).toHaveCount(2);
  await screenshot(reader, testInfo, "full-election-results-pt-BR");
  await reader.goto(`/ar/o/${ORG}/e/${election}/results`);
  await screenshot(reader, testInfo, "full-election-results-ar");
  // After the result, an elected organization may change its representative (audited);
  // the count does not change.
  await appealing.goto(`/pt-BR/o/${ORG}/e/${election}/candidacy`);
  await waitForHydration(appealing);
  await appealing.locator("#new_representative").fill("Beatriz Condori");
  await appealing.locator(".representative-form button[type=submit]").click();
  await expect(appealing.locator(".representative")).toHaveText("Beatriz Condori");
  // The board lists the three tracking codes.
  await reader.goto(`/pt-BR/o/${ORG}/e/${election}/board`);
  await expect(reader.locator(".codes li")).toHaveCount(3);
  await passkeyContext.close();
  await codeContext.close();
});

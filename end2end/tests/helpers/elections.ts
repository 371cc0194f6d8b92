import { expect, test, type Browser, type Page } from "@playwright/test";
import { waitForHydration, whenReady } from "./page";
import { expectSignedInAs, fillRegistration, submitRegistration, type Person } from "./register";
import { addVirtualAuthenticator } from "./webauthn";

export const ORG = "cmi-sp";

/** The date in São Paulo (the organization's clock) `plusDays` from now, YYYY-MM-DD. */
export function saoPauloDate(plusDays = 0): string {
  const at = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The minutes left in today on São Paulo's clock. */
function minutesToSaoPauloMidnight(): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "America/Sao_Paulo", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .formatToParts(new Date());
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return 24 * 60 - (value("hour") * 60 + value("minute"));
}

/** A test election votes in person "today" on São Paulo's clock, so a test must not cross
 *  midnight there (the station would then refuse: the day is over). Within ten minutes of
 *  it, wait for the new day first (rare; the test's time limit grows by the wait). */
async function awayFromSaoPauloMidnight() {
  const left = minutesToSaoPauloMidnight();
  if (left > 10) return;
  const wait = left * 60_000 + 30_000;
  test.info().setTimeout(test.info().timeout + wait);
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Moves the commission's election one phase on (with its confirmation step: the
 *  `<summary>` opens the question, whose button posts the form). */
export async function movePhase(commission: Page, to: string) {
  await commission.locator(".phase-move summary").click();
  await commission.locator(".phase-move button[type=submit]").click();
  await expect(commission.locator(".phase-now")).toHaveText(to);
}

/** Configures an election from the CMI template (A and C: 1 seat and 1 alternate each, B
 *  left out; one station),
 *  voting online this week and in person all day today (São Paulo's clock), and leaves the
 *  commission on its page, in draft. */
export async function configureElection(commission: Page, slug: string, title: string) {
  await awayFromSaoPauloMidnight();
  await commission.goto(`/pt-BR/staff/${ORG}/elections/new`);
  await whenReady(commission);
  await commission.locator("#title").fill(title);
  await commission.locator("#slug").fill(slug);
  await commission.locator("#segment-0-seats").fill("1");
  await commission.locator("#segment-0-alternates").fill("1");
  await commission.locator("#segment-1-seats").fill("0");
  await commission.locator("#segment-2-seats").fill("1");
  await commission.locator("#segment-2-alternates").fill("1");
  await commission.locator("#online_from").fill(saoPauloDate());
  await commission.locator("#online_to").fill(saoPauloDate(7));
  await commission.locator("#in_person_date").fill(saoPauloDate());
  await commission.locator("#opens").fill("00:00");
  await commission.locator("#closes").fill("23:59");
  await commission.locator("#stations").fill("Escola Estadual | Rua Um, 1 | Sé");
  await commission.locator("form button[type=submit]").click();
  await expect(commission.locator(".phase-now")).toHaveText("Rascunho");
}

/** Someone who registered online with a passkey and whom the commission verified: who
 *  may stand (a candidacy takes its facts from the registration). Signed in, on its page. */
export async function verifiedRegistrant(browser: Browser, commission: Page, person: Person): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  await page.goto(`/pt-BR/join/${ORG}`);
  await waitForHydration(page);
  await fillRegistration(page, person);
  await submitRegistration(page);
  await expectSignedInAs(page, person.name);
  await commission.goto(`/pt-BR/staff/${ORG}/review`);
  await whenReady(commission);
  const item = commission.locator(".review-item", { hasText: person.name });
  await item.getByRole("button", { name: "Habilitar" }).click();
  await expect(commission.locator(".review-item", { hasText: person.name })).toHaveCount(0);
  return page;
}

/** A person stands as registered; an organization gives its name and founding date. */
export type CandidacyInput = { segment: string; organization?: string; founded?: string };

export async function fileCandidacy(page: Page, election: string, c: CandidacyInput) {
  await page.goto(`/pt-BR/o/${ORG}/e/${election}/candidacy`);
  await waitForHydration(page);
  await page.locator("#segment").selectOption(c.segment);
  if (c.organization) await page.locator("#name").fill(c.organization);
  if (c.founded) await page.locator("#date").fill(c.founded);
  await page.locator("#platform").fill("Moradia, documentos e trabalho.");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator(".candidacy-status")).toHaveText("Enviada, aguardando análise");
}

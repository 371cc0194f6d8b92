// The five journeys Voz promises, each from where its person starts — the home page, or the
// one link they were given (an invitation, the QR code of a printed card) — moving only by
// what the pages offer: no typed addresses. In pt-BR and Arabic, on the phone (320 px).
// (The public's journey — home page to every election, its results and minutes — is
// front-door.spec.ts.)
import { expect, test, type Browser, type Page } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { noSidewaysScroll, screenshot, whenReady } from "./helpers/page";
import { fillRegistration, newPerson, submitRegistration, type Person } from "./helpers/register";
import { voz } from "./helpers/staff";
import { addVirtualAuthenticator } from "./helpers/webauthn";

type Lang = "pt-BR" | "ar";
const ORG_NAME = "Conselho Municipal de Imigrantes";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "journeys are walked at 320 px");
});

/** Opens an invitation link (what an administrator sends) and enrols with a passkey. */
async function acceptInvitation(browser: Browser, link: string, lang: Lang, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await addVirtualAuthenticator(page);
  await page.goto(new URL(link).pathname.replace(/^\/[^/]+/, `/${lang}`));
  await whenReady(page);
  await page.locator("#display_name").fill(name);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/account$`));
  return page;
}

/** From anywhere: the menu's account page, then the organization's staff home. */
async function toStaffHome(page: Page, lang: Lang, org: string) {
  const t = LOCALES[lang];
  await page.getByRole("link", { name: t.nav_account, exact: true }).click();
  await page.locator(`a[href$="/staff/${org}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/staff/${org}$`));
}

/** Chooses the first candidate of every segment, reviews and casts; returns the code. */
async function voteFirstChoices(page: Page, lang: Lang): Promise<string> {
  const segments = page.locator("fieldset.segment-choices");
  await expect(segments.first()).toBeVisible();
  for (let i = 0; i < (await segments.count()); i++) {
    await segments.nth(i).locator(".choice").first().locator("label").click();
  }
  await page.locator("label[for=review-step]").first().click();
  await noSidewaysScroll(page);
  await page.locator(".only-reviewing button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/o/cmi-sp/e/cmi-2025/voted$`));
  const code = page.getByTestId("tracking-code");
  await expect(code).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return (await code.innerText()).trim();
}

/** From the receipt, the check page finds the ballot by its tracking code. */
async function checkTrackingCode(page: Page, lang: Lang, code: string) {
  const t = LOCALES[lang];
  await page.getByRole("link", { name: t.check_link }).click();
  await page.locator("#tracking_code").fill(code);
  await page.getByRole("button", { name: t.check_button }).click();
  await expect(page.getByTestId("check-result")).toHaveText(t.check_found);
}

for (const lang of ["pt-BR", "ar"] as const) {
  const t = LOCALES[lang];

  test(`an organizer sets up a new installation's organization and opens its first election to candidacies (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    // The installation starts at the command line: an organization, then its first
    // administrator's invitation — the one link the organizer is given.
    const slug = `journey-${lang.toLowerCase()}-${Date.now() % 1_000_000}`;
    const name = `Conselho da Jornada ${lang}`;
    const arabicName = `مجلس الرحلة ${lang}`;
    voz("org", "create", slug, "--name", name, "--locale", "pt-BR");
    const link = voz("admin", "invite", "--org", slug).trim();
    const admin = await acceptInvitation(browser, link, lang, "Organizadora");

    await toStaffHome(admin, lang, slug);
    await admin.getByRole("link", { name: t.settings_title }).click();
    await admin.locator("#name-ar").fill(arabicName);
    await admin.locator("#districts").fill("Sé\nMooca\nBrás");
    await admin.locator("#time_zone").fill("America/Sao_Paulo");
    await admin.locator(".settings-form button[type=submit]").click();
    await expect(admin.getByTestId("settings-outcome")).toHaveText(t.settings_saved);

    await toStaffHome(admin, lang, slug);
    await admin.getByRole("link", { name: t.commission_title }).click();
    await admin.getByRole("link", { name: t.configure_link }).click();
    const election = `primeira-${Date.now() % 100_000}`;
    await admin.locator("#title").fill(`Primeira eleição ${lang}`);
    await admin.locator("#slug").fill(election);
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 372 * 86_400_000).toISOString().slice(0, 10);
    await admin.locator("#online_from").fill(inAYear);
    await admin.locator("#online_to").fill(later);
    await admin.locator("form[action$='/commission/create'] button[type=submit]").click();
    await expect(admin).toHaveURL(new RegExp(`/${lang}/staff/${slug}/elections/${election}$`));
    await admin.locator(".phase-move summary").click();
    await admin.locator(".phase-move button[type=submit]").click();
    await expect(admin.locator(".phase-now")).toHaveText(t.phase_candidacy_registration);
    await screenshot(admin, testInfo, `journey-organizer-${lang}`);

    // The public finds it from the home page, under the organization's name in its language.
    await admin.getByRole("link", { name: t.nav_home, exact: true }).click();
    const card = admin.locator("section.organization", { hasText: lang === "ar" ? arabicName : name });
    await card.locator(`a.title[href$='/e/${election}']`).click();
    await expect(admin.locator("h1")).toHaveText(`Primeira eleição ${lang}`);
    await expect(admin.getByRole("link", { name: t.election_candidacy_link })).toBeVisible();
    await noSidewaysScroll(admin);
  });

  test(`a migrant registers with a passkey from the home page, is verified, votes and checks the tracking code (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const person = newPerson({ name: `Jornada Passkey ${lang} ${Date.now()}`, nationality: "VE" });
    const voter = await (await browser.newContext()).newPage();
    await addVirtualAuthenticator(voter);
    await voter.goto(`/${lang}`);
    await voter.locator("section.organization", { hasText: ORG_NAME }).getByRole("link", { name: t.register_action }).click();
    await whenReady(voter);
    await fillRegistration(voter, person);
    await submitRegistration(voter);
    await expect(voter).toHaveURL(new RegExp(`/${lang}/account`));
    await expect(voter.locator("h1")).toHaveText(person.name);

    // The commission verifies the registration from its queue (its own invitation link).
    const commission = await acceptInvitation(browser, voz("admin", "invite", "--org", "cmi-sp", "--role", "electoral_commission").trim(), lang, `Comissão ${Date.now()}`);
    await toStaffHome(commission, lang, "cmi-sp");
    await commission.getByRole("link", { name: t.staff_review }).click();
    const item = commission.locator(".review-item", { hasText: person.name });
    await item.getByRole("button", { name: t.staff_approve }).click();
    await expect(commission.getByTestId("review-confirmation")).toContainText(person.name);
    await commission.context().close();

    // Back on their account page: what they can do now leads to the ballot.
    await voter.reload();
    await voter.locator("a.button.primary[href$='/e/cmi-2025/vote']").click();
    const code = await voteFirstChoices(voter, lang);
    await screenshot(voter, testInfo, `journey-passkey-receipt-${lang}`);
    await checkTrackingCode(voter, lang, code);
    await voter.context().close();
  });

  test(`a voter with only a printed card, on a phone without JavaScript, opens its QR link, types the code and votes (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    // The help desk registers the person in front of it and prints their card.
    const worker = await acceptInvitation(browser, voz("admin", "invite", "--org", "cmi-sp", "--role", "poll_worker").trim(), lang, `Mesária ${Date.now()}`);
    await toStaffHome(worker, lang, "cmi-sp");
    await worker.getByRole("link", { name: t.staff_helpdesk }).click();
    const person: Person = newPerson({ name: `Jornada Cartão ${lang} ${Date.now()}`, preferredLocale: lang });
    await fillRegistration(worker, person);
    await submitRegistration(worker);
    const card = worker.locator(".access-card");
    await expect(card).toBeVisible();
    const printed = (await card.locator(".card-code").innerText()).trim();
    const qrLink = `${(await card.locator(".card-how").innerText()).match(/https?:\/\/\S+\/code/)![0]}#${printed}`;
    await worker.context().close();

    // The phone: no JavaScript at all. The QR link opens the code page; the fragment is
    // not read without a script, so the person types what the card says.
    const phone = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await phone.goto(qrLink.replace(/\u2066|\u2069/g, ""));
    await expect(phone.locator("html")).toHaveAttribute("lang", lang);
    await phone.locator("#access_code").fill(printed);
    await phone.locator("form button[type=submit]").first().click();
    await expect(phone).toHaveURL(new RegExp(`/${lang}/o/cmi-sp/e/[a-z0-9-]+/vote$`));
    // Another test may have opened an election of its own; this card's voter goes to cmi-2025.
    if (!phone.url().endsWith("/e/cmi-2025/vote")) {
      await phone.getByRole("link", { name: t.nav_home, exact: true }).click();
      await phone.locator("section.organization", { hasText: ORG_NAME }).locator("a.title[href$='/e/cmi-2025']").click();
      await phone.getByRole("link", { name: t.election_vote_link }).click();
    }
    const code = await voteFirstChoices(phone, lang);
    await screenshot(phone, testInfo, `journey-card-receipt-${lang}`);
    await checkTrackingCode(phone, lang, code);
    await phone.context().close();
  });
}

test("a poll worker, from an invitation link, opens a station, finds a registered person by document and hands a paper ballot (pt-BR, ar)", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  // Station 6 of the demo's voting election: no other test opens it; nobody is assigned,
  // so any poll worker of the organization may work it.
  let opened = false;
  for (const lang of ["pt-BR", "ar"] as const) {
    const t = LOCALES[lang];
    const worker = await acceptInvitation(browser, voz("admin", "invite", "--org", "cmi-sp", "--role", "poll_worker").trim(), lang, `Mesário ${lang} ${Date.now()}`);
    // Someone registered earlier at the help desk (by the same worker, through the pages).
    await toStaffHome(worker, lang, "cmi-sp");
    await worker.getByRole("link", { name: t.staff_helpdesk }).click();
    const person = newPerson({ name: `Jornada Mesa ${lang} ${Date.now()}` });
    await fillRegistration(worker, person);
    await submitRegistration(worker);
    await expect(worker.locator(".access-card")).toBeVisible();

    await toStaffHome(worker, lang, "cmi-sp");
    await worker.getByRole("link", { name: t.station_list_title }).click();
    await worker.locator('a[href$="/elections/cmi-2025/stations/6"]').click();
    await whenReady(worker);
    if (!opened) {
      await worker.getByRole("button", { name: t.station_open }).click();
      opened = true;
    }
    await worker.locator("#document_type").selectOption(person.documentType);
    await worker.locator("#document_number").fill(person.documentNumber);
    await worker.locator(".station-find form button[type=submit]").click();
    const found = worker.locator(".person-found");
    await expect(found).toContainText(person.name);
    await found.getByRole("button", { name: t.station_mark_paper }).click();
    await expect(worker.locator(".notice[role=status]").first()).toHaveText(t.station_paper_handed);
    await noSidewaysScroll(worker);
    await screenshot(worker, testInfo, `journey-poll-worker-${lang}`);
    await worker.context().close();
  }
});

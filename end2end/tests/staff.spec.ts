// Staff: enrolment by a single-use link, the verification queue, the help desk with a
// printed access code, and authorization enforced on the server.
import { expect, test } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { screenshot, waitForHydration, whenReady } from "./helpers/page";
import { expectSignedInAs, fillRegistration, newPerson, registerAtHelpDesk, submitRegistration } from "./helpers/register";
import { enrolStaff, voz } from "./helpers/staff";
import { addVirtualAuthenticator } from "./helpers/webauthn";

test("staff approves a pending registration", async ({ browser }, testInfo) => {
  const t = LOCALES["pt-BR"];
  const admin = await enrolStaff(browser, "Comissão Eleitoral");

  const voterContext = await browser.newContext();
  const voter = await voterContext.newPage();
  await addVirtualAuthenticator(voter);
  await voter.goto("/pt-BR/join/cmi-sp");
  await waitForHydration(voter);
  const person = newPerson({ name: `Jean Pierre ${Date.now()}`, nationality: "HT", gender: "man" });
  await fillRegistration(voter, person);
  await submitRegistration(voter);
  await expectSignedInAs(voter, person.name);

  await admin.goto("/pt-BR/staff/cmi-sp/review");
  await whenReady(admin);
  const item = admin.locator(".review-item", { hasText: person.name });
  await expect(item).toContainText("Haiti");
  await screenshot(admin, testInfo, "review-pt-BR");
  await item.getByRole("button", { name: t.staff_approve }).click();
  await expect(item).toHaveCount(0);
  // The decision is said back with the person's name, and a slip is undone within a minute.
  const confirmation = admin.getByTestId("review-confirmation");
  await expect(confirmation).toContainText(person.name);
  await expect(confirmation).toContainText(t.status_verified);
  await confirmation.getByRole("button", { name: t.review_undo }).click();
  await expect(admin.getByTestId("review-confirmation")).toContainText(t.status_pending);
  await expect(admin.locator(".review-item", { hasText: person.name })).toHaveCount(1);
  // Taken back once; a second undo is refused (nothing left to take back).
  await admin.locator(".review-item", { hasText: person.name }).getByRole("button", { name: t.staff_approve }).click();
  await expect(admin.getByTestId("review-confirmation")).toContainText(t.status_verified);
  await screenshot(admin, testInfo, "review-decided-pt-BR");

  await voter.reload();
  await expect(voter.locator(".status")).toHaveText(t.status_verified);

  // A refusal needs a reason, and says so in the reviewer's language.
  await admin.goto("/ar/staff/cmi-sp/review");
  await whenReady(admin);
  await screenshot(admin, testInfo, "review-ar");

  // The verified tab prints a new card, with JavaScript off too: a plain form, and the
  // code shown once on this device (never in the address).
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await admin.context().storageState() });
  const desk = await noScript.newPage();
  await desk.goto("/pt-BR/staff/cmi-sp/review");
  await desk.getByRole("link", { name: t.status_verified }).click();
  await expect(desk.getByRole("link", { name: t.status_verified })).toHaveAttribute("aria-current", "page");
  const verified = desk.locator(".review-item").first();
  const name = (await verified.locator(".who strong").innerText()).trim();
  await verified.getByRole("button", { name: t.staff_print_code }).click();
  await expect(desk.locator(".access-card .card-name")).toHaveText(name);
  await expect(desk.locator(".access-card .card-code")).toHaveText(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  const code = (await desk.locator(".access-card .card-code").innerText()).trim();
  expect(desk.url()).not.toContain(code.replace("-", ""));
  await screenshot(desk, testInfo, "review-card-pt-BR");
  await desk.reload();
  await expect(desk.locator(".access-card")).toHaveCount(0);
  await noScript.close();

  // The audit log shows the decision, chained.
  // …read as sentences: the action in words, whom it concerned and who did it by name,
  // the change field by field, on the organization's clock; the chained entry one tap away.
  for (const lang of ["pt-BR", "ar"] as const) {
    await admin.goto(`/${lang}/staff/cmi-sp/audit`);
    const entry = admin.locator(".audit li[data-action='registration.decide']", { hasText: person.name }).first();
    await expect(entry.locator(".action")).toHaveText(LOCALES[lang].audit_action_registration_decide);
    await expect(entry.locator(".actor")).toContainText("Comissão Eleitoral");
    await expect(entry.locator(".changes")).toContainText("verified");
    // Written the reader's way ("6 de dez. de 2026, 14:05"), the exact minute for machines.
    await expect(entry.locator(".when")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await expect(entry.locator(".when")).toContainText(String(new Date().getFullYear()));
    await expect(entry.locator(".when")).not.toHaveText(/\d{4}-\d{2}-\d{2}/);
    await screenshot(admin, testInfo, `audit-${lang}`);
  }
  expect(voz("audit", "verify")).toContain("audit log intact");
  await voterContext.close();
});

test("a printed code signs in without JavaScript, typed or from the card's QR link", async ({ browser }) => {
  const t = LOCALES.ar;
  const desk = await enrolStaff(browser, "Mesária QR", "poll_worker");
  const stamp = Date.now();
  const typed = await registerAtHelpDesk(desk, newPerson({ name: `Amal Haddad ${stamp}` }));
  const scanned = await registerAtHelpDesk(desk, newPerson({ name: `Omar Haddad ${stamp}` }));
  await desk.context().close();

  // No JavaScript at all: a plain form, a redirect, and the error in the page's language.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto("/ar/code");
  await expect(page.locator('script[type="module"]')).toHaveCount(0);
  await page.locator("#access_code").fill("ZZZZZ-ZZZZZ");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/ar\/code\?error=/);
  await expect(page.locator(".error")).toHaveText(t.error_invalid_code);
  expect(page.url()).not.toContain("ZZZZZ");
  await page.locator("#access_code").fill(typed);
  await page.locator("form button[type=submit]").click();
  // Signed in, on the ballot of an election taking votes (cmi-2025, or one another test opened).
  await expect(page).toHaveURL(/\/ar\/o\/cmi-sp\/e\/[a-z0-9-]+\/vote$/);
  await page.goto("/ar/account");
  await expect(page.locator("h1")).toHaveText(`Amal Haddad ${stamp}`);
  await plain.close();

  // The QR link carries the code in the fragment, which a small script copies into the field.
  const phone = await browser.newContext();
  const qr = await phone.newPage();
  await qr.goto(`/pt-BR/code#${scanned}`);
  await expect(qr.locator("#access_code")).toHaveValue(scanned);
  await qr.locator("form button[type=submit]").click();
  await expect(qr).toHaveURL(/\/pt-BR\/o\/cmi-sp\/e\/[a-z0-9-]+\/vote$/);
  await qr.goto("/pt-BR/account");
  await expect(qr.locator("h1")).toHaveText(`Omar Haddad ${stamp}`);
  await phone.close();
});

test("a voter signs in with a printed access code from the help desk", async ({ browser }, testInfo) => {
  const t = LOCALES["pt-BR"];
  const desk = await enrolStaff(browser, "Mesária", "poll_worker");
  const person = newPerson({ name: `Kanda Mbuyi ${Date.now()}`, nationality: "CD" });
  await registerAtHelpDesk(desk, person);
  const card = desk.locator(".access-card");
  await expect(card).toContainText(person.name);
  const code = (await card.locator(".card-code").innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(card.locator("svg")).toBeVisible();
  // The address in letters too, for those who type it.
  await expect(card.locator(".card-how")).toContainText(`${process.env.VOZ_E2E_PUBLIC_URL}/pt-BR/code`);
  await screenshot(desk, testInfo, "access-card-pt-BR");

  const voterContext = await browser.newContext();
  const voter = await voterContext.newPage();
  await voter.goto("/ar/code");
  await screenshot(voter, testInfo, "code-sign-in-ar");
  await voter.locator("#access_code").fill(code.toLowerCase().replace("-", " "));
  await voter.locator("form button[type=submit]").click();
  // An election is taking votes: the code lands on its ballot (cmi-2025, or one another
  // test opened meanwhile).
  const onBallot = /\/o\/cmi-sp\/e\/([a-z0-9-]+)\/vote$/;
  await expect(voter).toHaveURL(onBallot);
  await expect(voter.locator("form.ballot")).toBeVisible();
  await voter.goto("/ar/account");
  await expect(voter.locator("h1")).toHaveText(person.name);
  await expect(voter.locator(".status")).toHaveText(LOCALES.ar.status_verified);

  // The browser closed before voting: the same code opens a session again, and votes.
  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto("/pt-BR/code");
  await second.locator("#access_code").fill(code);
  await second.locator("form button[type=submit]").click();
  await expect(second).toHaveURL(onBallot);
  const election = onBallot.exec(second.url())![1];
  await second.locator("label[for=review-step]").first().click();
  await second.locator(".only-reviewing button[type=submit]").click();
  await expect(second.getByTestId("tracking-code")).toBeVisible();
  // The receipt leads to the check: the code is in the box from now on (in Arabic too).
  const tracking = (await second.getByTestId("tracking-code").innerText()).trim();
  await second.locator(`a[href$='/o/cmi-sp/e/${election}/check']`).click();
  await second.locator("#tracking_code").fill(tracking.toLowerCase());
  await second.locator("form.tracking-check button[type=submit]").click();
  await expect(second.getByTestId("check-result")).toHaveText(LOCALES["pt-BR"].check_found);
  await second.goto(`/ar/o/cmi-sp/e/${election}/check`);
  await second.locator("#tracking_code").fill("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  await second.locator("form.tracking-check button[type=submit]").click();
  await expect(second.getByTestId("check-result")).toHaveText(LOCALES.ar.check_not_found);
  await second.locator("#tracking_code").fill("ZZZZ");
  await second.locator("form.tracking-check button[type=submit]").click();
  await expect(second.locator("#code-error")).toHaveText(LOCALES.ar.problem_not_a_tracking_code);
  await screenshot(second, testInfo, "tracking-check-ar");

  // The code keeps working until its holder has voted in every election taking votes
  // (other tests may have opened more); then it is spent, refused like any wrong code.
  let refused = false;
  for (let round = 0; round < 6 && !refused; round++) {
    const later = await browser.newContext();
    const next = await later.newPage();
    await next.goto("/pt-BR/code");
    await next.locator("#access_code").fill(code);
    await next.locator("form button[type=submit]").click();
    await expect(next.locator(".error").or(next.locator("form.ballot"))).toBeVisible();
    if (await next.locator(".error").count()) {
      await expect(next.locator(".error")).toHaveText(t.error_invalid_code);
      refused = true;
    } else {
      expect(onBallot.exec(next.url())![1], "a ballot not cast yet").not.toBe(election);
      await next.locator("label[for=review-step]").first().click();
      await next.locator(".only-reviewing button[type=submit]").click();
      await expect(next.getByTestId("tracking-code")).toBeVisible();
    }
    await later.close();
  }
  expect(refused, "the code is spent once its holder has voted everywhere").toBe(true);

  // An access-code session is for voting, not for staff tools.
  const staffCall = await voter.request.post("/api/staff/queue", {
    data: { organization: "cmi-sp", status: "pending" },
    headers: { Origin: process.env.VOZ_E2E_PUBLIC_URL! },
  });
  expect(staffCall.status()).toBe(403);
  await voterContext.close();
  await again.close();
});

test("a non-staff user calling a staff server function directly gets 403", async ({ page, request }) => {
  await addVirtualAuthenticator(page);
  await page.goto("/pt-BR/join/cmi-sp");
  await waitForHydration(page);
  const person = newPerson();
  await fillRegistration(page, person);
  await submitRegistration(page);
  await expectSignedInAs(page, person.name);

  const origin = { Origin: process.env.VOZ_E2E_PUBLIC_URL! };
  for (const [endpoint, data] of [
    ["/api/staff/queue", { organization: "cmi-sp", status: "pending" }],
    ["/api/staff/decide", { organization: "cmi-sp", registration: 1, decision: { verdict: "accept" } }],
    ["/api/staff/invite", { organization: "cmi-sp", role: "administrator" }],
    ["/api/staff/audit", { organization: "cmi-sp", before: null }],
  ] as const) {
    const signedIn = await page.request.post(endpoint, { data, headers: origin });
    expect(signedIn.status(), endpoint).toBe(403);
    const anonymous = await request.post(endpoint, { data, headers: origin });
    expect(anonymous.status(), endpoint).toBe(401);
  }
});

test("wrong access codes are rate-limited without telling unknown from wrong", async ({ request }, testInfo) => {
  // Our own client address (the server trusts X-Forwarded-For in tests), so other tests'
  // attempts do not count against this one and this one's do not lock them out. One
  // documentation network per project: the phone and desktop runs of this test share the
  // server and must never draw the same address.
  const network = testInfo.project.name === "phone" ? "198.51.100" : "203.0.113";
  const client = `${network}.${Math.floor(Math.random() * 250) + 1}`;
  const origin = { Origin: process.env.VOZ_E2E_PUBLIC_URL!, "X-Forwarded-For": client };
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const response = await request.post("/api/sign_in/code", { form: { code: `ZZZZZ-ZZZ${i % 10}${i}` }, headers: origin });
    statuses.push(response.status());
  }
  expect(new Set(statuses.slice(0, 10))).toEqual(new Set([400]));
  expect(statuses.slice(10)).toEqual([429, 429]);
  // Another client is not affected.
  const other = await request.post("/api/sign_in/code", {
    form: { code: "ZZZZZ-ZZZZZ" },
    headers: { Origin: process.env.VOZ_E2E_PUBLIC_URL!, "X-Forwarded-For": "192.0.2.7" },
  });
  expect(other.status()).toBe(400);
});

test("staff ask for a correction with a reason; the person corrects and is back in the queue", async ({ browser }) => {
  const t = LOCALES.es;
  const admin = await enrolStaff(browser, "Comisión", "electoral_commission", "es");
  const voterContext = await browser.newContext();
  const voter = await voterContext.newPage();
  await addVirtualAuthenticator(voter);
  await voter.goto("/es/join/cmi-sp");
  await waitForHydration(voter);
  const person = newPerson({ name: `Yaneth Rivas ${Date.now()}`, nationality: "VE" });
  await fillRegistration(voter, person);
  await submitRegistration(voter);
  await expectSignedInAs(voter, person.name);

  await admin.goto("/es/staff/cmi-sp/review");
  await whenReady(admin);
  const item = admin.locator(".review-item", { hasText: person.name });
  // Without a reason the request is refused, with a translated message.
  await item.getByRole("button", { name: t.staff_ask_correction }).click();
  await expect(item.locator(".field-error")).toHaveText(t.problem_required);
  await item.locator("textarea").fill("La foto del documento no se lee.");
  await item.getByRole("button", { name: t.staff_ask_correction }).click();
  await expect(item).toHaveCount(0);

  await voter.reload();
  await expect(voter.locator(".status")).toHaveText(t.status_needs_correction);
  await expect(voter.locator(".reason")).toHaveText("La foto del documento no se lee.");
  await voter.getByRole("link", { name: t.correction_link }).click();
  await waitForHydration(voter);
  await fillRegistration(voter, { ...person, documentNumber: `${person.documentNumber}-B` });
  await voter.locator("form button[type=submit]").click();
  await expect(voter).toHaveURL(/\/es\/account$/);
  await expect(voter.locator(".status")).toHaveText(t.status_pending);
  await voterContext.close();
});

test("an administrator invites a moderator, sees the team, and removes the role", async ({ browser }, testInfo) => {
  const t = LOCALES["pt-BR"];
  const admin = await enrolStaff(browser, `Admin ${Date.now()}`);
  await admin.goto("/pt-BR/staff/cmi-sp/team");
  await waitForHydration(admin);
  await admin.locator("#role").selectOption("moderator");
  await admin.getByRole("button", { name: t.team_create_link }).click();
  const link = (await admin.locator(".invite-link code").innerText()).trim();
  expect(link).toMatch(/\/enroll\/[A-Za-z0-9_-]{32}$/);

  const modContext = await browser.newContext();
  const moderator = await modContext.newPage();
  await addVirtualAuthenticator(moderator);
  await moderator.goto(new URL(link).pathname);
  await waitForHydration(moderator);
  const name = `Moderadora ${Date.now()}`;
  await moderator.locator("#display_name").fill(name);
  await moderator.locator("form button[type=submit]").click();
  await expectSignedInAs(moderator, name);

  // The link worked once; a second use is refused.
  const reuse = await browser.newContext();
  const reusePage = await reuse.newPage();
  await reusePage.goto(new URL(link).pathname);
  await expect(reusePage.locator(".error")).toHaveText(t.error_invalid_code);
  await reuse.close();

  await admin.reload();
  await waitForHydration(admin);
  const member = admin.locator(".team li", { hasText: name });
  await expect(member).toContainText(t.role_moderator);
  await screenshot(admin, testInfo, "team-pt-BR");
  await member.getByRole("button", { name: `${t.team_revoke} — ${t.role_moderator}` }).click();
  await expect(member).toHaveCount(0);

  const home = await moderator.request.post("/api/staff/home", {
    form: { organization: "cmi-sp" },
    headers: { Origin: process.env.VOZ_E2E_PUBLIC_URL! },
  });
  expect(home.status()).toBe(403);
  await modContext.close();
});

test("every staff screen renders in Portuguese and in Arabic", async ({ browser }, testInfo) => {
  test.setTimeout(120_000); // fourteen page loads
  const admin = await enrolStaff(browser, `Admin ${Date.now()}`);
  for (const tag of ["pt-BR", "ar"] as const) {
    const t = LOCALES[tag];
    for (const [path, title] of [
      ["/staff/cmi-sp", "Conselho Municipal de Imigrantes de São Paulo"],
      ["/staff/cmi-sp/review", t.staff_review],
      ["/staff/cmi-sp/helpdesk", t.staff_helpdesk],
      ["/staff/cmi-sp/team", t.staff_team],
      ["/staff/cmi-sp/audit", t.staff_audit],
      ["/voters/cmi-sp", t.voters_title],
      ["/account", null],
    ] as const) {
      await admin.goto(`/${tag}${path}`);
      await whenReady(admin);
      if (title) await expect(admin.locator("h1")).toHaveText(title);
      await expect(admin.locator("html")).toHaveAttribute("dir", tag === "ar" ? "rtl" : "ltr");
      const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${tag}${path} overflows sideways`).toBeLessThanOrEqual(0);
      await screenshot(admin, testInfo, `staff-${tag}${path.replaceAll("/", "-")}`);
    }
  }
});

test("one person registered twice with two documents is flagged before approval", async ({ browser }, testInfo) => {
  const stamp = Date.now();
  const desk = await enrolStaff(browser, `Mesária Duplicada ${stamp}`, "poll_worker");
  // First with a passport, at the help desk.
  const first = newPerson({ name: `Rosa Amelia Condori ${stamp}`, documentType: "passport" });
  await registerAtHelpDesk(desk, first);
  await expect(desk.locator(".access-card")).toContainText(first.name);
  // Then online, the same person with her CRNM: another document, so the database allows
  // it, but the review queue flags it and approval waits.
  const online = { ...first, name: `CONDORI, Rosa Amélia ${stamp}`, documentType: "crnm_rne", documentNumber: `${first.documentNumber}-CRNM` };
  const context = await browser.newContext();
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  await page.goto("/pt-BR/join/cmi-sp");
  await waitForHydration(page);
  await fillRegistration(page, online);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/account/);
  const commission = await enrolStaff(browser, `Comissão Duplicada ${stamp}`, "electoral_commission");
  await commission.goto("/pt-BR/staff/cmi-sp/review");
  await whenReady(commission);
  const item = commission.locator(".review-item", { hasText: online.name });
  await expect(item.getByTestId("possible-duplicate")).toContainText(first.name);
  await screenshot(commission, testInfo, "review-duplicate-pt-BR");
  await item.getByRole("button", { name: "Habilitar" }).click();
  await expect(item.locator("[role=alert]").last()).toContainText("outro documento");
  // The commission checks the documents: the same person. Refused, with the reason.
  await item.getByRole("button", { name: "Recusar: mesma pessoa" }).click();
  await expect(commission.locator(".review-item", { hasText: online.name })).toHaveCount(0);
  await context.close();
});

test("the help desk finds anyone by name or document, a page at a time, and reprints a card in its holder's language", async ({ browser }, testInfo) => {
  // Twenty-odd people registered at the desk take a while on a loaded machine.
  test.setTimeout(180_000);
  const stamp = Date.now();
  const desk = await enrolStaff(browser, `Mesária Busca ${stamp}`, "poll_worker");
  // Registered at the desk in Arabic, without scripts on the staff side.
  const amira = newPerson({ name: `Amira Haddad Busca${stamp}` });
  await desk.goto("/pt-BR/staff/cmi-sp/helpdesk");
  await fillRegistration(desk, amira);
  await desk.locator("#preferred_locale").selectOption("ar");
  await desk.locator("form.registration-form button[type=submit]").click();
  const first = (await desk.locator(".access-card .card-code").innerText()).trim();
  // Printed by Portuguese-speaking staff, the card speaks its holder's language.
  await expect(desk.locator(".access-card")).toHaveAttribute("lang", "ar");
  await expect(desk.locator(".access-card")).toHaveAttribute("dir", "rtl");
  await expect(desk.locator(".access-card .card-label")).toHaveText(LOCALES.ar.code_label);

  for (const lang of ["pt-BR", "ar"] as const) {
    const t = LOCALES[lang];
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await desk.context().storageState(), viewport: { width: 320, height: 800 } });
    const page = await noScript.newPage();
    await page.goto(`/${lang}/staff/cmi-sp/helpdesk`);
    // By the start of her names, in another order and without accents.
    await page.getByLabel(t.helpdesk_find_label).fill(`busca${stamp} amir`);
    await page.getByRole("button", { name: t.helpdesk_find_submit }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    const found = page.locator(".people .review-item", { hasText: amira.name });
    await expect(found).toHaveCount(1);
    await screenshot(page, testInfo, `helpdesk-search-${lang}`);
    // By her document, typed with other separators and case.
    await page.getByLabel(t.helpdesk_find_label).fill(amira.documentNumber.toLowerCase().replaceAll("-", " "));
    await page.getByRole("button", { name: t.helpdesk_find_submit }).click();
    await expect(page.locator(".people .review-item")).toHaveCount(1);
    await expect(page.locator(".people .review-item")).toContainText(amira.name);
    // Nothing typed that can be searched: the field says so.
    await page.getByLabel(t.helpdesk_find_label).fill("...");
    await page.getByRole("button", { name: t.helpdesk_find_submit }).click();
    await expect(page.locator("#q-error")).toHaveText(t.problem_required);
    await noScript.close();
  }

  // Many matches come a page at a time (20 per page).
  // A word no other run shares (a name a few letters from another's, with the same birth
  // date, would be flagged as a possible duplicate).
  const common = `Pagina${Math.random().toString(36).slice(2, 10)}`;
  for (let n = 0; n < 21; n += 1) {
    // Each born on another day: similar names and one birth date would flag a duplicate.
    await registerAtHelpDesk(desk, newPerson({ name: `${common} Pessoa${n}`, birthDate: `${1960 + n}-03-15` }));
  }
  const t = LOCALES["pt-BR"];
  await desk.goto(`/pt-BR/staff/cmi-sp/helpdesk?q=${common}`);
  await expect(desk.locator(".people .review-item")).toHaveCount(20);
  await desk.getByRole("link", { name: t.page_next }).click();
  await expect(desk.locator(".people .review-item")).toHaveCount(1);
  await expect(desk.locator(".pager")).toContainText("2");

  // A reprint revokes the old card: its code no longer signs in.
  await desk.goto(`/pt-BR/staff/cmi-sp/helpdesk?q=busca${stamp}`);
  await desk.locator(".people .review-item", { hasText: amira.name }).getByRole("button", { name: t.helpdesk_reprint }).click();
  const second = (await desk.locator(".access-card .card-code").innerText()).trim();
  expect(second).not.toBe(first);
  await expect(desk.locator(".access-card")).toHaveAttribute("lang", "ar");
  const phone = await browser.newContext();
  const voter = await phone.newPage();
  await voter.goto("/ar/code");
  await voter.locator("#access_code").fill(first);
  await voter.locator("form button[type=submit]").click();
  await expect(voter).toHaveURL(/\/ar\/code/);
  await expect(voter.locator("[role=alert]").filter({ hasText: /\S/ }).first()).toBeVisible();
  await voter.locator("#access_code").fill(second);
  await voter.locator("form button[type=submit]").click();
  await expect(voter).not.toHaveURL(/\/code/);
  await phone.close();
});

test("an invitation opened by someone signed in with a passkey adds the role to that account (pt-BR, ar)", async ({ browser }, testInfo) => {
  for (const lang of ["pt-BR", "ar"] as const) {
    const t = LOCALES[lang];
    // A moderator already (signed in with a passkey) is invited to the commission too.
    const name = `Moderadora Convidada ${lang} ${Date.now()}`;
    const page = await enrolStaff(browser, name, "moderator", lang);
    const link = voz("admin", "invite", "--org", "cmi-sp", "--role", "electoral_commission").trim();
    await page.goto(new URL(link).pathname.replace(/^\/[^/]+/, `/${lang}`));
    await expect(page.locator(".accept-invite")).toContainText(name);
    await screenshot(page, testInfo, `enroll-signed-in-${lang}`);
    await page.getByRole("button", { name: t.enroll_accept }).click();
    // The staff home of the same account, now with both roles.
    await expect(page).toHaveURL(new RegExp(`/${lang}/staff/cmi-sp$`));
    await expect(page.locator("main")).toContainText(t.role_electoral_commission);
    await expect(page.locator("main")).toContainText(t.role_moderator);
    // The link is used up.
    await page.goto(new URL(link).pathname.replace(/^\/[^/]+/, `/${lang}`));
    await expect(page.locator(".error").first()).toHaveText(t.error_invalid_code);
    await page.context().close();
  }
});

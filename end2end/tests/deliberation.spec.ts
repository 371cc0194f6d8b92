// Taking part at an event, by plain forms: a group's free conference is approved and the
// edition's events begin → two people register (the quota's one question) → the group,
// as the event's rapporteur, checks them in at the door → one writes a proposal (a
// refused form keeps what was typed) → the other supports it, comments, is answered, and
// proposes an amendment → the rapporteur accepts it (a second version of the text) → a
// reply reported as abusive is hidden by the team from the moderators' queue → the event
// prioritises (the ranked list is published) and elects its delegate under the quota.
// In pt-BR and Arabic; screenshots of every screen.
import { expect, test, type Page } from "@playwright/test";
import { noSidewaysScroll, screenshot } from "./helpers/page";
import { enrolStaff } from "./helpers/staff";

/** Moves `conf-2027` on to its events unless another test already did. */
async function eventsBegin(team: Page, lang: string) {
  await team.goto(`/${lang}/staff/cmi-sp/conferences`);
  const move = team.locator("#edition-conf-2027 form.confirm-form", { has: team.locator("input[name=to][value=events]") });
  if ((await move.count()) > 0) {
    await move.locator("summary").click();
    await move.locator("button[type=submit]").click();
  }
  await team.goto(`/${lang}/staff/cmi-sp/conferences`);
  await expect(team.locator("#edition-conf-2027 input[name=to][value=events]")).toHaveCount(0);
}

for (const lang of ["pt-BR", "ar"]) {
  test(`people register, are checked in, write, support, comment and amend; the rapporteur decides (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const stamp = `${Date.now()}${testInfo.project.name}`;
    const team = await enrolStaff(browser, `Equipe ${stamp}`, "conference_team", lang);
    const group = await enrolStaff(browser, `Coletivo Venezuela ${stamp}`, "jury", lang);
    const ana = await enrolStaff(browser, `Ana ${stamp}`, "jury", lang);
    const bia = await enrolStaff(browser, `Bia ${stamp}`, "jury", lang);

    // The group registers its free conference; the team approves it.
    const name = `Conferência Livre Venezuelana ${stamp}`;
    await group.goto(`/${lang}/o/cmi-sp/c/conf-2027/free-conference`);
    await group.locator("#name").fill(name);
    await group.locator("#organizer").fill("Coletivo Venezuela SP");
    await group.locator("#held_on").fill("2027-06-19");
    await group.locator("#place").fill("Praça da República");
    await group.locator("#expected_audience").fill("30");
    await group.locator("#language-es").check();
    await group.locator("form.free-form button[type=submit]").click();
    await expect(group.getByTestId("free-sent")).toBeVisible();
    await team.goto(`/${lang}/staff/cmi-sp/conferences`);
    await team.locator("li.pending-event", { hasText: name }).locator("button[value=accept]").click();
    await expect(team.locator("li.pending-event", { hasText: name })).toHaveCount(0);
    await eventsBegin(team, lang);

    // Two people register from the event's page; the quota's question must be answered.
    await ana.goto(`/${lang}/o/cmi-sp/c/conf-2027`);
    await ana.locator("ul.events a", { hasText: name }).click();
    const eventUrl = ana.url();
    await ana.locator("form.join-form button[type=submit]").click();
    await expect(ana.locator("#migrant-error")).not.toBeEmpty();
    await ana.locator("#migrant-yes").check();
    await ana.locator("form.join-form button[type=submit]").click();
    await expect(ana.getByTestId("part-status")).toBeVisible();
    await noSidewaysScroll(ana);
    await screenshot(ana, testInfo, `take-part-registered-${lang}`);
    await bia.goto(eventUrl);
    await bia.locator("#migrant-no").check();
    await bia.locator("form.join-form button[type=submit]").click();
    await expect(bia.getByTestId("part-status")).toBeVisible();

    // The group runs its event: it checks both in at the door, found by name.
    await group.goto(eventUrl);
    await group.locator(`a[href$='/check-in']`).click();
    await expect(group.getByTestId("door-counts")).toContainText("0");
    for (const person of [`Ana ${stamp}`, `Bia ${stamp}`]) {
      await group.locator("#q").fill(person);
      await group.locator("form.door-search button[type=submit]").click();
      const row = group.locator("li.registrant", { hasText: person });
      await row.locator("button[type=submit]").click();
      await expect(group.locator("li.registrant", { hasText: person })).toHaveAttribute("data-checked-in", "true");
    }
    await group.locator("#q").fill("");
    await group.locator("form.door-search button[type=submit]").click();
    await expect(group.getByTestId("door-counts")).toContainText("2");
    await noSidewaysScroll(group);
    await screenshot(group, testInfo, `door-${lang}`);

    // Ana writes a proposal; a refusal keeps what she typed.
    await ana.goto(eventUrl);
    await ana.locator("#theme").selectOption("7");
    await ana.locator("#level").selectOption("municipal");
    await ana.locator("#body").fill("Aulas de português gratuitas nos CEUs, à noite.");
    await ana.locator("form.proposal-form button[type=submit]").click();
    await expect(ana.locator(".error-summary")).toBeVisible();
    await expect(ana.locator("#body")).toHaveValue("Aulas de português gratuitas nos CEUs, à noite.");
    await screenshot(ana, testInfo, `proposal-form-refused-${lang}`);
    await ana.locator("#title").fill(`Português para todas ${stamp}`);
    await ana.locator("form.proposal-form button[type=submit]").click();
    await expect(ana).toHaveURL(/\/proposals\/\d+/);
    const proposalUrl = ana.url();
    await expect(ana.locator("h1")).toContainText(`Português para todas ${stamp}`);

    // Bia supports it (once), comments, and proposes an amendment.
    await bia.goto(proposalUrl);
    await bia.locator("#supports button[type=submit]").click();
    await expect(bia.getByTestId("supported")).toBeVisible();
    await expect(bia.getByTestId("supports")).toHaveText("1");
    await bia.locator("#comment").fill("E para quem trabalha aos sábados?");
    await bia.locator("form.comment-form button[type=submit]").click();
    await expect(bia.locator("li.comment.depth-0")).toContainText("sábados");
    await bia.locator("details.amend summary").click();
    await bia.locator("form.amend-form #body").fill("Aulas de português gratuitas nos CEUs, à noite e aos sábados.");
    await bia.locator("form.amend-form #note").fill("Quem trabalha de dia também precisa.");
    await bia.locator("form.amend-form button[type=submit]").click();
    await expect(bia.getByTestId("amendment-status")).toHaveCount(1);

    // Ana answers in the thread.
    await ana.goto(proposalUrl);
    const comment = ana.locator("li.comment.depth-0").first();
    await comment.locator("details.reply summary").click();
    await comment.locator("form.reply-form textarea").fill(`Boa ideia, vamos incluir. ${stamp}`);
    await comment.locator("form.reply-form button[type=submit]").click();
    await expect(ana.locator("li.comment.depth-1")).toContainText("Boa ideia");

    // The rapporteur accepts the amendment: the text has a second version.
    await group.goto(proposalUrl);
    await group.locator("form.decide-form button[value=accept]").click();
    await expect(group.locator(".proposal-text")).toContainText("aos sábados");
    await expect(group.locator("ol.versions > li")).toHaveCount(2);
    await expect(group.locator("form.decide-form")).toHaveCount(0);
    await noSidewaysScroll(group);
    await screenshot(group, testInfo, `proposal-deliberated-${lang}`);

    // Bia reports Ana's reply; the team hides it from the moderators' queue.
    await bia.goto(proposalUrl);
    const reply = bia.locator("li.comment.depth-1").first();
    await reply.locator("details.report summary").click();
    await reply.locator("form.report-form input[name=reason]").fill("Fora do tema");
    await reply.locator("form.report-form button[type=submit]").click();
    await expect(bia).toHaveURL(/reported=1/);
    await team.goto(`/${lang}/staff/cmi-sp/conferences/conf-2027/reports`);
    const item = team.locator("li.reported", { hasText: `Boa ideia, vamos incluir. ${stamp}` });
    await expect(item).toContainText("Fora do tema");
    await noSidewaysScroll(team);
    await screenshot(team, testInfo, `reports-queue-${lang}`);
    await item.locator("input[name=reason]").fill("Ocultado a pedido da moderação.");
    await item.locator("button[value=hide]").click();
    await expect(team.locator("li.reported", { hasText: `Boa ideia, vamos incluir. ${stamp}` })).toHaveCount(0);
    await bia.goto(proposalUrl);
    await expect(bia.locator("li.comment.depth-1")).toContainText("Ocultado a pedido");
    await expect(bia.locator("li.comment.depth-1")).not.toContainText("Boa ideia");

    // The event's prioritisation: the group opens it, both vote, the group counts; the
    // ranked list is on the event's page.
    await group.goto(eventUrl);
    await group.locator("#per_theme").fill("1");
    await group.locator("form.vote-open-form:has(input[name=kind][value=priorities]) button[type=submit]").click();
    for (const person of [ana, bia]) {
      await person.goto(eventUrl);
      await person.locator("form.priority-ballot input[type=checkbox]").first().check();
      await person.locator("form.priority-ballot button[type=submit]").click();
      await expect(person.getByTestId("voted-priorities")).toBeVisible();
    }
    await group.goto(eventUrl);
    const countPriorities = group.locator("form.confirm-form", { has: group.locator("input[name=kind][value=priorities]") });
    await countPriorities.locator("summary").click();
    await countPriorities.locator("button[type=submit]").click();
    await expect(group.getByTestId("ranked").first()).toContainText(`Português para todas ${stamp}`);

    // The delegate election: one seat, a third immigrants; both stand, both vote.
    await group.locator("#delegates").fill("1");
    await group.locator("#reserve").fill("1");
    await group.locator("#max_choices").fill("1");
    await group.locator("form.vote-open-form:has(input[name=kind][value=delegates]) button[type=submit]").click();
    for (const person of [ana, bia]) {
      await person.goto(eventUrl);
      await person.locator("#votes form[action$='/vote/stand'] button[type=submit]").click();
      await expect(person.getByTestId("standing")).toBeVisible();
    }
    await group.goto(eventUrl);
    const start = group.locator("form.confirm-form[action$='/vote/start']");
    await start.locator("summary").click();
    await start.locator("button[type=submit]").click();
    for (const person of [ana, bia]) {
      await person.goto(eventUrl);
      await person.locator("form.delegate-ballot label", { hasText: `Ana ${stamp}` }).locator("input").check();
      await person.locator("form.delegate-ballot button[type=submit]").click();
      await expect(person.getByTestId("voted-delegates")).toBeVisible();
    }
    await group.goto(eventUrl);
    const countDelegates = group.locator("form.confirm-form", { has: group.locator("input[name=kind][value=delegates]") });
    await countDelegates.locator("summary").click();
    await countDelegates.locator("button[type=submit]").click();
    await expect(group.getByTestId("elected")).toContainText(`Ana ${stamp}`);
    await expect(group.getByTestId("quota-line")).toBeVisible();
    await noSidewaysScroll(group);
    await screenshot(group, testInfo, `event-votes-counted-${lang}`);

    for (const page of [team, group, ana, bia]) await page.context().close();
  });
}

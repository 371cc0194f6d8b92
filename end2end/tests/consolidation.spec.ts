// An edition set up and consolidated through the pages: the team creates an edition (a
// refused form keeps what was typed) with two pre-conferences and moves it to its
// events → a participant at each is checked in and writes a proposal → the team moves to
// consolidation and merges the two into one consolidated proposal → its public page
// lists both sources from both events, and each proposal says what it became.
// In pt-BR and Arabic, on an edition of its own (the demo's stay as they are).
import { expect, test, type Page } from "@playwright/test";
import { screenshot } from "./helpers/page";
import { enrolStaff } from "./helpers/staff";

async function move(team: Page, lang: string, slug: string, to: string) {
  await team.goto(`/${lang}/staff/cmi-sp/conferences`);
  const form = team.locator(`#edition-${slug} form.confirm-form`, { has: team.locator(`input[name=to][value=${to}]`) });
  await form.locator("summary").click();
  await form.locator("button[type=submit]").click();
  await expect(team.locator(`#edition-${slug} input[name=to][value=${to}]`)).toHaveCount(0);
}

for (const lang of ["pt-BR", "ar"]) {
  test(`an edition set up by its team merges proposals from two events (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const stamp = `${Date.now()}${testInfo.project.name}`;
    const slug = `c-${stamp}`;
    const team = await enrolStaff(browser, `Sistematização ${stamp}`, "conference_team", lang);

    // A new edition: refused once (no themes), then created as a draft.
    await team.goto(`/${lang}/staff/cmi-sp/conferences`);
    await team.locator("a[href$='/staff/cmi-sp/conferences/new']").click();
    await team.locator("#name").fill(`Conferência de teste ${stamp}`);
    await team.locator("#slug").fill(slug);
    await team.locator("#starts_on").fill("2029-06-01");
    await team.locator("#ends_on").fill("2029-11-30");
    await team.locator("form.edition-form button[type=submit]").click();
    await expect(team.locator(".error-summary")).toBeVisible();
    await expect(team.locator("#slug")).toHaveValue(slug);
    await screenshot(team, testInfo, `new-edition-refused-${lang}`);
    await team.locator("#themes").fill("Participação social\nTrabalho e renda");
    await team.locator("form.edition-form button[type=submit]").click();
    await expect(team.locator(`#edition-${slug}`)).toBeVisible();

    // Two pre-conferences, then the events begin.
    await move(team, lang, slug, "preparation");
    for (const region of ["Norte", "Sul"]) {
      await team.locator(`a[href$='/conferences/${slug}/pre-conference']`).click();
      await team.locator("#name").fill(`Pré-conferência ${region} ${stamp}`);
      await team.locator("#organizer").fill("Coordenação de Políticas para Imigrantes");
      await team.locator("#held_on").fill("2029-07-10");
      await team.locator("#place").fill(`CEU ${region}`);
      await team.locator("#expected_audience").fill("50");
      await team.locator("#language-pt-BR").check();
      await team.locator("form.free-form button[type=submit]").click();
      await expect(team.locator(`#edition-${slug}`)).toBeVisible();
    }
    await move(team, lang, slug, "events");

    // One participant at each event: registered, checked in by the team, writing.
    const proposals: string[] = [];
    for (const [who, region] of [[`Carla ${stamp}`, "Norte"], [`Davi ${stamp}`, "Sul"]]) {
      const person = await enrolStaff(browser, who, "jury", lang);
      await person.goto(`/${lang}/o/cmi-sp/c/${slug}`);
      await person.locator("ul.events a", { hasText: `Pré-conferência ${region} ${stamp}` }).click();
      const eventUrl = person.url();
      await person.locator("#migrant-yes").check();
      await person.locator("form.join-form button[type=submit]").click();
      await team.goto(`${eventUrl}/check-in`);
      await team.locator("li.registrant", { hasText: who }).locator("button[type=submit]").click();
      await expect(team.locator("li.registrant", { hasText: who })).toHaveAttribute("data-checked-in", "true");
      await person.goto(eventUrl);
      await person.locator("#theme").selectOption("1");
      await person.locator("#level").selectOption("municipal");
      await person.locator("#title").fill(`Conselhos com imigrantes na região ${region} ${stamp}`);
      await person.locator("#body").fill(`Conselhos participativos com vagas para imigrantes na região ${region}.`);
      await person.locator("form.proposal-form button[type=submit]").click();
      await expect(person).toHaveURL(/\/proposals\/\d+$/);
      proposals.push(person.url().split("/").pop()!);
      await person.context().close();
    }

    // Consolidation: the two proposals merged into E1-1.
    await move(team, lang, slug, "consolidation");
    await team.locator(`a[href$='/conferences/${slug}/consolidation']`).click();
    for (const id of proposals) await team.locator(`#source-${id}`).check();
    await team.locator("form.consolidate-form #title").fill(`Conselhos participativos com imigrantes ${stamp}`);
    await team.locator("form.consolidate-form #body").fill("Vagas para imigrantes nos conselhos participativos de todas as regiões.");
    await team.locator("form.consolidate-form button[type=submit]").click();
    await expect(team.locator("li.consolidated-row#E1-1")).toBeVisible();
    await expect(team.getByTestId("consolidation-totals")).toContainText("2");
    await screenshot(team, testInfo, `consolidation-room-${lang}`);

    // The public lineage, both ways.
    await team.goto(`/${lang}/o/cmi-sp/c/${slug}/consolidated/E1-1`);
    await expect(team.locator("ul.proposals > li")).toHaveCount(2);
    await expect(team.locator("ul.proposals")).toContainText(`Norte ${stamp}`);
    await expect(team.locator("ul.proposals")).toContainText(`Sul ${stamp}`);
    await screenshot(team, testInfo, `consolidated-two-events-${lang}`);
    await team.goto(`/${lang}/o/cmi-sp/c/${slug}/proposals/${proposals[0]}`);
    await expect(team.getByTestId("became").locator("a[href$='/consolidated/E1-1']")).toBeVisible();
    await team.context().close();
  });
}

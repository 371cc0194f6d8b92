// The second half of a conference round, through the pages, on an edition of its own
// (the demo's stay as they are): the team creates an edition (a refused form keeps what
// was typed) with two pre-conferences → participants are checked in, write proposals and
// elect each event's delegate (at Norte a half-immigrant quota elects the immigrant over
// the most voted) → the team merges the two events' proposals into one consolidated
// proposal, whose public page lists both sources → at the plenary the team credentials
// one delegate and calls the reserve for the absent one; both vote it a priority; the
// team counts → in the plan it becomes an action with an indicator (a refused form keeps
// what was typed), reported once → the public plan shows it, linked back to the original
// proposals. In pt-BR and Arabic.
import { expect, test, type Page } from "@playwright/test";
import { noSidewaysScroll, screenshot } from "./helpers/page";
import { enrolStaff } from "./helpers/staff";

async function move(team: Page, lang: string, slug: string, to: string) {
  await team.goto(`/${lang}/staff/cmi-sp/conferences`);
  const form = team.locator(`#edition-${slug} form.confirm-form`, { has: team.locator(`input[name=to][value=${to}]`) });
  await form.locator("summary").click();
  await form.locator("button[type=submit]").click();
  await expect(team.locator(`#edition-${slug} input[name=to][value=${to}]`)).toHaveCount(0);
}

for (const lang of ["pt-BR", "ar"]) {
  test(`an edition's round runs from its events through consolidation and plenary to its plan (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(360_000);
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

    // Its texts: a translation with a theme too many is refused and keeps what was typed;
    // then its name and themes in Arabic and a fourth level of government.
    await team.locator(`a[href$='/conferences/${slug}/texts']`).click();
    await team.locator("#names-ar").fill(`مؤتمر تجريبي ${stamp}`);
    await team.locator("#themes-ar").fill("المشاركة الاجتماعية\nالعمل والدخل\nالسكن");
    await team.locator("form.texts-form button[type=submit]").click();
    await expect(team.locator("#themes-ar-error")).not.toBeEmpty();
    await expect(team.locator("#names-ar")).toHaveValue(`مؤتمر تجريبي ${stamp}`);
    await screenshot(team, testInfo, `edition-texts-refused-${lang}`);
    await team.locator("#themes-ar").fill("المشاركة الاجتماعية\nالعمل والدخل");
    await team.locator("#codes").fill("municipal\nstate\nfederal\nmetropolitan");
    await team.locator("#levels-pt-BR").fill("Municipal\nEstadual\nFederal\nMetropolitano");
    await team.locator("form.texts-form button[type=submit]").click();
    await expect(team.getByTestId("texts-saved")).toBeVisible();
    await expect(team.locator("#levels-pt-BR")).toHaveValue("Municipal\nEstadual\nFederal\nMetropolitano");

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

    // At Norte, Carla (an immigrant) and Eva; at Sul, Davi (an immigrant). Each is
    // registered and checked in by the team; Carla and Davi write a proposal.
    const people: Record<string, Page> = {};
    const eventUrls: Record<string, string> = {};
    const proposals: string[] = [];
    for (const [who, region, migrant, writes] of [
      ["Carla", "Norte", "yes", true],
      ["Eva", "Norte", "no", false],
      ["Davi", "Sul", "yes", true],
    ] as const) {
      const name = `${who} ${stamp}`;
      const person = await enrolStaff(browser, name, "jury", lang);
      people[who] = person;
      await person.goto(`/${lang}/o/cmi-sp/c/${slug}`);
      // Each reader sees the edition's name in their language when it was given.
      await expect(person.locator("h1")).toContainText(lang === "ar" ? `مؤتمر تجريبي ${stamp}` : `Conferência de teste ${stamp}`);
      await person.locator("ul.events a", { hasText: `Pré-conferência ${region} ${stamp}` }).click();
      const eventUrl = person.url();
      eventUrls[region] = eventUrl;
      await person.locator(`#migrant-${migrant}`).check();
      await person.locator("form.join-form button[type=submit]").click();
      await team.goto(`${eventUrl}/check-in`);
      await team.locator("li.registrant", { hasText: name }).locator("button[type=submit]").click();
      await expect(team.locator("li.registrant", { hasText: name })).toHaveAttribute("data-checked-in", "true");
      if (!writes) continue;
      await person.goto(eventUrl);
      await person.locator("#theme").selectOption("1");
      await expect(person.locator("#level option[value=metropolitan]")).toHaveCount(1);
      await person.locator("#level").selectOption("municipal");
      await person.locator("#title").fill(`Conselhos com imigrantes na região ${region} ${stamp}`);
      await person.locator("#body").fill(`Conselhos participativos com vagas para imigrantes na região ${region}.`);
      await person.locator("form.proposal-form button[type=submit]").click();
      await expect(person).toHaveURL(/\/proposals\/\d+$/);
      proposals.push(person.url().split("/").pop()!);
    }

    // Each event elects one delegate. Norte: a reserve of one and half immigrants; Eva
    // has both votes, but the quota seats Carla and Eva is the reserve.
    for (const [region, reserve, quota, voters, standing, choice] of [
      ["Norte", "1", "1/2", ["Carla", "Eva"], ["Carla", "Eva"], "Eva"],
      ["Sul", "0", "0/1", ["Davi"], ["Davi"], "Davi"],
    ] as const) {
      const eventUrl = eventUrls[region];
      await team.goto(eventUrl);
      await team.locator("#delegates").fill("1");
      await team.locator("#reserve").fill(reserve);
      await team.locator("#quota").selectOption(quota);
      await team.locator("#max_choices").fill("1");
      await team.locator("form.vote-open-form:has(input[name=kind][value=delegates]) button[type=submit]").click();
      for (const who of standing) {
        await people[who].goto(eventUrl);
        await people[who].locator("#votes form[action$='/vote/stand'] button[type=submit]").click();
        await expect(people[who].getByTestId("standing")).toBeVisible();
      }
      await team.goto(eventUrl);
      const start = team.locator("form.confirm-form[action$='/vote/start']");
      await start.locator("summary").click();
      await start.locator("button[type=submit]").click();
      for (const who of voters) {
        await people[who].goto(eventUrl);
        await people[who].locator("form.delegate-ballot label", { hasText: `${choice} ${stamp}` }).locator("input").check();
        await people[who].locator("form.delegate-ballot button[type=submit]").click();
        await expect(people[who].getByTestId("voted-delegates")).toBeVisible();
      }
      await team.goto(eventUrl);
      const count = team.locator("form.confirm-form", { has: team.locator("input[name=kind][value=delegates]") });
      await count.locator("summary").click();
      await count.locator("button[type=submit]").click();
      await expect(team.getByTestId("elected")).toContainText(`${standing[0]} ${stamp}`);
    }
    await team.goto(eventUrls["Norte"]);
    await expect(team.locator("ol.reserve")).toContainText(`Eva ${stamp}`);
    await expect(team.getByTestId("quota-line")).toBeVisible();

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

    // The plenary: Davi is credentialled; Carla is absent and Eva, Norte's reserve, takes
    // her place. Both approve E1-1 as a priority; Carla cannot vote; the team counts.
    await move(team, lang, slug, "plenary");
    // A seat by its holder's name (another seat may name them as replaced or replacing).
    const seat = (who: string) => team.locator("li.seat").filter({ has: team.locator("strong", { hasText: `${who} ${stamp}` }) });
    await team.locator(`a[href$='/conferences/${slug}/plenary']`).click();
    await team.locator("#priorities").fill("1");
    await team.locator("form.plenary-open-form button[type=submit]").click();
    await expect(team.locator("#theme-1")).toHaveAttribute("data-counted", "false");
    await seat("Davi").locator("form:not(.confirm-form) button[type=submit]").click();
    await expect(seat("Davi")).toHaveAttribute("data-credentialled", "true");
    const absent = seat("Carla").locator("form.confirm-form");
    await absent.locator("summary").click();
    await absent.locator("button[type=submit]").click();
    await expect(seat("Eva")).toHaveAttribute("data-credentialled", "true");
    await expect(seat("Eva")).toContainText(`Carla ${stamp}`);
    await noSidewaysScroll(team);
    await screenshot(team, testInfo, `plenary-room-${lang}`);
    for (const who of ["Davi", "Eva"]) {
      const person = people[who];
      await person.goto(`/${lang}/o/cmi-sp/c/${slug}/plenary`);
      await person.locator("a[href$='/plenary/vote']").click();
      // A priority the same ballot rejects is refused, nothing stored.
      await person.locator("#mark-E1-1-reject").check();
      await person.locator("#priority-E1-1").check();
      await person.locator("form.plenary-ballot button[type=submit]").click();
      await expect(person.locator("#priorities-error")).not.toBeEmpty();
      await person.locator("#mark-E1-1-approve").check();
      await person.locator("#priority-E1-1").check();
      if (who === "Eva") await screenshot(person, testInfo, `plenary-ballot-${lang}`);
      await person.locator("form.plenary-ballot button[type=submit]").click();
      await expect(person.getByTestId("plenary-voted")).toBeVisible();
    }
    await people["Carla"].goto(`/${lang}/o/cmi-sp/c/${slug}/plenary/vote`);
    await expect(people["Carla"].getByTestId("not-credentialled")).toBeVisible();
    await expect(people["Carla"].locator("form.plenary-ballot")).toHaveCount(0);
    await team.reload();
    await expect(team.locator("#theme-1")).toContainText("2");
    const count = team.locator("#theme-1 form.confirm-form");
    await count.locator("summary").click();
    await count.locator("button[type=submit]").click();
    await expect(team.locator("#theme-1")).toHaveAttribute("data-counted", "true");
    await team.goto(`/${lang}/o/cmi-sp/c/${slug}/plenary`);
    await expect(team.locator("tr.result-priority")).toContainText("E1-1");
    await screenshot(team, testInfo, `plenary-results-${lang}`);

    // The plan: an action from E1-1 with one indicator; a refused form keeps what was typed.
    await move(team, lang, slug, "plan");
    await team.locator(`a[href$='/conferences/${slug}/plan']`).click();
    await team.locator("form.action-form #title").fill(`Vagas para imigrantes nos conselhos ${stamp}`);
    await team.locator("#responsible").fill("Secretaria Municipal de Direitos Humanos");
    await team.locator("#from-E1-1").check();
    await team.locator("#indicator-0-name").fill("Conselhos com vagas para imigrantes");
    await team.locator("#indicator-0-unit").fill("conselhos");
    await team.locator("#indicator-0-baseline").fill("2");
    await team.locator("#indicator-0-targets").fill("2031: 20; 2030: 10");
    await team.locator("form.action-form button[type=submit]").click();
    await expect(team.locator("#indicator-0-targets-error")).not.toBeEmpty();
    await expect(team.locator("form.action-form #title")).toHaveValue(`Vagas para imigrantes nos conselhos ${stamp}`);
    await expect(team.locator("#from-E1-1")).toBeChecked();
    await screenshot(team, testInfo, `plan-action-refused-${lang}`);
    await team.locator("#indicator-0-targets").fill("2030: 10; 2031: 20");
    await team.locator("form.action-form button[type=submit]").click();
    const action = team.locator("li.action#A1");
    await expect(action).toContainText(`Vagas para imigrantes nos conselhos ${stamp}`);
    await action.locator("input[name='report[value]']").fill("11");
    await action.locator("select[name='report[status]']").selectOption("in_progress");
    await action.locator("form.indicator-report button[type=submit]").click();
    await expect(team.locator("li.action#A1 input[name='report[value]']")).toHaveValue("11");
    await noSidewaysScroll(team);
    await screenshot(team, testInfo, `plan-room-${lang}`);

    // The public plan: the action, its indicator's progress, and the original proposals.
    await team.goto(`/${lang}/o/cmi-sp/c/${slug}/plan`);
    const publicAction = team.locator("li.action#A1");
    await expect(publicAction).toContainText(`Vagas para imigrantes nos conselhos ${stamp}`);
    await expect(publicAction.locator("progress")).toHaveAttribute("value", "50");
    await expect(publicAction.locator("a[href$='/consolidated/E1-1']")).toBeVisible();
    for (const id of proposals) await expect(publicAction.getByTestId("plan-originals").locator(`a[href$='/proposals/${id}']`)).toBeVisible();
    await noSidewaysScroll(team);
    await screenshot(team, testInfo, `plan-public-${lang}`);
    await publicAction.getByTestId("plan-originals").locator("a").first().click();
    await expect(team.getByTestId("became").locator("a[href$='/consolidated/E1-1']")).toBeVisible();

    for (const page of [team, ...Object.values(people)]) await page.context().close();
  });
}

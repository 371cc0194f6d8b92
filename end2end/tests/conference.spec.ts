// A conference edition, read as the public reads it (the demo's `conf-2019`), by links only:
// the organization's page → the edition (counts before and after consolidation) → an event
// → a proposal → what became of it → the consolidated proposal, its sources from several
// events and its versions → the plenary's results → the plan, and from an action back to
// the proposals it came from. In pt-BR and Arabic at the project's width; no sideways scroll.
import { expect, test, type Page } from "@playwright/test";
import { noSidewaysScroll, screenshot } from "./helpers/page";
import { enrolStaff } from "./helpers/staff";

for (const lang of ["pt-BR", "ar"]) {
  test(`a conference's proposals followed from the event to the plan (${lang})`, async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    await page.goto(`/${lang}/o/cmi-sp`);
    await page.locator("a[href$='/o/cmi-sp/c/conf-2019']").click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/o/cmi-sp/c/conf-2019$`));
    await expect(page.getByTestId("edition-counts")).toContainText("482");
    await expect(page.getByTestId("edition-counts")).toContainText("202");
    await expect(page.locator("ol.themes > li")).toHaveCount(8);
    await expect(page.locator("ul.events > li")).toHaveCount(23);
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `conference-edition-${lang}`);

    // An event and its proposals by theme.
    await page.locator("ul.events a[href*='/events/pre-conferencia-regional-centro']").click();
    await expect(page.locator("h1")).toContainText("Centro");
    await expect(page.getByTestId("participants")).not.toHaveText("0");
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `conference-event-${lang}`);

    // A proposal and what became of it.
    await page.locator("ul.proposals a[href*='/proposals/']").first().click();
    await expect(page.getByTestId("proposal-status")).toBeVisible();
    const became = page.getByTestId("became");
    await expect(became.locator("a[href*='/consolidated/']").first()).toBeVisible();
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `conference-proposal-${lang}`);

    // The consolidated proposal: its plenary result, its sources (with their events), its versions.
    await became.locator("a[href*='/consolidated/E']").first().click();
    await expect(page.getByTestId("plenary-result")).toBeVisible();
    await expect(page.locator("ul.proposals > li").first()).toBeVisible();
    await expect(page.locator("ol.versions > li").first()).toBeVisible();
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `conference-consolidated-${lang}`);

    // The plenary's results and the plan.
    await page.goto(`/${lang}/o/cmi-sp/c/conf-2019/plenary`);
    await expect(page.locator("table.plenary-table")).toHaveCount(9);
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `conference-plenary-${lang}`);
    await page.goto(`/${lang}/o/cmi-sp/c/conf-2019/plan`);
    await expect(page.locator("ol.actions > li")).toHaveCount(80);
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `conference-plan-${lang}`);
    // From an action back to a consolidated proposal and its original proposals.
    await page.locator("#A1 ul.inline-links a").first().click();
    await expect(page.getByTestId("plan-actions")).toContainText("A1");
    await page.locator("ul.proposals a[href*='/proposals/']").first().click();
    await expect(page.getByTestId("became")).toBeVisible();

    // A draft or unknown edition is a 404.
    const missing = await page.goto(`/${lang}/o/cmi-sp/c/no-such-edition`);
    expect(missing?.status()).toBe(404);
  });
}

for (const lang of ["pt-BR", "ar"]) {
  test(`the proposals list: words and filters through a plain form, shareable addresses (${lang})`, async ({ page }, testInfo) => {
    await page.goto(`/${lang}/o/cmi-sp/c/conf-2019`);
    await page.locator("a[href$='/c/conf-2019/proposals']").click();
    await expect(page.getByTestId("list-found")).toContainText("482");
    await page.locator("#q").fill("português");
    await page.locator("#theme").selectOption("7");
    await page.locator("form.filters button[type=submit]").click();
    await expect(page).toHaveURL(/q=portugu/);
    const found = await page.getByTestId("list-found").innerText();
    const n = Number(found.replace(/\D+/g, " ").trim().split(" ").pop());
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(482);
    await expect(page.locator("#q")).toHaveValue("português");
    await expect(page.locator("ul.proposals > li").first()).toBeVisible();
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `conference-list-${lang}`);
    // Hidden by moderation: found by status.
    await page.goto(`/${lang}/o/cmi-sp/c/conf-2019/proposals?status=hidden`);
    await expect(page.locator("ul.proposals > li")).toHaveCount(3);
    // The open data is served as files.
    const csv = await page.request.get(`/export/cmi-sp/c/conf-2019/proposals.csv`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split("\n")[0]).toBe("id,event,theme,level,language,title,supports,status,into,results,actions");
  });
}

for (const lang of ["pt-BR", "ar"]) {
  test(`a free conference is registered, sent back, and another approved by the conference team (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const stamp = Date.now();
    const team = await enrolStaff(browser, `Equipe Conferência ${stamp}`, "conference_team", lang);
    const group = await enrolStaff(browser, `Coletivo ${stamp}`, "poll_worker", lang);
    // The group finds the form from the edition's page.
    await group.goto(`/${lang}/o/cmi-sp/c/conf-2027`);
    await group.locator("a[href$='/c/conf-2027/free-conference']").click();
    // A refusal keeps what was typed and names each problem.
    await group.locator("#name").fill(`Conferência Livre Haitiana ${stamp}`);
    await group.locator("#expected_audience").fill("0");
    await group.locator("form.free-form button[type=submit]").click();
    await expect(group.locator(".error-summary")).toBeVisible();
    await expect(group.locator("#name")).toHaveValue(`Conferência Livre Haitiana ${stamp}`);
    await screenshot(group, testInfo, `free-conference-refused-${lang}`);
    for (const [name, place] of [[`Conferência Livre Haitiana ${stamp}`, "Missão Paz, Rua do Glicério 225"], [`Conferência Livre Boliviana ${stamp}`, "Praça Kantuta"]]) {
      await group.locator("#name").fill(name);
      await group.locator("#organizer").fill("Coletivo Haiti SP");
      await group.locator("#held_on").fill("2027-06-12");
      await group.locator("#place").fill(place);
      await group.locator("#expected_audience").fill("40");
      await group.locator("#language-pt-BR").check();
      await group.locator("#language-ht").check();
      await group.locator("form.free-form button[type=submit]").click();
      await expect(group.getByTestId("free-sent")).toBeVisible();
    }
    await expect(group.getByTestId("free-status")).toHaveCount(2);

    // The team sends the first back with a reason and approves the second.
    await team.goto(`/${lang}/staff/cmi-sp`);
    await team.locator("a[href$='/staff/cmi-sp/conferences']").click();
    const haitian = team.locator("li.pending-event", { hasText: `Haitiana ${stamp}` });
    await haitian.locator("textarea[name=reason]").fill("Informe o horário e o andar do local.");
    await haitian.locator("button[value=fix]").click();
    await expect(team.locator("li.pending-event", { hasText: `Haitiana ${stamp}` })).toHaveCount(0);
    await screenshot(team, testInfo, `conference-room-${lang}`);
    await team.locator("li.pending-event", { hasText: `Boliviana ${stamp}` }).locator("button[value=accept]").click();
    await expect(team.locator("li.pending-event", { hasText: `Boliviana ${stamp}` })).toHaveCount(0);

    // The group reads the decisions; the approved one is public.
    await group.goto(`/${lang}/o/cmi-sp/c/conf-2027/free-conference`);
    await expect(group.locator("li.event", { hasText: `Haitiana ${stamp}` })).toContainText("Informe o horário");
    await screenshot(group, testInfo, `free-conference-decided-${lang}`);
    // The group corrects the one sent back and sends it again: it waits for review anew.
    await group.locator("li.event", { hasText: `Haitiana ${stamp}` }).locator("a[href*='?fix=']").click();
    await expect(group.locator("#name")).toHaveValue(`Conferência Livre Haitiana ${stamp}`);
    await group.locator("#place").fill("Missão Paz, Rua do Glicério 225, 2º andar, 14h");
    await group.locator("form.free-form button[type=submit]").click();
    await expect(group.getByTestId("free-sent")).toBeVisible();
    await expect(group.locator("li.event", { hasText: `Haitiana ${stamp}` }).locator(".free-pending")).toBeVisible();
    await group.goto(`/${lang}/o/cmi-sp/c/conf-2027`);
    await expect(group.locator("ul.events a", { hasText: `Boliviana ${stamp}` })).toBeVisible();
    await expect(group.locator("ul.events a", { hasText: `Haitiana ${stamp}` })).toHaveCount(0);
    await team.context().close();
    await group.context().close();
  });
}

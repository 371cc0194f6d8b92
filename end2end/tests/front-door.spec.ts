// The front door: from the home page, a visitor reaches every election and its results,
// each organization has a page, and a verified voter's account says what they can do now.
// In pt-BR and Arabic, at the project's width (320 px on the phone).
import { expect, test } from "@playwright/test";
import { verifiedRegistrant } from "./helpers/elections";
import { noSidewaysScroll, screenshot } from "./helpers/page";
import { newPerson } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";

const ORG_NAME = "Conselho Municipal de Imigrantes";

for (const lang of ["pt-BR", "ar"]) {
  test(`from the home page: every election and its results in two clicks, the organization's page (${lang})`, async ({ page }, testInfo) => {
    await page.goto(`/${lang}`);
    const org = page.locator("section.organization", { hasText: ORG_NAME });
    // Each announced election is listed with its phase; drafts are not.
    await expect(org.locator("a.title[href$='/o/cmi-sp/e/cmi-2025']")).toBeVisible();
    await expect(org.locator("a.title[href$='/o/cmi-sp/e/cmi-2027']")).toBeVisible();
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `front-door-home-${lang}`);

    // One click: the counted election's page.
    await org.locator("a.title[href$='/o/cmi-sp/e/cmi-2023']").click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/o/cmi-sp/e/cmi-2023$`));
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    // Two clicks: its results, from the home page's own link too.
    await page.goBack();
    const counted = page.locator("li.election-item", { has: page.locator("a.title[href$='/e/cmi-2023']") }).first();
    await counted.locator("a[href$='/e/cmi-2023/results']").click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/o/cmi-sp/e/cmi-2023/results$`));
    await expect(page.locator("h1")).toBeVisible();

    // The organization's page lists the same elections, with a way to register.
    await page.goto(`/${lang}`);
    await page.locator("section.organization h3 a", { hasText: ORG_NAME }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/o/cmi-sp$`));
    await expect(page.locator("h1")).toContainText(ORG_NAME);
    await expect(page.locator("a.title[href$='/o/cmi-sp/e/cmi-2025']")).toBeVisible();
    await expect(page.locator(`a[href="/${lang}/join/cmi-sp"]`)).toBeVisible();
    await noSidewaysScroll(page);
    await screenshot(page, testInfo, `organization-${lang}`);

    // An unknown organization is a 404.
    const missing = await page.goto(`/${lang}/o/no-such-org`);
    expect(missing?.status()).toBe(404);
  });
}

test("a verified voter's account page leads to the open ballot (pt-BR, ar)", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const commission = await enrolStaff(browser, `Comissão Porta ${Date.now()}`, "electoral_commission");
  const voter = await verifiedRegistrant(browser, commission, newPerson({ name: `Eleitora Porta ${Date.now()}` }));
  for (const lang of ["pt-BR", "ar"]) {
    await voter.goto(`/${lang}`);
    await voter.locator(".site-header a[href$='/account']").click();
    const now = voter.locator("section.now");
    await expect(now.locator("a[href$='/o/cmi-sp/e/cmi-2025/vote']")).toBeVisible();
    await noSidewaysScroll(voter);
    await screenshot(voter, testInfo, `account-now-${lang}`);
  }
  await voter.locator("section.now a[href$='/o/cmi-sp/e/cmi-2025/vote']").click();
  await expect(voter).toHaveURL(/\/ar\/o\/cmi-sp\/e\/cmi-2025\/vote$/);
  await expect(voter.locator("form.ballot")).toBeVisible();
  await voter.context().close();
  await commission.context().close();
});

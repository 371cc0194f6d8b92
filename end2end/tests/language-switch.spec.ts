import { expect, test } from "@playwright/test";
import { AUTONYMS, LOCALES } from "./helpers/i18n";
import { screenshot, waitForHydration } from "./helpers/page";
import { ROUTES, visitors } from "./helpers/routes";

test("the language switcher links to the same page in another language, and the choice is remembered", async ({ page, context }, testInfo) => {
  // A page with an island (the passkey sign-in): its links are plain links all the same.
  await page.goto("/en/sign-in");
  await waitForHydration(page);

  await page.getByRole("link", { name: AUTONYMS.es }).click();
  await expect(page).toHaveURL(/\/es\/sign-in$/);
  await expect(page.locator("h1")).toHaveText(LOCALES.es.sign_in_title);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");

  await page.getByRole("link", { name: LOCALES.es.nav_about }).click();
  await expect(page).toHaveURL(/\/es\/about$/);
  await expect(page.locator("h1")).toHaveText(LOCALES.es.about_title);

  await page.getByRole("link", { name: AUTONYMS.ar }).click();
  await expect(page).toHaveURL(/\/ar\/about$/);
  await expect(page.locator("h1")).toHaveText(LOCALES.ar.about_title);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page).toHaveTitle(`${LOCALES.ar.about_title} — Voz`);
  await screenshot(page, testInfo, "about-ar");

  // Back in history restores the earlier language.
  await page.goBack();
  await expect(page.locator("h1")).toHaveText(LOCALES.es.about_title);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

  // The choice is remembered: a bare URL now opens in the last language chosen.
  await page.getByRole("link", { name: AUTONYMS.ht }).click();
  await expect(page.locator("h1")).toHaveText(LOCALES.ht.about_title);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "voz_lang")?.value).toBe("ht");
  await page.goto("/");
  await expect(page).toHaveURL(/\/ht$/);
  await screenshot(page, testInfo, "home-ht-after-switch");
});

test("after switching language, every link on every page stays in the new language", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  test.skip(testInfo.project.name !== "desktop", "one project is enough: links do not depend on the width");
  const states = await visitors(browser);
  const wrong: string[] = [];
  for (const route of ROUTES) {
    const context = await browser.newContext({ storageState: states[route.as] });
    const page = await context.newPage();
    await page.goto(`/pt-BR${route.path}`);
    await page.getByRole("link", { name: AUTONYMS.ar }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    // Every link to a page of this site (not a download, an export or the switcher's own
    // other languages) carries the language just chosen.
    const hrefs = await page
      .locator("main a[href^='/'], header a[href^='/'], footer a[href^='/']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    for (const href of hrefs) {
      if (/^\/(export|api|pkg|assets|photos|files)\//.test(href) || href.startsWith("/ar/") || href === "/ar") continue;
      wrong.push(`${route.path || "/"} → ${href}`);
    }
    await context.close();
  }
  expect(wrong, "links left in another language").toEqual([]);
});

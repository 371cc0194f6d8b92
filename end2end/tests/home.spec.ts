import { expect, test } from "@playwright/test";
import { AUTONYMS, LOCALES, LOCALE_TAGS, RTL } from "./helpers/i18n";
import { screenshot, waitForHydration } from "./helpers/page";

test.describe("home page in every language", () => {
  for (const tag of LOCALE_TAGS) {
    test(`renders in ${tag}`, async ({ page }, testInfo) => {
      const t = LOCALES[tag];
      const response = await page.goto(`/${tag}`);
      expect(response?.status()).toBe(200);
      const html = page.locator("html");
      await expect(html).toHaveAttribute("lang", tag);
      await expect(html).toHaveAttribute("dir", RTL.has(tag) ? "rtl" : "ltr");
      await expect(page.locator("h1")).toHaveText(t.home_title);
      await expect(page).toHaveTitle(`${t.tagline} — Voz`);
      await expect(page.locator(".cards h2")).toHaveText([
        t.home_elections_title,
        t.home_conferences_title,
        t.home_calls_title,
        t.home_results_title,
      ]);
      // The switcher names every language in itself and marks the current one.
      const current = page.locator(".languages a[aria-current=true]");
      await expect(current).toHaveText(AUTONYMS[tag]);
      await expect(page.locator(".languages a")).toHaveCount(LOCALE_TAGS.length);
      // A page for reading: server HTML and CSS, no browser bundle.
      await expect(page.locator('link[rel="modulepreload"], script[type="module"]')).toHaveCount(0);
      // Nothing may overflow sideways on a 320 px phone.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, testInfo, `home-${tag}`);
    });
  }
});

test("the server-rendered page is complete without the browser bundle", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/fr/about");
  await expect(page.locator("h1")).toHaveText(LOCALES.fr.about_title);
  // Switching language is a plain link: it works without scripts too.
  await page.getByRole("link", { name: AUTONYMS.ht }).click();
  await expect(page).toHaveURL(/\/ht\/about$/);
  await expect(page.locator("h1")).toHaveText(LOCALES.ht.about_title);
  // The server remembers the choice too, so a bare URL opens in it.
  expect((await context.cookies()).find((c) => c.name === "voz_lang")?.value).toBe("ht");
  await page.goto("/");
  await expect(page).toHaveURL(/\/ht$/);
  await context.close();
});

test("a bare URL goes to the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ar-SY", extraHTTPHeaders: { "Accept-Language": "ar-SY,ar;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/about");
  await expect(page).toHaveURL(/\/ar\/about$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await context.close();
});

test("unknown pages answer 404 in the page's language", async ({ page }) => {
  const response = await page.goto("/es/no-existe");
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText(LOCALES.es.not_found_title);
  await page.getByRole("link", { name: LOCALES.es.back_home }).click();
  await expect(page).toHaveURL(/\/es$/);
});

test("a trailing slash after the language goes to the home page's one address", async ({ page }) => {
  const response = await page.goto("/pt-BR/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/pt-BR$/);
  await expect(page.getByRole("link", { name: LOCALES["pt-BR"].nav_home })).toHaveAttribute("aria-current", "page");
});

test("pages carry a nonce-based Content-Security-Policy and refuse framing", async ({ page }) => {
  // A page that loads the bundle (signing in with a passkey needs the browser).
  const response = await page.goto("/en/sign-in");
  const headers = response?.headers() ?? {};
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce, "CSP with a nonce").toBeTruthy();
  expect(await page.locator(`script[nonce]`).first().getAttribute("nonce")).not.toBeNull();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
  // The bundle runs under that policy (the nonce lets its loader in).
  await waitForHydration(page);
});

test("state-changing requests from another site are refused", async ({ request }) => {
  const refused = await request.post("/api/sign_out", { headers: { Origin: "https://evil.example" } });
  expect(refused.status()).toBe(403);
});

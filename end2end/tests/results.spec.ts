// The public results of the demo's counted election (CMI-2023-like): titulares and
// alternates per segment after the parity rule, ballots, turnout; readable without scripts.
import { expect, test } from "@playwright/test";
import { screenshot } from "./helpers/page";

for (const lang of ["pt-BR", "ar"]) {
  test(`official results, server-rendered (${lang})`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${lang}/o/cmi-sp/e/cmi-2023/results`);
    const seats = { A: 3, B: 2, C: 3 };
    for (const [segment, n] of Object.entries(seats)) {
      const section = page.locator(`#results-${segment}`);
      await expect(section.locator(".result-row.elected")).toHaveCount(n);
      await expect(section.locator(".result-row.alternate")).toHaveCount(n);
    }
    // 1,237 ballots cast in person at 6 stations.
    await expect(page.locator(".ballots-summary dd").first()).toHaveText("1237");
    await expect(page.locator(".parity.met")).toHaveCount(2);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await screenshot(page, testInfo, `results-${lang}`);
    await context.close();
  });
}

test("results are not shown before the count", async ({ page }) => {
  await page.goto("/en/o/cmi-sp/e/cmi-2025/results");
  await expect(page.locator("[role=alert]")).toHaveText("This is not possible at this stage of the election.");
});

import { expect, type Page, type TestInfo } from "@playwright/test";
import path from "node:path";

/** Waits until the page's islands have hydrated, on a page that loads the browser bundle;
 *  a page of server HTML only (reading pages, plain forms) is ready once it has loaded. */
export async function waitForHydration(page: Page) {
  if ((await page.locator('link[rel="modulepreload"]').count()) === 0) return;
  // Generous: a debug bundle on a busy two-core machine can take a while to start.
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

/** The same wait, under the name the newer specs use. */
export const whenReady = waitForHydration;

/** Saves a full-page screenshot under end2end/output/screenshots/<project>/<name>.png. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = path.join(__dirname, "../../output/screenshots", testInfo.project.name, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

/** The page fits its width: nothing scrolls sideways (320 px phones included). */
export async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

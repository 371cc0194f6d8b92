// A cheap phone on a slow network: Chromium with DevTools' "Slow 3G" (2 s round trip,
// 50 KB/s each way) and a 4× slower CPU, cold cache. For each page, two times from the
// start of navigation: readable (first contentful paint: the text is on screen, styled) and
// interactive (a page that loads the bundle: hydrated; a page of server HTML: its forms and
// links work once the document is parsed, DOMContentLoaded). `./dev sizes` prints them.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { visitors } from "../tests/helpers/routes";

type State = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function timings(browser: Browser, route: string, storage?: State) {
  const context = await browser.newContext({ storageState: storage });
  const page = await context.newPage();
  // Records when hydration finishes (the attribute the bundle sets). The script runs before
  // the document has an <html> element, so it watches the document itself.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.documentElement?.dataset.hydrated === "true") {
        (window as unknown as { vozHydrated: number }).vozHydrated = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 2000,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(route, { waitUntil: "load", timeout: 120_000 });
  const bundle = (await page.locator('link[rel="modulepreload"]').count()) > 0;
  if (bundle) {
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 120_000 });
  }
  const t = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const hydrated = (window as unknown as { vozHydrated?: number }).vozHydrated;
    return { readable: paint, parsed: nav.domContentLoadedEventEnd, hydrated };
  });
  await context.close();
  return { readable: t.readable, interactive: bundle ? (t.hydrated ?? NaN) : t.parsed, bundle };
}

test("readable and interactive on a slow phone", async ({ browser }) => {
  test.setTimeout(600_000);
  const states = await visitors(browser);
  const pages: [string, string, State | undefined][] = [
    ["home", "/pt-BR", undefined],
    ["candidate list (election page)", "/pt-BR/o/cmi-sp/e/cmi-2025", undefined],
    ["ballot", "/pt-BR/o/cmi-sp/e/cmi-2025/vote", states.voter],
    ["results", "/pt-BR/o/cmi-sp/e/cmi-2023/results", undefined],
    ["sign-in (the passkey island)", "/pt-BR/sign-in", undefined],
  ];
  const s = (ms: number) => (Number.isNaN(ms) ? "—" : `${(ms / 1000).toFixed(1)} s`);
  const lines = ["| page | readable | interactive | bundle |", "| --- | ---: | ---: | --- |"];
  for (const [name, route, state] of pages) {
    const t = await timings(browser, route, state);
    lines.push(`| ${name} \`${route}\` | ${s(t.readable)} | ${s(t.interactive)} | ${t.bundle ? "yes" : "no"} |`);
  }
  lines.push("", "Slow 3G (2 s round trip, 50 KB/s), CPU 4× slower, cold cache. Goal: readable ≤ 3 s, interactive ≤ 5 s.");
  console.log("\n" + lines.join("\n"));
});

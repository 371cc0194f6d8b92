// What a phone downloads for every page of `voz demo`: each route in a fresh browser
// context (cold cache), with the release server's own compression, counted by Chromium as
// bytes on the wire (encoded body sizes). `./dev sizes` runs it against the release binary,
// which embeds the site; the table it prints is the one in the README ("Page weight").
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { ROUTES, visitors } from "../tests/helpers/routes";

// Budgets (issue 12): before WASM, and in total on a page with an island.
const BEFORE_WASM_BUDGET = 30 * 1024;
const TOTAL_BUDGET = 150 * 1024;

type Row = { route: string; html: number; css: number; js: number; wasm: number; other: number };

/** Loads `route` in a fresh context (with `storage`: signed in), and sums its responses by kind. */
async function measure(browser: Browser, route: string, storage?: Awaited<ReturnType<BrowserContext["storageState"]>>): Promise<Row> {
  const context = await browser.newContext({
    storageState: storage,
    // What a phone's Chromium sends over HTTPS (over plain HTTP it leaves out br).
    extraHTTPHeaders: { "Accept-Encoding": "gzip, deflate, br, zstd" },
  });
  const page = await context.newPage();
  const row: Row = { route, html: 0, css: 0, js: 0, wasm: 0, other: 0 };
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) =>
    pending.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        const url = new URL(request.url()).pathname;
        const kind = request.resourceType();
        if (kind === "document") row.html += bytes;
        else if (kind === "stylesheet") row.css += bytes;
        else if (url.endsWith(".wasm")) row.wasm += bytes;
        else if (kind === "script") row.js += bytes;
        else row.other += bytes;
      }),
    ),
  );
  const response = await page.goto(route, { waitUntil: "networkidle" });
  expect(response?.status(), route).toBeLessThan(500);
  await Promise.all(pending);
  await context.close();
  return row;
}

test("page weight of every route", async ({ browser }) => {
  test.setTimeout(300_000);
  const states = await visitors(browser);
  const kb = (n: number) => (n / 1024).toFixed(1);
  const lines = [
    "| route | as | HTML | CSS | JS | WASM | before WASM | total | budget |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  let over = 0;
  // Every route in Portuguese, and the home page in Arabic (right to left, its own glyphs).
  const pages = [{ path: "", as: "public" as const, lang: "/ar" }, ...ROUTES.map((r) => ({ ...r, lang: "/pt-BR" }))];
  for (const { path, as, lang } of pages) {
    const route = lang + path;
    const r = await measure(browser, route, states[as]);
    const before = r.html + r.css + r.js + r.other;
    const total = before + r.wasm;
    const ok = before <= BEFORE_WASM_BUDGET && total <= TOTAL_BUDGET;
    if (!ok) over++;
    lines.push(
      `| \`${route}\` | ${as === "public" ? "" : as} | ${kb(r.html)} | ${kb(r.css)} | ${kb(r.js)} | ${kb(r.wasm)} | ${kb(before)} | **${kb(total)}** | ${ok ? "within" : "OVER"} |`,
    );
  }
  lines.push("", `KB as received (compressed body + headers), cold cache; ${over} of ${lines.length - 2} routes over budget.`);
  console.log("\n" + lines.join("\n"));
});

test("what the recount downloads when a visitor asks for it", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Encoding": "gzip, deflate, br, zstd" } });
  const page = await context.newPage();
  await page.goto("/pt-BR/o/cmi-sp/e/cmi-2023/results", { waitUntil: "networkidle" });
  const sums = { code: 0, wasm: 0, export: 0 };
  const pending: Promise<void>[] = [];
  page.on("requestfinished", (request) =>
    pending.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        const url = new URL(request.url()).pathname;
        if (url.endsWith(".wasm")) sums.wasm += bytes;
        else if (url.startsWith("/export/")) sums.export += bytes;
        else sums.code += bytes;
      }),
    ),
  );
  const started = Date.now();
  await page.locator("[data-recount]").click();
  await expect(page.locator("section.recount")).toHaveAttribute("data-verdict", "match", { timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  await Promise.all(pending);
  await context.close();
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `\nRecount on this device (cmi-2023, 1,237 ballots), downloaded on the click: WASM ${kb(sums.wasm)} KB, ` +
      `its JS glue ${kb(sums.code)} KB, the export ${kb(sums.export)} KB; verdict in ${seconds.toFixed(1)} s (local network, no throttling).`,
  );
});

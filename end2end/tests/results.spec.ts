// The public results of the demo's counted election (CMI-2023-like): titulares and
// alternates per segment after the parity rule, ballots, turnout; readable without scripts.
import { expect, test } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { screenshot } from "./helpers/page";

for (const lang of ["pt-BR", "ar"] as const) {
  test(`official results, server-rendered (${lang})`, async ({ browser }, testInfo) => {
    const t = LOCALES[lang];
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
    // Every parity swap is said in words: where, who gave up the place, who took it.
    const sentence = new RegExp(
      "^" + t.swap_text.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\{ \w+ \}\}/g, ".+") + "$",
    );
    const swaps = page.locator("[data-testid=parity-swaps] li");
    expect(await swaps.count()).toBeGreaterThan(0);
    for (const text of await swaps.allInnerTexts()) expect(text.trim()).toMatch(sentence);
    // The blank counts say what each counts.
    await expect(page.getByTestId("blank-rule")).toHaveText(t.results_blank_rule);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await screenshot(page, testInfo, `results-${lang}`);
    await context.close();
  });
}

for (const lang of ["pt-BR", "ar"] as const) {
  test(`recount on this device: the 2023 export matches; a tampered one is flagged (${lang})`, async ({ page }, testInfo) => {
    const t = LOCALES[lang];
    const fetched: string[] = [];
    const sent: string[] = [];
    page.on("request", (r) => {
      fetched.push(new URL(r.url()).pathname);
      if (r.method() !== "GET") sent.push(r.url());
    });
    await page.goto(`/${lang}/o/cmi-sp/e/cmi-2023/results`);
    const recount = page.locator("section.recount");
    const button = recount.getByRole("button", { name: t.recount_button });
    await expect(button).toBeVisible();
    // The page alone is light: the recount's WASM and the export come only when asked.
    expect(fetched.filter((p) => p.endsWith(".wasm") || p.startsWith("/export/"))).toEqual([]);

    await button.click();
    await expect(recount).toHaveAttribute("data-verdict", "match", { timeout: 60_000 });
    await expect(recount.locator(".recount-verdict")).toHaveText(t.recount_match);
    const candidates = await page.locator(".segment-results li[data-candidate]").count();
    // One row per candidate, four of ballots (total, valid, blank, null) and the head: all the same.
    await expect(recount.locator("tbody tr[data-same=true]")).toHaveCount(candidates + 5);
    await expect(recount.locator("tr.differs")).toHaveCount(0);
    expect(fetched.some((p) => p.endsWith("voz_recount_bg.wasm"))).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await recount.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `recount-${lang}`);

    // Someone serves a different export: one ballot replaced by a copy of the first (still
    // well formed and in order). The recount and the rebuilt head both disagree.
    await page.route("**/ballots.jsonl", async (route) => {
      const response = await route.fetch();
      const lines = (await response.text()).split("\n");
      const other = lines.findIndex((line) => line !== lines[0]);
      lines[other] = lines[0];
      await route.fulfill({ response, body: lines.join("\n") });
    });
    await button.click();
    await expect(recount).toHaveAttribute("data-verdict", "mismatch", { timeout: 60_000 });
    await expect(recount.locator(".recount-verdict")).toHaveText(t.recount_mismatch);
    await expect(recount.locator("tr.differs").last()).toContainText(t.recount_head);
    await screenshot(page, testInfo, `recount-tampered-${lang}`);
    // Nothing was sent back.
    expect(sent).toEqual([]);
  });
}

test("results are not shown before the count", async ({ page }) => {
  await page.goto("/en/o/cmi-sp/e/cmi-2025/results");
  await expect(page.locator("[role=alert]")).toHaveText("This is not possible at this stage of the election.");
});

test("the bulletin board lists every tracking code with the chain head; downloads match it", async ({ browser, request }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/pt-BR/o/cmi-sp/e/cmi-2023/board");
  await expect(page.locator(".codes li")).toHaveCount(1237);
  const head = (await page.getByTestId("chain-head").innerText()).trim();
  expect(head).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.locator("pre.command")).toContainText(head);
  const shown = await page.locator(".codes li").allInnerTexts();
  expect([...shown].sort()).toEqual(shown);
  await screenshot(page, testInfo, "board-pt-BR");
  await context.close();

  const codes = await request.get("/export/cmi-sp/cmi-2023/tracking-codes.txt");
  expect(codes.status()).toBe(200);
  expect((await codes.text()).trim().split("\n")).toEqual(shown);
  const csv = await request.get("/export/cmi-sp/cmi-2023/results.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const rows = (await csv.text()).trim().split("\n");
  expect(rows[0]).toBe("segment,candidate,name,votes,outcome,rank");
  expect(rows.filter((r) => r.includes(",titular,"))).toHaveLength(8);
  // Nothing is published while voting is open.
  expect((await request.get("/export/cmi-sp/cmi-2025/ballots.jsonl")).status()).toBe(403);
  expect((await request.get("/export/cmi-sp/cmi-2025/results.json")).status()).toBe(403);
  expect((await request.get("/export/cmi-sp/nope/results.json")).status()).toBe(404);
});

test("the official minutes: calendar, rules, stations' closures, results, chain head, signatures", async ({ page }, testInfo) => {
  await page.goto("/pt-BR/o/cmi-sp/e/cmi-2023/results/minutes");
  await expect(page.locator("h1")).toContainText("Ata da apuração");
  await expect(page.locator(".minutes-calendar li")).toHaveCount(9);
  await expect(page.locator(".minutes")).toContainText("5a0a2023");
  // Six stations, each with its signed closure (marks = ballots).
  const stations = page.locator(".minutes-table").first().locator("tbody tr");
  await expect(stations).toHaveCount(6);
  await expect(stations.first().locator("td").nth(1)).not.toBeEmpty();
  await expect(page.locator(".minutes .chain-head")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.locator(".signature-line")).toHaveCount(3);
  await screenshot(page, testInfo, "minutes-pt-BR");
});

// A segment's name is shown in the reader's language, marked as such; a reader of a
// translation has the original (Portuguese, as the commission wrote it) one tap away.
test("segment names in the reader's language, the original one tap away (pt-BR, ar)", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/ar/o/cmi-sp/e/cmi-2023");
  const heading = page.locator("#segment-A h3 span");
  await expect(heading).toHaveAttribute("lang", "ar");
  await expect(heading).toHaveAttribute("dir", "rtl");
  await expect(heading).toHaveText("أ — منظمات المهاجرين");
  const original = page.locator("#segment-A details.original");
  await expect(original.locator("span")).not.toBeVisible();
  await original.locator("summary").click();
  await expect(original.locator("span")).toHaveAttribute("lang", "pt-BR");
  await expect(original.locator("span")).toHaveText("A — Organizações de imigrantes");
  await screenshot(page, testInfo, "segment-original-ar");
  await page.goto("/pt-BR/o/cmi-sp/e/cmi-2023");
  await expect(page.locator("#segment-A h3 span")).toHaveAttribute("lang", "pt-BR");
  await expect(page.locator("#segment-A details.original")).toHaveCount(0);
  await context.close();
});

// Voting online: the ballot page (with and without the browser bundle), its CSS-only review
// step and the tracking code; one ballot per person over HTTP, whatever the attempts.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { screenshot } from "./helpers/page";
import { newPerson, registerAtHelpDesk } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";

const origin = () => ({ Origin: process.env.VOZ_E2E_PUBLIC_URL! });

/** An enabled voter registered at the help desk, signed in by access code in a new context. */
async function voterContext(browser: Browser, javaScriptEnabled = true): Promise<BrowserContext> {
  const desk = await enrolStaff(browser, `Mesária ${Date.now()}`, "poll_worker");
  const code = await registerAtHelpDesk(desk, newPerson({ name: `Votante ${Date.now()}` }));
  await desk.context().close();
  const context = await browser.newContext({ javaScriptEnabled });
  const signIn = await context.request.post("/api/sign_in/code", { form: { code }, headers: origin() });
  expect(signIn.status()).toBe(200);
  return context;
}

for (const { lang, js } of [
  { lang: "pt-BR", js: true },
  { lang: "ar", js: false },
]) {
  test(`the ballot: choose, review, cast, tracking code (${lang}, ${js ? "JavaScript on" : "without JavaScript"})`, async ({ browser }, testInfo) => {
    const t = LOCALES[lang as "pt-BR" | "ar"];
    const context = await voterContext(browser, js);
    const page = await context.newPage();
    // The ballot and the receipt are server HTML and CSS only: no browser bundle is loaded.
    const bundle: string[] = [];
    page.on("request", (r) => {
      if (/\/pkg\/.*\.(js|wasm)$/.test(new URL(r.url()).pathname)) bundle.push(r.url());
    });
    await page.goto(`/${lang}/o/cmi-sp/e/cmi-2025/vote`);
    const segments = page.locator("fieldset.segment-choices");
    await expect(segments).toHaveCount(3);
    await expect(segments.nth(0).locator(".choice")).toHaveCount(10); // 9 candidates + blank
    // A: the second candidate; B: explicitly blank; C: nobody (an under-vote).
    const a = segments.nth(0).locator(".choice").nth(1);
    const aName = (await a.locator(".candidate-name").innerText()).trim();
    await a.locator("label").click();
    await segments.nth(1).locator(".blank-choice label").click();
    await screenshot(page, testInfo, `ballot-${lang}`);
    // Casting is only offered on the review step.
    await expect(page.locator(".only-reviewing button[type=submit]")).toBeHidden();

    await page.locator("label[for=review-step]").first().click();
    await expect(page.locator(".review-banner")).toBeVisible();
    await expect(segments.nth(0).locator(".choice:visible")).toHaveCount(1);
    await expect(segments.nth(0).locator(".choice:visible")).toContainText(aName);
    await expect(segments.nth(1).locator(".blank-choice")).toBeVisible();
    await expect(segments.nth(1).locator(".undervote")).toBeHidden();
    await expect(segments.nth(2).locator(".undervote")).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await screenshot(page, testInfo, `ballot-review-${lang}`);

    // Changing one's mind goes back with the choices kept.
    await page.locator(".only-reviewing label[for=review-step]").click();
    await expect(segments.nth(2).locator(".choice")).toHaveCount(11);
    await segments.nth(2).locator(".choice").nth(0).locator("label").click();
    await page.locator("label[for=review-step]").first().click();
    await page.locator(".only-reviewing button[type=submit]").click();

    await expect(page).toHaveURL(new RegExp(`/${lang}/o/cmi-sp/e/cmi-2025/voted$`));
    const code = page.getByTestId("tracking-code");
    await expect(code).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await screenshot(page, testInfo, `receipt-${lang}`);
    expect(bundle).toEqual([]);
    const shown = (await code.innerText()).trim();
    // The receipt says what is published, and when.
    await expect(page.getByTestId("receipt-published")).toContainText(t.board_mode_separate);
    // Shown again on this device while its voter is signed in…
    await page.reload();
    await expect(page.getByTestId("tracking-code")).toHaveText(shown);

    // The same person cannot vote again, in this tab or any other; the ballot page leads
    // back to the receipt.
    await page.goto(`/${lang}/o/cmi-sp/e/cmi-2025/vote`);
    await expect(page.locator("form.ballot")).toHaveCount(0);
    await expect(page.locator(".notice").first()).toBeVisible();
    await page.getByRole("link", { name: t.receipt_again }).click();
    await expect(page.getByTestId("tracking-code")).toHaveText(shown);
    // …and gone once they sign out: whoever uses this device next cannot read it.
    await page.getByRole("link", { name: t.nav_account }).click();
    await page.getByRole("button", { name: t.sign_out }).click();
    await page.goto(`/${lang}/o/cmi-sp/e/cmi-2025/voted`);
    await expect(page.getByTestId("tracking-code")).toHaveCount(0);
    await context.close();
  });
}

test("one ballot per person over HTTP; bad and late ballots are refused", async ({ browser }) => {
  const context = await voterContext(browser);
  const page = await context.newPage();
  await page.goto("/en/o/cmi-sp/e/cmi-2025/vote");
  const ids = (segment: number) =>
    page.locator("fieldset.segment-choices").nth(segment).locator(".choice input[value^=c]").evaluateAll((inputs) =>
      inputs.map((i) => (i as HTMLInputElement).value),
    );
  const [a, b, c] = [await ids(0), await ids(1), await ids(2)];
  const cast = (ballot: object, election = "cmi-2025") =>
    context.request.post("/api/vote/cast", {
      data: { organization: "cmi-sp", election, ballot },
      headers: origin(),
    });
  const wrongSegment = await cast({ choices: { A: [b[0]] } });
  expect(wrongSegment.status()).toBe(422);
  const tooMany = await cast({ choices: { A: [a[0], a[1]] } });
  expect(tooMany.status()).toBe(422);
  const first = await cast({ choices: { A: [a[1]], B: [], C: [c[2]] } });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const attempts = await Promise.all([0, 1, 2].map(() => cast({ choices: { A: [a[0]], B: [b[0]], C: [c[0]] } })));
  for (const again of attempts) {
    expect(again.status()).toBe(409);
    expect(await again.json()).toEqual({ code: "already_voted" });
  }
  // An election that is not voting refuses ballots.
  const closed = await cast({ choices: { A: [] } }, "cmi-2023");
  expect(closed.status()).toBe(409);
  await context.close();
});

test("a whole vote by keyboard alone, the focus always visible; a refused ballot's reason is announced and focused (ar)", async ({ browser }, testInfo) => {
  const context = await voterContext(browser, false);
  const page = await context.newPage();
  await page.goto("/ar/o/cmi-sp/e/cmi-2025/vote");
  /** What has the focus, and whether the page shows where (an outline on it or its row). */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const ring = (e: Element | null) => !!e && getComputedStyle(e).outlineStyle !== "none" && getComputedStyle(e).outlineWidth !== "0px";
      const switchLabel = document.querySelector(".actions label[for=review-step]");
      const visible = ring(el) || ring(el.closest(".choice")) || (el.id === "review-step" && ring(switchLabel));
      return { id: el.id, tag: el.tagName, type: el.getAttribute("type"), name: el.getAttribute("name"), visible };
    });
  const tabTo = async (wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = "Tab") => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(key);
      const f = await focused();
      expect(f.visible, `focus on ${f.tag}#${f.id} is visible`).toBe(true);
      if (wanted(f)) return f;
    }
    throw new Error("never reached");
  };
  const segments = page.locator("fieldset.segment-choices");
  // A: Tab into the first group, then the arrow keys choose (the second candidate).
  await tabTo((f) => f.name === "pick[A][one]");
  await page.keyboard.press("ArrowDown");
  const chosenA = segments.nth(0).locator("input:checked");
  await expect(chosenA).toHaveCount(1);
  const chosenId = await chosenA.getAttribute("id");
  await expect(page.locator(`#${chosenId}`)).toBeFocused();
  // B: blank, the last option of the group (arrow up from the first wraps to it).
  await tabTo((f) => f.name === "pick[B][one]");
  await page.keyboard.press("ArrowUp");
  await expect(segments.nth(1).locator(".blank-choice input")).toBeChecked();
  // C is left alone; the next stop after the choices is the review switch.
  await tabTo((f) => f.id === "review-step");
  await page.keyboard.press("Space");
  await expect(page.locator(".review-banner")).toBeVisible();
  await expect(segments.nth(0).locator(".choice:visible")).toHaveCount(1);
  await screenshot(page, testInfo, "ballot-keyboard-review-ar");
  // Shift-Tab and Tab move between the switch and the cast button; Enter casts.
  const cast = await tabTo((f) => f.tag === "BUTTON" && f.type === "submit");
  expect(cast.visible).toBe(true);
  await page.keyboard.press("Shift+Tab");
  expect((await focused()).id).toBe("review-step");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ar\/o\/cmi-sp\/e\/cmi-2025\/voted$/);
  await expect(page.getByTestId("tracking-code")).toBeVisible();

  // A refused ballot (here: sent again by someone who already voted, through a stale
  // form) comes back with its reason announced and focused.
  const again = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const stale = await again.newPage();
  await stale.goto("/ar/o/cmi-sp/e/cmi-2025/vote");
  await expect(stale.locator("form.ballot")).toHaveCount(0);
  const form = await stale.request.post("/api/vote/ballot", {
    form: { organization: "cmi-sp", election: "cmi-2025", locale: "ar", "pick[A][one]": "nobody" },
    headers: { ...origin(), Accept: "text/html" },
    maxRedirects: 0,
  });
  expect([302, 303]).toContain(form.status());
  await stale.goto(form.headers()["location"]);
  const alert = stale.locator("p.error[role=alert]");
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  await screenshot(stale, testInfo, "ballot-refused-focus-ar");
  await again.close();
  await context.close();
});

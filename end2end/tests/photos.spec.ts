// Candidate photos: sent from the candidacy page by a plain form, refused with a translated
// error when they are not a picture, re-encoded small; private until the final list, then
// public beside the name.
import { expect, test, type Page } from "@playwright/test";
import { ORG, configureElection, fileCandidacy, movePhase, verifiedRegistrant } from "./helpers/elections";
import { screenshot, waitForHydration, whenReady } from "./helpers/page";
import { newPerson } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";

/** A 900 × 600 PNG drawn in the page (red left, blue right), as a phone gallery would give. */
async function drawnPng(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 900;
    canvas.height = 600;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#c0392b";
    g.fillRect(0, 0, 450, 600);
    g.fillStyle = "#2c3e9b";
    g.fillRect(450, 0, 450, 600);
    return canvas.toDataURL("image/png").split(",")[1];
  });
  return Buffer.from(base64, "base64");
}

async function send(page: Page, file?: { name: string; mimeType: string; buffer: Buffer }) {
  if (file) await page.locator("#photo").setInputFiles(file);
  await page.locator(".photo-form button[value=save]").click();
}

test("a candidate's photo: refused when it is no picture, private until the final list, then beside the name", async ({ browser, playwright }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "creates its own election; once per run");
  test.setTimeout(180_000);
  const stamp = Date.now() % 1_000_000;
  const election = `photos-${stamp}`;
  const name = `Marie Joseph ${stamp}`;
  const commission = await enrolStaff(browser, `Comissão fotos ${stamp}`, "electoral_commission");
  await configureElection(commission, election, `Fotos ${stamp}`);
  await movePhase(commission, "Inscrição de candidaturas");

  const candidate = await verifiedRegistrant(browser, commission, newPerson({ name, gender: "woman" }));
  await fileCandidacy(candidate, election, { segment: "C" });
  const section = candidate.locator(".photo-section");
  await expect(section).toContainText("Ainda sem foto.");
  await expect(section.locator(".candidate-photo.initials")).toHaveText("MJ");

  // Bad input: nothing chosen, then a text file named like a photo. Translated, nothing stored.
  await send(candidate);
  await expect(candidate.locator(".error")).toContainText("Escolha uma foto antes de enviar.");
  await send(candidate, { name: "foto.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<script>alert(1)</script>") });
  await expect(candidate.locator(".error")).toContainText("Não conseguimos ler esta imagem");
  await expect(section).toContainText("Ainda sem foto.");

  // A real picture: saved, shown as a 240 px square.
  const png = await drawnPng(candidate);
  await send(candidate, { name: "eu.png", mimeType: "image/png", buffer: png });
  await expect(candidate.locator("[role=status]")).toHaveText("Foto salva.");
  const mine = section.locator("img.candidate-photo");
  await expect(mine).toBeVisible();
  await expect.poll(() => mine.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  const src = (await mine.getAttribute("src"))!;
  expect(src).toMatch(new RegExp(`^/photos/${ORG}/${election}/c\\d+\\.jpg\\?v=[0-9a-f]{16}$`));

  // Removed and sent again: both work while candidacies are open.
  await candidate.locator(".photo-form button[value=remove]").click();
  await expect(candidate.locator("[role=status]")).toHaveText("Foto removida.");
  await expect(section.locator(".candidate-photo.initials")).toBeVisible();
  await send(candidate, { name: "eu.png", mimeType: "image/png", buffer: png });
  await expect(candidate.locator("[role=status]")).toHaveText("Foto salva.");
  await candidate.goto(`/ar/o/${ORG}/e/${election}/candidacy`);
  await waitForHydration(candidate);
  await expect(candidate.locator(".photo-section h2")).toHaveText("الصورة");
  await screenshot(candidate, testInfo, "candidacy-photo-ar");

  // Not public yet: strangers get 404, the candidate and the commission see it.
  const stranger = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  expect((await stranger.get(src)).status()).toBe(404);
  expect((await candidate.request.get(src)).status()).toBe(200);
  // (Verifying the candidate took the commission to the review queue.)
  await commission.goto(`/pt-BR/staff/${ORG}/elections/${election}`);
  await whenReady(commission);
  await movePhase(commission, "Análise das candidaturas");
  const card = commission.locator(".candidacy", { hasText: name });
  await expect(card.locator("img.candidate-photo")).toBeVisible();
  await card.getByRole("button", { name: "Aceitar" }).click();
  await expect(card.locator(".candidacy-status")).toHaveText("Aceita");

  // Under review the photo is what the commission saw: no more changes.
  await candidate.goto(`/pt-BR/o/${ORG}/e/${election}/candidacy`);
  await waitForHydration(candidate);
  await expect(candidate.locator(".photo-form")).toHaveCount(0);

  // The final list makes it public, cacheable, and free of metadata.
  await movePhase(commission, "Recursos");
  await movePhase(commission, "Lista final");
  const response = await stranger.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  expect(response.headers()["cache-control"]).toContain("immutable");
  const jpeg = await response.body();
  expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  expect(jpeg.includes("Exif")).toBe(false);

  const reader = await browser.newPage();
  await reader.goto(`/ar/o/${ORG}/e/${election}`);
  // Counts in Arabic take CLDR plural forms: one station, one seat, one alternate.
  await expect(reader.locator("summary", { hasText: "مركز اقتراع واحد" })).toBeVisible();
  await expect(reader.getByText("مقعد أصلي واحد واحتياطي واحد").first()).toBeVisible();
  const listed = reader.locator(".candidate", { hasText: name });
  await expect(listed.locator("img.candidate-photo")).toHaveAttribute("src", src);
  await expect.poll(() => listed.locator("img.candidate-photo").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
  await listed.scrollIntoViewIfNeeded();
  await screenshot(reader, testInfo, "election-photos-ar");
  await stranger.dispose();
});

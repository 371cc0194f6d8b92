// Registration with a real passkey (CDP virtual authenticator), sign-out, sign-in again,
// refused duplicates and bad input. Each screen is photographed in pt-BR and Arabic.
import { expect, test } from "@playwright/test";
import { LOCALES } from "./helpers/i18n";
import { screenshot, waitForHydration } from "./helpers/page";
import { expectSignedInAs, fillRegistration, newPerson, submitRegistration } from "./helpers/register";
import { addVirtualAuthenticator } from "./helpers/webauthn";

for (const tag of ["pt-BR", "ar"] as const) {
  test(`register with a passkey, sign out, sign in again (${tag})`, async ({ page }, testInfo) => {
    const t = LOCALES[tag];
    const authenticator = await addVirtualAuthenticator(page);
    await page.goto(`/${tag}/join/cmi-sp`);
    await waitForHydration(page);
    await expect(page.locator("h1")).toHaveText(t.register_title);
    await screenshot(page, testInfo, `register-${tag}`);

    const person = newPerson({ name: tag === "ar" ? "فاطمة الحسن" : "Maria Quispe" });
    await fillRegistration(page, person);
    await submitRegistration(page);

    await expectSignedInAs(page, person.name);
    await expect(page.locator(".success")).toHaveText(t.register_done);
    await expect(page.locator(".status")).toHaveText(t.status_pending);
    expect(await authenticator.credentials()).toHaveLength(1);
    await screenshot(page, testInfo, `account-${tag}`);

    await page.getByRole("button", { name: t.sign_out }).click();
    await expect(page).toHaveURL(new RegExp(`/${tag}$`));
    await page.goto(`/${tag}/account`);
    await expect(page.getByRole("link", { name: t.nav_sign_in }).last()).toBeVisible();

    await page.goto(`/${tag}/sign-in`);
    await waitForHydration(page);
    await screenshot(page, testInfo, `sign-in-${tag}`);
    await page.getByRole("button", { name: t.sign_in_passkey }).click();
    await expectSignedInAs(page, person.name);
  });
}

test("a second registration with the same document is refused", async ({ browser }) => {
  const t = LOCALES["pt-BR"];
  const person = newPerson();
  for (const attempt of [1, 2]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await addVirtualAuthenticator(page);
    await page.goto("/pt-BR/join/cmi-sp");
    await waitForHydration(page);
    await fillRegistration(page, { ...person, name: `Pessoa ${attempt}`, documentNumber: attempt === 1 ? person.documentNumber : ` ${person.documentNumber.toLowerCase()} ` });
    await submitRegistration(page);
    if (attempt === 1) {
      await expectSignedInAs(page, "Pessoa 1");
    } else {
      await expect(page.locator("#document_number-error")).toHaveText(t.problem_already_registered);
      await expect(page).toHaveURL(/\/join\/cmi-sp$/);
    }
    await context.close();
  }
});

test("bad input gets a translated error per field and stores nothing", async ({ page }, testInfo) => {
  const t = LOCALES.ar;
  const authenticator = await addVirtualAuthenticator(page);
  await page.goto("/ar/join/cmi-sp");
  await waitForHydration(page);
  const person = newPerson({ name: "<script>alert(1)</script>", birthDate: "2015-01-01" });
  await fillRegistration(page, person);
  await page.locator("#residence_declared").uncheck();
  await submitRegistration(page);
  await expect(page.locator("#display_name-error")).toHaveText(t.problem_forbidden_characters);
  await expect(page.locator("#birth_date-error")).toHaveText(t.problem_under_age.replace("{{ min }}", "16"));
  await expect(page.locator("#residence_declared-error")).toHaveText(t.problem_declaration_required);
  await expect(page.locator("#display_name")).toHaveAttribute("aria-describedby", "display_name-error");
  await screenshot(page, testInfo, "register-errors-ar");
  // Refused before any passkey was made: nothing exists for this person.
  expect(await authenticator.credentials()).toHaveLength(0);
});

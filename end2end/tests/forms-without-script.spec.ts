// Forms that never lose or leak what was typed: the registration form sent without
// JavaScript (or before the page's script arrived) posts, keeps every answer for the page
// it comes back to, puts nothing of it in the address, and says what to do instead.
import { expect, test } from "@playwright/test";
import { screenshot } from "./helpers/page";
import { fillRegistration, newPerson, submitRegistration } from "./helpers/register";

test("registration without JavaScript keeps the answers, leaks none into the address (pt-BR, ar)", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const lang of ["pt-BR", "ar"]) {
    const person = newPerson({ name: `Sem Script ${lang} ${Date.now()}` });
    await page.goto(`/${lang}/join/cmi-sp`);
    await fillRegistration(page, person);
    await submitRegistration(page);
    await expect(page).toHaveURL(new RegExp(`/${lang}/join/cmi-sp(\\?|$)`));
    for (const secret of [person.documentNumber, person.birthDate, "Sem"]) {
      expect(page.url()).not.toContain(secret);
    }
    // What went wrong, and the way on: JavaScript, or a help desk's printed code.
    await expect(page.locator("[role=alert]").filter({ hasText: "JavaScript" }).first()).toBeVisible();
    // Every answer is back in its field.
    await expect(page.locator("#display_name")).toHaveValue(person.name);
    await expect(page.locator("#birth_date")).toHaveValue(person.birthDate);
    await expect(page.locator("#document_number")).toHaveValue(person.documentNumber);
    await expect(page.locator("#district")).toHaveValue(person.district);
    await screenshot(page, testInfo, `register-no-script-${lang}`);
    // A field left wrong is named under it, and the rest is still kept.
    await page.locator("#birth_date").fill("");
    await submitRegistration(page);
    await expect(page.locator("#birth_date-error")).not.toBeEmpty();
    await expect(page.locator("#document_number")).toHaveValue(person.documentNumber);
    expect(page.url()).not.toContain(person.documentNumber);
    // The error far from the button is summed up at the top, focused, with a link to it.
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.locator("a")).toHaveCount(1);
    await expect(summary.locator("a")).toHaveAttribute("href", "#birth_date");
    await expect(summary.locator("a")).toContainText(await page.locator("#birth_date-error").innerText());
    await screenshot(page, testInfo, `register-error-summary-${lang}`);
  }
  await context.close();
});

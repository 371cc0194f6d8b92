import { execFileSync } from "node:child_process";
import { expect, type Browser, type Page } from "@playwright/test";
import { waitForHydration } from "./page";
import { addVirtualAuthenticator } from "./webauthn";

/** Runs `voz <args>` against the test server's database. */
export function voz(...args: string[]): string {
  return execFileSync(process.env.VOZ_E2E_BIN!, args, {
    env: {
      ...process.env,
      DATABASE_URL: process.env.VOZ_E2E_DATABASE_URL,
      VOZ_SECRET_FILE: process.env.VOZ_E2E_SECRET_FILE,
      VOZ_PUBLIC_URL: process.env.VOZ_E2E_PUBLIC_URL,
      VOZ_LOG: "warn",
    },
  }).toString();
}

/** A new staff member of `org` (cmi-sp unless said), enrolled through a CLI invitation,
 *  signed in with a passkey. */
export async function enrolStaff(browser: Browser, name: string, role = "administrator", lang = "pt-BR", org = "cmi-sp"): Promise<Page> {
  const link = voz("admin", "invite", "--org", org, "--role", role).trim();
  const path = new URL(link).pathname.replace(/^\/[^/]+/, `/${lang}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  await page.goto(path);
  await waitForHydration(page);
  await page.locator("#display_name").fill(name);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("h1")).toHaveText(name);
  return page;
}

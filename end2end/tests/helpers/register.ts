import { expect, type Page } from "@playwright/test";

export interface Person {
  name: string;
  nationality: string; // ISO code or "stateless"
  birthDate: string; // YYYY-MM-DD
  district: string;
  gender: string; // code
  documentType: string; // code
  documentNumber: string;
  preferredLocale?: string; // the page's language when absent
}

let counter = 0;

/** A birth date between 1950 and 1999, different for (almost) every person: Voz flags
 *  registrations that share a birth date and a similar name as possibly one person. */
function randomBirthDate(): string {
  const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(Math.random() * 18_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A person with a document number no other test uses. */
export function newPerson(overrides: Partial<Person> = {}): Person {
  counter += 1;
  return {
    name: `María Quispe ${counter}`,
    nationality: "BO",
    birthDate: randomBirthDate(),
    district: "Mooca",
    gender: "woman",
    documentType: "passport",
    documentNumber: `E2E-${Date.now()}-${counter}-${Math.floor(Math.random() * 1e6)}`,
    ...overrides,
  };
}

/** Fills the registration form of /<lang>/join/cmi-sp (page already open and hydrated). */
export async function fillRegistration(page: Page, person: Person) {
  await page.locator("#display_name").fill(person.name);
  if (person.preferredLocale) await page.locator("#preferred_locale").selectOption(person.preferredLocale);
  await page.locator("#nationality_1").selectOption(person.nationality);
  await page.locator("#birth_date").fill(person.birthDate);
  await page.locator("#district").selectOption(person.district);
  await page.locator("#gender").selectOption(person.gender);
  await page.locator("#document_type").selectOption(person.documentType);
  await page.locator("#document_number").fill(person.documentNumber);
  await page.locator("#residence_declared").check();
}

export async function submitRegistration(page: Page) {
  await page.locator("form.registration-form button[type=submit]").click();
}

/** Registers `person` at the help desk of cmi-sp (as `desk`, a poll worker or the
 *  commission) and returns the access code printed for them. */
export async function registerAtHelpDesk(desk: Page, person: Person, lang = "pt-BR"): Promise<string> {
  await desk.goto(`/${lang}/staff/cmi-sp/helpdesk`);
  await fillRegistration(desk, person);
  await submitRegistration(desk);
  const card = desk.locator(".access-card .card-code");
  await expect(card).toBeVisible();
  return (await card.innerText()).trim();
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page).toHaveURL(/\/account/);
  await expect(page.locator("h1")).toHaveText(name);
}

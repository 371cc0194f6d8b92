// Casting over HTTP (the ballot page comes next): one ballot per person, whatever the
// channel or the number of attempts; a bad ballot is refused and stores nothing.
import { expect, test } from "@playwright/test";
import { waitForHydration } from "./helpers/page";
import { fillRegistration, newPerson } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";

test("a voter casts once; a second ballot is refused", async ({ browser }) => {
  const desk = await enrolStaff(browser, `Mesária ${Date.now()}`, "poll_worker");
  await desk.goto("/pt-BR/staff/cmi-sp/helpdesk");
  await waitForHydration(desk);
  await fillRegistration(desk, newPerson({ name: `Votante ${Date.now()}` }));
  await desk.locator("form button[type=submit]").click();
  const code = (await desk.locator(".access-card .card-code").innerText()).trim();

  const context = await browser.newContext();
  const origin = { Origin: process.env.VOZ_E2E_PUBLIC_URL! };
  const signIn = await context.request.post("/api/sign_in/code", { form: { code }, headers: origin });
  expect(signIn.status()).toBe(200);

  const cast = (ballot: object) =>
    context.request.post("/api/vote/cast", {
      data: { organization: "cmi-sp", election: "cmi-2025", ballot },
      headers: origin,
    });
  const bad = await cast({ choices: { A: ["B01"] } });
  expect(bad.status()).toBe(422);
  const first = await cast({ choices: { A: ["A02"], B: [], C: ["C03"] } });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const second = await cast({ choices: { A: ["A01"], B: ["B01"], C: ["C01"] } });
  expect(second.status()).toBe(409);
  expect(await second.json()).toEqual({ code: "already_voted" });

  // An election that is not voting refuses ballots.
  const closed = await context.request.post("/api/vote/cast", {
    data: { organization: "cmi-sp", election: "cmi-2023", ballot: { choices: { A: ["A01"] } } },
    headers: origin,
  });
  expect(closed.status()).toBe(409);
  await context.close();
});

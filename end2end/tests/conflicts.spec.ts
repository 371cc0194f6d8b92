// A commissioner who may not judge a candidacy (a relative) declares a conflict of
// interest on it, with a reason: from then on the commission page says so and offers them
// no decision on it; another commissioner decides it. (The server refuses them too: see the
// store test `a_declared_conflict_leaves_the_decision_to_others`.)
import { expect, test } from "@playwright/test";
import { ORG, configureElection, fileCandidacy, movePhase, verifiedRegistrant } from "./helpers/elections";
import { screenshot, whenReady } from "./helpers/page";
import { newPerson } from "./helpers/register";
import { enrolStaff } from "./helpers/staff";

test("a declared conflict of interest leaves the decision to another commissioner (pt-BR, ar)", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one election per run");
  test.setTimeout(180_000);
  const stamp = Date.now() % 1_000_000;
  const election = `conflito-${stamp}`;
  const commission = await enrolStaff(browser, `Comissária ${stamp}`, "electoral_commission");
  await configureElection(commission, election, `Conflito ${stamp}`);
  await movePhase(commission, "Inscrição de candidaturas");
  const sister = `Rosa Mamani ${stamp}`;
  await fileCandidacy(await verifiedRegistrant(browser, commission, newPerson({ name: sister, gender: "woman" })), election, { segment: "C" });
  await commission.goto(`/pt-BR/staff/${ORG}/elections/${election}`);
  await whenReady(commission);
  await movePhase(commission, "Análise das candidaturas");

  const card = commission.locator(".candidacy", { hasText: sister });
  await expect(card.getByRole("button", { name: "Aceitar", exact: true })).toBeVisible();
  await card.locator("details.conflict summary").click();
  await card.locator("textarea[id^=conflict-]").fill("É minha irmã.");
  await card.getByRole("button", { name: "Declarar", exact: true }).click();
  const after = commission.locator(".candidacy", { hasText: sister });
  await expect(after.locator(".conflicted")).toHaveText(/conflito de interesse/);
  await expect(after.getByRole("button", { name: "Aceitar", exact: true })).toHaveCount(0);
  await screenshot(commission, testInfo, "commission-conflict-pt-BR");

  // In Arabic, the same card says the same thing, right to left.
  await commission.goto(`/ar/staff/${ORG}/elections/${election}`);
  await whenReady(commission);
  await expect(commission.locator(".candidacy", { hasText: sister }).locator(".conflicted")).toHaveText(/تضارب في المصالح/);
  await screenshot(commission, testInfo, "commission-conflict-ar");

  // Another commissioner decides it.
  const colleague = await enrolStaff(browser, `Comissário ${stamp}`, "electoral_commission");
  await colleague.goto(`/pt-BR/staff/${ORG}/elections/${election}`);
  await whenReady(colleague);
  const theirs = colleague.locator(".candidacy", { hasText: sister });
  await theirs.getByRole("button", { name: "Aceitar", exact: true }).click();
  await expect(colleague.locator(".candidacy", { hasText: sister }).locator(".candidacy-status")).toHaveText("Aceita");
});

// Every page of `voz demo`, and who looks at it: the page-weight table (`./dev sizes`) and
// the accessibility check visit the same list.
import { expect, type Browser, type BrowserContext } from "@playwright/test";
import { newPerson, registerAtHelpDesk } from "./register";
import { enrolStaff } from "./staff";

export type Visitor = "public" | "voter" | "administrator";
type State = Awaited<ReturnType<BrowserContext["storageState"]>>;

const E = "/o/cmi-sp/e";
const STAFF = "/staff/cmi-sp";

/** Paths without their language prefix. */
export const ROUTES: { path: string; as: Visitor }[] = [
  { path: "", as: "public" },
  { path: "/about", as: "public" },
  { path: "/no-such-page", as: "public" },
  { path: "/join/cmi-sp", as: "public" },
  { path: "/sign-in", as: "public" },
  { path: "/code", as: "public" },
  { path: "/o/cmi-sp", as: "public" },
  { path: `${E}/cmi-2025`, as: "public" },
  { path: `${E}/cmi-2027`, as: "public" },
  { path: `${E}/cmi-2023/results`, as: "public" },
  { path: `${E}/cmi-2023/board`, as: "public" },
  { path: `${E}/cmi-2025/check?code=ABCD-EFGH-JKMN-PQRS`, as: "public" },
  { path: `${E}/cmi-2023/results/minutes`, as: "public" },
  { path: "/o/cmi-sp/c/conf-2019", as: "public" },
  { path: "/o/cmi-sp/c/conf-2019/events/pre-conferencia-regional-centro", as: "public" },
  { path: "/o/cmi-sp/c/conf-2019/proposals/1", as: "public" },
  { path: "/o/cmi-sp/c/conf-2019/consolidated/E1-1", as: "public" },
  { path: "/o/cmi-sp/c/conf-2019/plenary", as: "public" },
  { path: "/o/cmi-sp/c/conf-2019/proposals?q=portugu%C3%AAs", as: "public" },
  { path: "/o/cmi-sp/c/conf-2019/plan", as: "public" },
  { path: "/o/idpac-bogota/calls/panas-y-parces", as: "public" },
  { path: "/o/idpac-bogota/calls/panas-y-parces/results", as: "public" },
  { path: "/o/idpac-bogota/calls/panas-y-parces/winners", as: "public" },
  { path: "/o/idpac-bogota/calls/panas-y-parces-2027/apply", as: "voter" },
  { path: "/inbox", as: "voter" },
  { path: `${E}/cmi-2025/vote`, as: "voter" },
  { path: "/account", as: "voter" },
  { path: "/o/cmi-sp/c/conf-2027/free-conference", as: "voter" },
  { path: "/o/cmi-sp/c/conf-2027/events/pre-conferencia-regional-centro-2027", as: "voter" },
  { path: "/o/cmi-sp/c/conf-2019/proposals/1", as: "voter" },
  { path: "/o/cmi-sp/c/conf-2019/plenary/vote", as: "voter" },
  { path: `${E}/cmi-2027/candidacy`, as: "administrator" },
  { path: "/account", as: "administrator" },
  { path: STAFF, as: "administrator" },
  { path: `${STAFF}/review`, as: "administrator" },
  { path: `${STAFF}/helpdesk`, as: "administrator" },
  { path: `${STAFF}/team`, as: "administrator" },
  { path: `${STAFF}/settings`, as: "administrator" },
  { path: `${STAFF}/audit`, as: "administrator" },
  { path: `${STAFF}/elections`, as: "administrator" },
  { path: `${STAFF}/elections/new`, as: "administrator" },
  { path: `${STAFF}/elections/cmi-2027`, as: "administrator" },
  { path: `${STAFF}/stations`, as: "administrator" },
  { path: `${STAFF}/conferences`, as: "administrator" },
  { path: `${STAFF}/conferences/conf-2019/reports`, as: "administrator" },
  { path: `${STAFF}/conferences/new`, as: "administrator" },
  { path: `${STAFF}/calls/new`, as: "administrator" },
  { path: `${STAFF}/conferences/conf-2027/pre-conference`, as: "administrator" },
  { path: `${STAFF}/conferences/conf-2019/consolidation?theme=7`, as: "administrator" },
  { path: `${STAFF}/conferences/conf-2019/plenary`, as: "administrator" },
  { path: `${STAFF}/conferences/conf-2019/plan`, as: "administrator" },
  { path: `${STAFF}/conferences/conf-2019/texts`, as: "administrator" },
  { path: "/o/cmi-sp/c/conf-2019/events/pre-conferencia-regional-centro/check-in", as: "administrator" },
  { path: "/voters/cmi-sp", as: "administrator" },
];

/** Signed-in browser states: an administrator of cmi-sp (passkey) and an enabled voter who
 *  signed in with the access code the help desk printed for them. */
export async function visitors(browser: Browser): Promise<Record<Visitor, State | undefined>> {
  const admin = await enrolStaff(browser, `Administradora ${Date.now()}`);
  const code = await registerAtHelpDesk(admin, newPerson({ name: `Votante ${Date.now()}` }));
  const administrator = await admin.context().storageState();
  await admin.context().close();

  const context = await browser.newContext();
  const signIn = await context.request.post("/api/sign_in/code", {
    form: { code },
    headers: { Origin: process.env.VOZ_E2E_PUBLIC_URL! },
  });
  expect(signIn.status()).toBe(200);
  const voter = await context.storageState();
  await context.close();
  return { public: undefined, voter, administrator };
}

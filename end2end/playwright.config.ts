import { defineConfig, devices } from "@playwright/test";
import path from "node:path";

// `./dev test` builds everything first and tells us where the binary and the site are.
const target = process.env.CARGO_TARGET_DIR ?? path.resolve(__dirname, "../target");
const bin = process.env.VOZ_BIN ?? path.join(target, "debug/voz");
// Empty: the binary serves the site it embeds (a release build).
const siteRoot = process.env.VOZ_SITE_ROOT ?? path.join(target, "site");
const siteArg = siteRoot ? `--site-root ${siteRoot}` : "";
const port = Number(process.env.VOZ_E2E_PORT ?? 3107);
// A fresh database every run: tests never depend on what an earlier run left behind.
const dbDir = path.join(target, "e2e");
// Fixed by the runner and inherited by workers, which load this file again.
const runId = (process.env.VOZ_E2E_RUN_ID ??= String(Date.now()));
const databaseUrl = `sqlite://${dbDir}/voz-${runId}.db`;
const secretFile = path.join(dbDir, `secret-${runId}.key`);
// Tests run `voz` commands (e.g. `voz admin invite`) against the same database and secret.
process.env.VOZ_E2E_DATABASE_URL = databaseUrl;
process.env.VOZ_E2E_SECRET_FILE = secretFile;
process.env.VOZ_E2E_BIN = bin;
process.env.VOZ_E2E_PUBLIC_URL = `http://localhost:${port}`;

// Debian's Chromium, never a downloaded one (this machine has no internet). The
// background-networking flags stop Chromium calling home, which the closed network refuses.
const chromium = {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  outputDir: "./output/results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: CI machines have two cores, and a passkey ceremony is several round trips.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { outputFolder: "./output/report", open: "never" }]],
  use: {
    // `localhost`, not 127.0.0.1: WebAuthn refuses IP addresses as relying-party ids.
    baseURL: `http://localhost:${port}`,
    launchOptions: chromium,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // The phone most participants have: 320 px wide.
    { name: "phone", use: { ...devices["Desktop Chrome"], viewport: { width: 320, height: 720 } } },
    // A wide screen, for what its layout changes: the public pages, the ballot, the
    // results and their recount, registration. Staff flows behave alike at any width (the
    // accessibility scan still draws every page at 1280 px), so they run once, on the phone.
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
      testMatch: /(home|front-door|language-switch|results|voting|accounts|webauthn-harness)\.spec\.ts$/,
    },
  ],
  webServer: {
    // Demo organizations (São Paulo's council, Bogotá's institute) to register with.
    // `voz` reads VOZ_SITE_ROOT itself (a flag's environment twin): an empty one would be an error.
    command: `mkdir -p ${dbDir} && ${bin} demo && exec env -u VOZ_SITE_ROOT ${bin} serve --addr 127.0.0.1:${port} ${siteArg}`,
    env: { DATABASE_URL: databaseUrl, VOZ_SECRET_FILE: secretFile, VOZ_LOG: "warn", VOZ_TRUSTED_PROXIES: "1" },
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});

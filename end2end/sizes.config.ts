// `./dev sizes`: the page-weight table, against the release binary (site embedded).
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({
  ...base,
  testDir: "./sizes",
  workers: 1,
  reporter: [["line"]],
  projects: [{ name: "phone", use: { viewport: { width: 320, height: 720 } } }],
});

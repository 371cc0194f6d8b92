// Measures what a phone downloads for one page: HTML + CSS (readable before any script)
// and JS + WASM (interactivity), raw and brotli-compressed, from a real running server.
//
//   node scripts/page-sizes.mjs <voz binary> <site root> [path…]     (`./dev sizes` calls it)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [bin, siteRoot, ...paths] = process.argv.slice(2);
if (!bin || !siteRoot) {
  console.error("usage: page-sizes.mjs <voz binary> <site root> [path…]");
  process.exit(2);
}
// The home page, and the counted demo election's results (a page that ships no bundle).
const pages = paths.length ? paths : ["/en", "/ar", "/pt-BR/o/cmi-sp/e/cmi-2023/results"];

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const dataDir = mkdtempSync(path.join(tmpdir(), "voz-sizes-"));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite://${dataDir}/voz.db`,
  VOZ_SECRET_FILE: `${dataDir}/secret.key`,
  VOZ_LOG: "warn",
};
await new Promise((resolve, reject) =>
  spawn(bin, ["demo"], { env, stdio: "ignore" }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`voz demo: ${code}`)))),
);
const server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`, "--site-root", siteRoot], {
  env,
  stdio: "inherit",
});
const base = `http://127.0.0.1:${port}`;

try {
  await waitFor(`${base}/healthz`);
  const brotli = (bytes) =>
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const get = async (url) => Buffer.from(await (await fetch(url, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer());
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";

  for (const page of pages) {
    const html = await get(base + page);
    const text = html.toString("utf8");
    const assets = [...text.matchAll(/(?:href|src)="(\/pkg\/[^"]+)"/g)].map((m) => m[1]);
    const css = assets.filter((a) => a.endsWith(".css"));
    const js = assets.filter((a) => a.endsWith(".js"));
    const wasm = assets.filter((a) => a.endsWith(".wasm"));
    const rows = [["HTML " + page, html]];
    for (const a of [...css, ...js, ...wasm]) rows.push([a, await get(base + a)]);

    console.log(`\n${page}`);
    console.log("  file                          raw        brotli");
    for (const [name, bytes] of rows) console.log(`  ${name.padEnd(26)} ${kb(bytes.length)} ${kb(brotli(bytes))}`);
    const sum = (names) =>
      rows.filter(([n]) => names(n)).reduce((acc, [, b]) => [acc[0] + b.length, acc[1] + brotli(b)], [0, 0]);
    const before = sum((n) => n.startsWith("HTML") || n.endsWith(".css"));
    const all = sum(() => true);
    console.log(`  ${"before WASM (HTML+CSS)".padEnd(26)} ${kb(before[0])} ${kb(before[1])}`);
    console.log(`  ${"with WASM (all)".padEnd(26)} ${kb(all[0])} ${kb(all[1])}`);
  }
} finally {
  server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer at ${url}`);
}

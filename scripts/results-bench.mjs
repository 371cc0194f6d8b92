// Requests per second on the public reading pages of a counted election, over HTTP
// against a real `voz serve` (issue 10: results are published once, not recounted per
// request, so their cost must not grow with the ballots).
//
//   node scripts/results-bench.mjs --bin target/release/voz \
//        [--voters 100000] [--concurrency 32] [--seconds 10] [--database-url URL]
//
// Sets up `bench` with N voters who all voted (`voz bench results`: through the store, then
// voting closes, the box is sealed and the results published), serves it, and for each page
// keeps `concurrency` requests in flight for `seconds`: prints requests/s and p50/p99.
// Also measures the demo's home page and its counted election (1,237 ballots) on the same
// server for comparison.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : true]);
    return pairs;
  }, []),
);
const bin = path.resolve(args.bin ?? "target/release/voz");
const voters = Number(args.voters ?? 100_000);
const concurrency = Number(args.concurrency ?? 32);
const seconds = Number(args.seconds ?? 10);
const dir = mkdtempSync(path.join(tmpdir(), "voz-results-"));
const databaseUrl = args["database-url"] ?? `sqlite://${dir}/voz.db`;
const backend = databaseUrl.startsWith("postgres") ? "PostgreSQL" : "SQLite";
const env = { ...process.env, DATABASE_URL: databaseUrl, VOZ_SECRET_FILE: path.join(dir, "secret.key"), VOZ_LOG: "error" };

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;

let started = Date.now();
execFileSync(bin, ["bench", "results", "--voters", String(voters)], { env, stdio: "inherit" });
execFileSync(bin, ["demo"], { env, stdio: "ignore" });
console.log(`setup (${voters} voters and ballots, demo): ${((Date.now() - started) / 1000).toFixed(0)} s`);

const server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`], {
  env: { ...env, VOZ_PUBLIC_URL: `http://localhost:${port}` },
  stdio: ["ignore", "inherit", "inherit"],
});
for (let i = 0; i < 200; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 50));
}

async function measure(label, url) {
  // Warm up (the first reader of a phase may publish it).
  const first = await fetch(base + url);
  if (!first.ok) throw new Error(`${url}: ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  const latencies = [];
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  async function worker() {
    while (Date.now() < until) {
      const t = performance.now();
      const response = await fetch(base + url, { headers: { "accept-encoding": "br" } });
      await response.arrayBuffer();
      if (response.ok) latencies.push(performance.now() - t);
      else failures++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(
    `${label.padEnd(42)} ${String(Math.round(latencies.length / seconds)).padStart(6)} req/s   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms   ${(bytes / 1024).toFixed(0)} KB raw${failures ? `   ${failures} failed` : ""}`,
  );
}

console.log(`\n${backend}, ${concurrency} connections, ${seconds} s each:`);
await measure("home page", "/en");
await measure("results, demo (1,237 ballots)", "/en/o/cmi-sp/e/cmi-2023/results");
await measure(`results, bench (${voters.toLocaleString("en")} ballots)`, "/en/o/bench/e/bench/results");
await measure(`results.json, bench`, "/export/bench/bench/results.json");
server.kill("SIGTERM");

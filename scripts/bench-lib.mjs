// What the reading-page benchmarks share (`results-bench.mjs`, `conference-bench.mjs`):
// their `--flag value` arguments, a fresh database and `voz` environment, a server on a
// free port, and the latency of one page under load.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** `--name value` pairs (a bare `--name` is `true`). */
export function parseArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.reduce((pairs, arg, i, all) => {
      if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : true]);
      return pairs;
    }, []),
  );
}

/** A throwaway folder, the database (`databaseUrl`, else SQLite there), and `voz`'s environment. */
export function benchEnv(prefix, databaseUrl) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const url = databaseUrl ?? `sqlite://${dir}/voz.db`;
  return {
    backend: url.startsWith("postgres") ? "PostgreSQL" : "SQLite",
    env: { ...process.env, DATABASE_URL: url, VOZ_SECRET_FILE: path.join(dir, "secret.key"), VOZ_LOG: "error" },
  };
}

/** Serves with `bin` on a free local port once it answers; returns its base URL and process. */
export async function serve(bin, env) {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const base = `http://127.0.0.1:${port}`;
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
  return { base, server };
}

/** Keeps `concurrency` requests in flight for `seconds`, the n-th to `next(n)`; prints
 *  requests/s, p50/p99 and the first answer's size. */
export async function measure(base, label, next, { concurrency, seconds, width = 46 }) {
  // Warm up (the first reader of a phase may publish it).
  const first = await fetch(base + next(0));
  if (!first.ok) throw new Error(`${next(0)}: ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  const latencies = [];
  let failures = 0;
  let n = 0;
  const until = Date.now() + seconds * 1000;
  async function worker() {
    while (Date.now() < until) {
      const url = next(++n);
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
    `${label.padEnd(width)} ${String(Math.round(latencies.length / seconds)).padStart(6)} req/s   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms   ${(bytes / 1024).toFixed(0)} KB raw${failures ? `   ${failures} failed` : ""}`,
  );
}

// Load and crash test of the ballot box, over HTTP against a real `voz serve`.
//
//   node scripts/load-test.mjs --bin target/release/voz \
//        [--voters 2000] [--concurrency 64] [--database-url URL] [--crash]
//
// Each simulated voter signs in with a printed access code, then casts a ballot. Prints
// ballots/s and p50/p99 latency. With --crash, the server is killed with SIGKILL halfway,
// restarted, the run finishes, and `voz bench check` verifies that every acknowledged
// tracking code is stored and that marks and ballots match one to one.
import { spawn, execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const voters = Number(args.voters ?? 2000);
const concurrency = Number(args.concurrency ?? 64);
const crash = Boolean(args.crash);
const dir = mkdtempSync(path.join(tmpdir(), "voz-load-"));
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

const codesFile = path.join(dir, "codes.txt");
const ackFile = path.join(dir, "acknowledged.txt");
writeFileSync(ackFile, "");
execFileSync(bin, ["bench", "setup", "--voters", String(voters), "--out", codesFile], { env, stdio: "inherit" });
const codes = readFileSync(codesFile, "utf8").split("\n").filter(Boolean);

let server;
async function startServer() {
  server = spawn(bin, ["serve", "--addr", `127.0.0.1:${port}`], {
    // Passkeys need a host name (never an IP) as the public URL; requests go to 127.0.0.1.
    env: { ...env, VOZ_PUBLIC_URL: `http://localhost:${port}` },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("server did not start");
}

const latencies = [];
const errors = {};
let acknowledged = 0;
let next = 0;
let crashed = false;

const cookies = new Map(); // access code → session cookie, as a browser would keep it
const retry = [];
let alreadyVoted = 0;

async function vote(code) {
  let cookie = cookies.get(code);
  if (!cookie) {
    const signIn = await fetch(`${base}/api/sign_in/code`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `code=${code}`,
    });
    if (!signIn.ok) throw new Error(`sign-in ${signIn.status}`);
    cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    cookies.set(code, cookie);
  }
  const pick = (segment, from) => [`c${from + Math.floor(Math.random() * 4)}`];
  const ballot = { choices: { A: pick("A", 1), B: pick("B", 5) } };
  const started = performance.now();
  const cast = await fetch(`${base}/api/vote/cast`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ organization: "bench", election: "bench", ballot }),
  });
  const body = await cast.text();
  if (cast.status === 409 && body.includes("already_voted")) {
    // Only on a retry after the crash: the ballot was committed, its answer lost.
    alreadyVoted += 1;
    return;
  }
  if (!cast.ok) throw new Error(`cast ${cast.status} ${body.slice(0, 60)}`);
  latencies.push(performance.now() - started);
  // Recorded before the next request: an acknowledged code must be found after a crash.
  appendFileSync(ackFile, JSON.parse(body) + "\n");
  acknowledged += 1;
}

async function worker() {
  while (next < codes.length) {
    const code = codes[next++];
    try {
      await vote(code);
    } catch (error) {
      const kind = String(error.message ?? error).split(" ").slice(0, 2).join(" ");
      errors[kind] = (errors[kind] ?? 0) + 1;
      if (crash) retry.push(code);
    }
    if (crash && !crashed && acknowledged >= codes.length / 2) {
      crashed = true;
      server.kill("SIGKILL");
      console.log(`killed the server with SIGKILL after ${acknowledged} acknowledged ballots`);
      await new Promise((r) => setTimeout(r, 200));
      await startServer();
      console.log("restarted");
    }
  }
}

try {
  await startServer();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  // Voters whose request failed during the crash try again, as people would.
  const retried = retry.length;
  const stillFailing = [];
  for (const code of retry) {
    try {
      await vote(code);
    } catch (error) {
      stillFailing.push(String(error.message ?? error));
    }
  }
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(1);
  console.log(`\n${backend}: ${voters} voters, ${concurrency} concurrent${crash ? ", one SIGKILL" : ""}`);
  console.log(`  acknowledged ballots  ${acknowledged}`);
  console.log(`  throughput            ${(acknowledged / seconds).toFixed(0)} ballots/s (sign-in + cast, ${seconds.toFixed(1)} s)`);
  console.log(`  cast latency          p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`);
  console.log(`  failed requests       ${JSON.stringify(errors)}`);
  if (crash) {
    // A code whose sign-in committed but whose answer died with the server is used up:
    // that voter needs a new card from the help desk (no ballot is lost or doubled).
    console.log(`  retried after restart ${retried}: ${alreadyVoted} had been committed before the crash, ${stillFailing.length} still failing ${JSON.stringify(stillFailing.slice(0, 3))}`);
  }
  server.kill("SIGTERM");
  execFileSync(bin, ["bench", "check", "--acknowledged", ackFile], { env, stdio: "inherit" });
  const locked = Object.keys(errors).filter((k) => /locked|500/.test(k));
  if (!crash && (Object.keys(errors).length > 0 || acknowledged !== voters)) process.exitCode = 1;
  if (locked.length) process.exitCode = 1;
} finally {
  server?.kill("SIGKILL");
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}

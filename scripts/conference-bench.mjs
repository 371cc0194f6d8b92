// Latency of the conference's reading pages at a city-wide scale, over HTTP against a real
// `voz serve` (issue 14): the demo's `conf-2019` grown by 100,000 proposals, 1,000,000
// supports and a consolidated proposal for every three (`voz bench conference`).
//
//   node scripts/conference-bench.mjs --bin target/release/voz \
//        [--proposals 100000] [--supports 1000000] [--concurrency 8] [--seconds 10]
//        [--database-url URL]
//
// For each page keeps `concurrency` requests in flight for `seconds` and prints
// requests/s and p50/p99: full-text search (each database's own engine), filtered lists
// (theme, event, level, status; a deep page), and the lineage both ways (an original
// proposal's page says what it became; a consolidated proposal's page lists its
// sources), each request on another proposal; and the edition's page, whose counts per
// event and theme cover every proposal. Also times the live JSON Lines export.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { benchEnv, measure as measureOn, parseArgs, serve } from "./bench-lib.mjs";

const args = parseArgs();
const bin = path.resolve(args.bin ?? "target/release/voz");
const proposals = Number(args.proposals ?? 100_000);
const supports = Number(args.supports ?? 1_000_000);
const concurrency = Number(args.concurrency ?? 8);
const seconds = Number(args.seconds ?? 10);
const { backend, env } = benchEnv("voz-conference-", args["database-url"]);

let started = Date.now();
execFileSync(bin, ["demo"], { env, stdio: "ignore" });
execFileSync(bin, ["bench", "conference", "--proposals", String(proposals), "--supports", String(supports)], { env, stdio: "inherit" });
console.log(`setup (demo, then ${proposals} proposals and ${supports} supports): ${((Date.now() - started) / 1000).toFixed(0)} s`);

const { base, server } = await serve(bin, env);

const edition = "/pt-BR/o/cmi-sp/c/conf-2019";

// The public record gives every proposal's id and what it fed.
started = performance.now();
const record = await fetch(`${base}/export/cmi-sp/c/conf-2019/proposals.jsonl`);
const lines = (await record.text()).trim().split("\n").map((line) => JSON.parse(line));
const exportMs = performance.now() - started;
const ids = lines.map((p) => p.id);
const codes = [...new Set(lines.flatMap((p) => p.into ?? []))];
const event = lines[lines.length - 1].event;

const measure = (label, next) => measureOn(base, label, next, { concurrency, seconds });

const pick = (list, n) => list[(n * 7919) % list.length];
const words = ["moradia", "português", "saúde", "trabalho", "documentação", "escola", "conselho", "abrigo"];
console.log(`\n${backend}: ${lines.length.toLocaleString("en")} proposals, ${codes.length.toLocaleString("en")} consolidated; ${concurrency} connections, ${seconds} s each`);
console.log(`${"proposals.jsonl (live export, once)".padEnd(46)} ${exportMs.toFixed(0)} ms   ${(lines.length).toLocaleString("en")} lines`);
await measure("search, one word", (n) => `${edition}/proposals?q=${encodeURIComponent(pick(words, n))}`);
await measure("search, two words + theme", (n) => `${edition}/proposals?q=${encodeURIComponent(`${pick(words, n)} imigrantes`)}&theme=${1 + (n % 8)}`);
await measure("list: theme + level + status", (n) => `${edition}/proposals?theme=${1 + (n % 8)}&level=municipal&status=consolidated`);
await measure("list: one event, page 20", (n) => `${edition}/proposals?event=${encodeURIComponent(event)}&page=${20 + (n % 5)}`);
await measure("lineage: an original proposal's page", (n) => `${edition}/proposals/${pick(ids, n)}`);
await measure("lineage: a consolidated proposal's page", (n) => `${edition}/consolidated/${pick(codes, n)}`);
await measure("the edition's page (counts per event, theme)", () => edition);
server.kill("SIGTERM");

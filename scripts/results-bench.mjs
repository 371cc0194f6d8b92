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
import { execFileSync } from "node:child_process";
import path from "node:path";
import { benchEnv, measure as measureOn, parseArgs, serve } from "./bench-lib.mjs";

const args = parseArgs();
const bin = path.resolve(args.bin ?? "target/release/voz");
const voters = Number(args.voters ?? 100_000);
const concurrency = Number(args.concurrency ?? 32);
const seconds = Number(args.seconds ?? 10);
const { backend, env } = benchEnv("voz-results-", args["database-url"]);

let started = Date.now();
execFileSync(bin, ["bench", "results", "--voters", String(voters)], { env, stdio: "inherit" });
execFileSync(bin, ["demo"], { env, stdio: "ignore" });
console.log(`setup (${voters} voters and ballots, demo): ${((Date.now() - started) / 1000).toFixed(0)} s`);

const { base, server } = await serve(bin, env);

const measure = (label, url) => measureOn(base, label, () => url, { concurrency, seconds, width: 42 });

console.log(`\n${backend}, ${concurrency} connections, ${seconds} s each:`);
await measure("home page", "/en");
await measure("results, demo (1,237 ballots)", "/en/o/cmi-sp/e/cmi-2023/results");
await measure(`results, bench (${voters.toLocaleString("en")} ballots)`, "/en/o/bench/e/bench/results");
await measure(`results.json, bench`, "/export/bench/bench/results.json");
server.kill("SIGTERM");

// Child process of bench/eval-harness.mjs: runs one suite through the real eval stack (fetch
// provider, disk results, scorers, summary) and reports its own wall, CPU and peak RSS as JSON.
import { readFileSync } from "node:fs";
import { runSuite } from "../src/app/eval/run-suite.js";
import { noProgress, silentLogger } from "../src/core/ports/index.js";

const [suitePath, out, concurrency] = process.argv.slice(2) as [string, string, string];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await runSuite({ suitePath, cwd: process.cwd(), out, noCache: true, concurrency: Number(concurrency), env: {}, logger: silentLogger, progress: noProgress });
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, records: r.summary.counts.records, errors: r.summary.counts.errors, requests: r.summary.requests, distinct: new Set(readFileSync(r.resultsPath, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { case_id: string }).case_id)).size }),
);

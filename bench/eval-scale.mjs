// Eval, compare and report at growing sizes against the loopback server at 0 ms: wall time,
// cases/s and peak RSS of each as its own process (the built CLI), next to a bare HTTP client
// sending the same requests and a bare JSON.parse pass over the same results.jsonl; with
// --equivalence, the streamed comparison is checked against computeComparison over the same runs
// held in memory (bench/compare-in-memory.ts, its own process with a large heap), and each evaluated
// run's summary.json against the in-memory summary of its results.jsonl (bench/summary-in-memory.ts).
// Fairness: the bare client and eval talk to the same loopback server (in this process, recording
// nothing, so its heap does not grow with the run), at the same concurrency, with the same requests
// (non-streamed chat, one per case); the server's CPU during each client's run is printed beside it,
// and eval's own count of requests sent (hedged copies included) beside the bare client's. The bare
// client uses node:http; eval sends through llmops's own HTTP/1.1 client, which costs less than half
// node:http's CPU, so that client alone, reading the same case file, is a second peer: eval's
// ratio to it is the harness's own cost.
// Sizes above --eval-max are not evaluated: their two runs are the largest evaluated size's records
// repeated with fresh case ids (said in the output), so compare and report can be measured there.
// --rounds R runs the bare clients and eval R times in turn at each evaluated size and prints the
// median of eval's wall over the bare client's.
// Usage: npm run bench:eval-scale [-- --sizes 10000,100000,1000000 --eval-max 100000 --equivalence --concurrency 64 --steps eval,compare,report --rounds 1]
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { createReadStream } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000" },
    concurrency: { type: "string", default: "64" },
    steps: { type: "string", default: "eval,compare,report" },
    "eval-max": { type: "string", default: "100000" },
    equivalence: { type: "boolean", default: false },
    rounds: { type: "string", default: "1" },
  },
});
const rounds = Number(values.rounds);
const evalMax = Number(values["eval-max"]);
const steps = new Set(values.steps.split(","));
const sizes = values.sizes.split(",").map(Number);
const conc = values.concurrency;
const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "dist", "cli", "index.js");
const work = mkdtempSync(join(tmpdir(), "llmops-scale-"));
await build({ absWorkingDir: root, entryPoints: ["test/support/openai-server.ts"], outfile: join(work, "server.mjs"), bundle: true, platform: "node", format: "esm", logLevel: "warning" });
const { startOpenAiTestServer } = await import(join(work, "server.mjs"));
// The two bare peers, one bundle (bench/http-client-child.ts): node:http with keep-alive, and
// llmops's own HTTP/1.1 client alone (what the provider sends through), the same requests.
await build({
  absWorkingDir: root,
  entryPoints: ["bench/http-client-child.ts"],
  outfile: join(work, "http-client.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  logLevel: "warning",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
if (values.equivalence) {
  for (const name of ["compare-in-memory", "summary-in-memory"]) {
    await build({
      absWorkingDir: root,
      entryPoints: [`bench/${name}.ts`],
      outfile: join(work, `${name}.mjs`),
      bundle: true,
      platform: "node",
      format: "esm",
      logLevel: "warning",
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  }
}

/** A run of n cases made of `from`'s records (a smaller evaluated run) repeated with fresh case ids c<i>. */
async function replicate(from, fromN, dir, n) {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(from, "summary.json"), join(dir, "summary.json"));
  const out = createWriteStream(join(dir, "results.jsonl"));
  for (let k = 0; k * fromN < n; k++) {
    for await (const line of createInterface({ input: createReadStream(join(from, "results.jsonl")), crlfDelay: Infinity })) {
      if (!line) continue;
      const r = JSON.parse(line);
      const i = Number(r.case_id.slice(1)) + k * fromN;
      if (i >= n) continue;
      r.case_id = `c${i}`;
      if (!out.write(`${JSON.stringify(r)}\n`)) await new Promise((res) => out.once("drain", res));
    }
  }
  await new Promise((res) => out.end(res));
}

/** The comparison without its timestamp (the one field two computations of it may differ in). */
function comparable(file) {
  const c = JSON.parse(readFileSync(file, "utf8"));
  delete c.provenance.created_at;
  return JSON.stringify(c);
}

/**
 * Run `script args` under bench/rss.mjs (with node's `nodeFlags`); its stdout, wall, CPU and peak
 * RSS, and this process's CPU meanwhile (`serverCpuMs`: the loopback servers it hosts).
 */
function measure(script, args, nodeFlags = [], okCodes = [0]) {
  const cpu0 = process.cpuUsage();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [...nodeFlags, join(root, "bench", "rss.mjs"), script, ...args], { cwd: work, maxBuffer: 1 << 28 }, (err, stdout, stderr) => {
      const own = process.cpuUsage(cpu0);
      const m = /@@rss (\{.*\})/.exec(stderr);
      if (!m) return reject(new Error(`${script} ${args.join(" ")} failed: ${err?.message ?? ""}\n${stderr.slice(-2000)}`));
      const r = JSON.parse(m[1]);
      if (!okCodes.includes(r.code)) return reject(new Error(`${script} ${args.join(" ")} exited ${r.code}: ${stderr.slice(-2000)}`));
      resolve({ ...r, stdout, serverCpuMs: (own.user + own.system) / 1000 });
    }),
  );
}

async function writeCases(path, n) {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    if (!out.write(`${JSON.stringify({ id: `c${i}`, input: `${i}+${i % 97}=`, expected: String(i + (i % 97)) })}\n`)) await new Promise((r) => out.once("drain", r));
  }
  await new Promise((r) => out.end(r));
}

const sum = (prompt) => {
  const m = /(\d+)\+(\d+)=/.exec(prompt);
  return String(Number(m[1]) + Number(m[2]));
};
const fmt = (label, n, r) =>
  `    ${label.padEnd(22)} wall ${(r.wallMs / 1000).toFixed(2).padStart(7)} s  ${String(Math.round(n / (r.wallMs / 1000))).padStart(7)} cases/s  CPU ${(r.cpuMs / 1000).toFixed(2).padStart(7)} s  peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB`;

console.log(`eval / compare / report at scale: loopback server at 0 ms, concurrency ${conc}, each step its own process (2 shared cores); load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
let evaluated = null;
for (const n of sizes) {
  const dir = join(work, String(n));
  console.log(`  ${n.toLocaleString("en")} cases (load average ${loadavg()[0].toFixed(1)})`);
  if (n <= evalMax) {
    const casesPath = join(work, `cases-${n}.jsonl`);
    await writeCases(casesPath, n);
    // The baseline answers wrong on every 97th case, the candidate on every 7th (so the means are
    // not all 1 and compare has flips both ways). Neither server keeps its requests.
    const wrongEvery = (k) => (r) => (Number(/(\d+)\+/.exec(r.prompt)[1]) % k === 0 ? `${sum(r.prompt)}1` : sum(r.prompt));
    const base = await startOpenAiTestServer({ respond: wrongEvery(97), record: false });
    const cand = await startOpenAiTestServer({ respond: wrongEvery(7), record: false });
    const suite = (url) =>
      ["name: scale", `cases: {file: ${casesPath}}`, 'prompt: "{{ input }}"', `target: {base_url: "${url}", model: m, api: chat, stream: false}`, "scorers: [{type: exact_match}, {type: contains}]", `concurrency: ${conc}`].join("\n");
    writeFileSync(join(work, "base.yaml"), suite(base.baseUrl));
    writeFileSync(join(work, "cand.yaml"), suite(cand.baseUrl));
    // With --rounds, the three clients run again in turn (each eval a fresh run), and the median
    // of the paired ratios is printed: on a shared machine one pair can land on a busy minute.
    const ratios = [];
    for (let round = 1; round <= rounds; round++) {
      if (rounds > 1) console.log(`    round ${round} of ${rounds} (load average ${loadavg()[0].toFixed(1)})`);
      const bare = await measure(join(work, "http-client.mjs"), ["node:http", base.baseUrl, casesPath, conc]);
      console.log(`${fmt("bare node:http client", n, bare)}  server CPU ${(bare.serverCpuMs / 1000).toFixed(2)} s  requests ${JSON.parse(bare.stdout).ok}`);
      const own = await measure(join(work, "http-client.mjs"), ["llmops http1", base.baseUrl, casesPath, conc]);
      console.log(`${fmt("bare llmops HTTP/1.1", n, own)}  server CPU ${(own.serverCpuMs / 1000).toFixed(2)} s  requests ${JSON.parse(own.stdout).ok}`);
      rmSync(join(dir, "base"), { recursive: true, force: true });
      const ev = await measure(cli, ["eval", join(work, "base.yaml"), "--out", join(dir, "base"), "--no-cache", "--quiet"]);
      const req = JSON.parse(readFileSync(join(dir, "base", "summary.json"), "utf8")).requests;
      console.log(
        `${fmt("llmops eval", n, ev)}  server CPU ${(ev.serverCpuMs / 1000).toFixed(2)} s  requests ${req.attempts} (+${req.hedges.sent} hedged)  (${(ev.wallMs / bare.wallMs).toFixed(2)}× the bare client's wall, ${(ev.cpuMs / bare.cpuMs).toFixed(2)}× its CPU; ${(ev.wallMs / own.wallMs).toFixed(2)}× and ${(ev.cpuMs / own.cpuMs).toFixed(2)}× the bare llmops HTTP/1.1 client's)`,
      );
      ratios.push(ev.wallMs / bare.wallMs);
    }
    if (rounds > 1) {
      const sorted = [...ratios].sort((a, b) => a - b);
      const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      console.log(`    eval's wall over the bare node:http client's, median of ${rounds} rounds: ${median.toFixed(2)}× (${ratios.map((r) => `${r.toFixed(2)}×`).join(", ")})`);
    }
    if (values.equivalence) {
      const ref = await measure(join(work, "summary-in-memory.mjs"), [join(dir, "base")], ["--max-old-space-size=12000"], [0, 1]);
      const v = JSON.parse(ref.stdout);
      console.log(
        `${fmt("in-memory summary", n, ref)}  summary.json ${v.equal ? "EQUAL to" : "DIFFERS from"} the in-memory one (${v.checked} checks; percentiles ≤ ${(v.maxPercentileRelErr * 100).toFixed(2)}% off, bound ${(v.bound * 100).toFixed(1)}%)${v.equal ? "" : `\n${v.differences.join("\n")}`}`,
      );
      if (!v.equal) process.exitCode = 1;
    }
    if (steps.has("compare") || steps.has("report")) {
      const evc = await measure(cli, ["eval", join(work, "cand.yaml"), "--out", join(dir, "cand"), "--no-cache", "--quiet"]);
      console.log(`${fmt("llmops eval (cand.)", n, evc)}  server CPU ${(evc.serverCpuMs / 1000).toFixed(2)} s`);
    }
    await base.close();
    await cand.close();
    rmSync(casesPath, { force: true });
    if (evaluated) rmSync(evaluated.dir, { recursive: true, force: true });
    evaluated = { dir, n };
  } else {
    if (!evaluated) throw new Error(`--sizes: ${n} is above --eval-max ${evalMax} and no smaller size was evaluated to build its runs from`);
    await replicate(join(evaluated.dir, "base"), evaluated.n, join(dir, "base"), n);
    await replicate(join(evaluated.dir, "cand"), evaluated.n, join(dir, "cand"), n);
    console.log(`    (not evaluated: both runs are the ${evaluated.n.toLocaleString("en")}-case eval's records repeated with fresh case ids)`);
  }
  const parse = await measure(join(root, "bench", "bare-parse.mjs"), [join(dir, "base", "results.jsonl")]);
  console.log(fmt("bare JSON.parse pass", n, parse));
  if (steps.has("compare") || steps.has("report")) {
    const cmp = await measure(cli, ["compare", "--baseline", join(dir, "base"), "--candidate", join(dir, "cand"), "--out", join(dir, "cmp"), "--quiet"]);
    console.log(fmt("llmops compare", n, cmp));
    if (values.equivalence) {
      const ref = await measure(join(work, "compare-in-memory.mjs"), [join(dir, "base"), join(dir, "cand"), join(dir, "in-memory.json")], ["--max-old-space-size=12000"]);
      const same = comparable(join(dir, "cmp", "comparison.json")) === comparable(join(dir, "in-memory.json"));
      console.log(`${fmt("in-memory comparison", n, ref)}  comparison.json ${same ? "EQUAL to" : "DIFFERS from"} the in-memory one (all fields but created_at)`);
      if (!same) process.exitCode = 1;
    }
  }
  if (steps.has("report")) {
    const rep = await measure(cli, ["report", "--comparison", join(dir, "cmp"), "--markdown", join(dir, "report.md"), "--quiet"]);
    console.log(fmt("llmops report", n, rep));
  }
  if (evaluated?.dir !== dir) rmSync(dir, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

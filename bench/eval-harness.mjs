// Harness overhead: N cases against the loopback server at a fixed latency and concurrency, next
// to the physical bound N × latency / concurrency measured in the same run; also cases/s at 0 ms.
// Then the same suite under a fault mix (429 with integer and fractional Retry-After, 500/503,
// resets, hangs, headers-then-silence, streams that stall, bodies cut off, well-framed truncated
// JSON, answers 3 s late) at 10% and 20%, next to the fault-free run, all at default settings.
// Usage: npm run bench:eval [-- --cases 2000 --latency 50 --concurrency 32 --faults-only]
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { cases: { type: "string", default: "2000" }, latency: { type: "string", default: "50" }, concurrency: { type: "string", default: "32" }, "faults-only": { type: "boolean", default: false } } });
const N = Number(values.cases);
const latency = Number(values.latency);
const conc = Number(values.concurrency);
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "llmops-bench-"));

await build({ absWorkingDir: root, entryPoints: ["test/support/openai-server.ts"], outfile: join(work, "server.mjs"), bundle: true, platform: "node", format: "esm", logLevel: "warning" });
await build({ absWorkingDir: root, entryPoints: ["bench/eval-harness-child.ts"], outfile: join(work, "child.mjs"), bundle: true, platform: "node", format: "esm", logLevel: "warning", banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
const { startOpenAiTestServer, ALL_FAULTS } = await import(join(work, "server.mjs"));

const lines = [];
for (let i = 0; i < N; i++) lines.push(JSON.stringify({ id: `c${i}`, input: `${i}+${i % 97}=`, expected: String(i + (i % 97)) }));
writeFileSync(join(work, "cases.jsonl"), `${lines.join("\n")}\n`);
// The server lives in this process and the harness in a child, so each measures only itself.
async function runAsync(latencyMs, stream, faultRate = 0) {
  const server = await startOpenAiTestServer({
    latencyMs,
    respond: (r) => { const m = /(\d+)\+(\d+)=/.exec(r.prompt); return String(Number(m[1]) + Number(m[2])); },
    ...(faultRate > 0 ? { faultRate, faults: ALL_FAULTS, seed: 11, retryAfterS: 1, fractionalRetryAfterS: 0.25, lateMs: 3000 } : {}),
  });
  writeFileSync(
    join(work, "suite.yaml"),
    [
      "name: bench",
      "cases: {file: cases.jsonl}",
      'prompt: "{{ input }}"',
      `target: {base_url: "${server.baseUrl}", model: m, api: chat, stream: ${stream}}`,
      "scorers: [{type: exact_match}, {type: contains}]",
    ].join("\n"),
  );
  const out = join(work, `out-${latencyMs}-${stream}-${faultRate}`);
  rmSync(out, { recursive: true, force: true });
  const stdout = await new Promise((resolve, reject) =>
    execFile(process.execPath, [join(work, "child.mjs"), join(work, "suite.yaml"), out, String(conc)], { cwd: work, encoding: "utf8" }, (err, so) => (err ? reject(err) : resolve(so))),
  );
  await server.close();
  return JSON.parse(stdout);
}

const bound = (N * latency) / conc;
console.log(`eval harness: ${N} cases, server latency ${latency} ms, concurrency ${conc} (2 cores; server and harness share them)`);
if (!values["faults-only"]) {
  for (const stream of [false, true]) {
    const r = await runAsync(latency, stream);
    const ratio = r.wallMs / bound;
    console.log(
      `  ${stream ? "streaming    " : "non-streaming"}: wall ${(r.wallMs / 1000).toFixed(2)} s vs bound N×latency/concurrency ${(bound / 1000).toFixed(2)} s → ${(ratio * 100).toFixed(1)}% of bound (${((ratio - 1) * 100).toFixed(1)}% over); CPU ${(r.cpuMs / 1000).toFixed(2)} s; peak RSS ${r.maxRssMb.toFixed(0)} MB; records ${r.records}, errors ${r.errors}`,
    );
  }
  const z = await runAsync(0, false);
  console.log(`  0 ms latency  : ${(N / (z.wallMs / 1000)).toFixed(0)} cases/s (wall ${(z.wallMs / 1000).toFixed(2)} s, CPU ${(z.cpuMs / 1000).toFixed(2)} s, peak RSS ${z.maxRssMb.toFixed(0)} MB)`);
}

// Faults, at default settings (adaptive deadlines, hedging on for this loopback server), streaming.
const counts = (o) => Object.entries(o ?? {}).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
console.log(`fault mix (${ALL_FAULTS.join(", ")}), streaming, default settings:`);
const clean = await runAsync(latency, true, 0);
const goals = { 0.1: 2, 0.2: 3 };
const row = (label, r, ratio) =>
  console.log(
    `  ${label}: wall ${(r.wallMs / 1000).toFixed(2)} s${ratio === undefined ? "" : ` (${ratio.toFixed(2)}× fault-free)`}; records ${r.records} (distinct cases ${r.distinct}), errors ${r.errors}; ` +
      `requests ${r.requests?.attempts ?? 0}, retries: ${counts(r.requests?.retries)}; abandoned: ${counts(r.requests?.abandoned)}; hedges ${r.requests?.hedges.sent ?? 0} (won ${r.requests?.hedges.won ?? 0}); peak RSS ${r.maxRssMb.toFixed(0)} MB`,
  );
row("fault-free", clean);
let met = true;
for (const rate of [0.1, 0.2]) {
  const r = await runAsync(latency, true, rate);
  const ratio = r.wallMs / clean.wallMs;
  row(`${(rate * 100).toFixed(0)}% faults`, r, ratio);
  const ok = r.records === N && r.distinct === N && r.errors === 0 && ratio <= goals[rate];
  met &&= ok;
  console.log(`    goal (every case once, 0 errors, ≤ ${goals[rate]}× fault-free): ${ok ? "met" : "NOT met"}`);
}
if (!met) process.exitCode = 1;
rmSync(work, { recursive: true, force: true });

// Harness overhead: N cases against the loopback server at a fixed latency and concurrency, next
// to the physical bound N × latency / concurrency measured in the same run; also cases/s at 0 ms.
// Usage: npm run bench:eval [-- --cases 2000 --latency 50 --concurrency 32]
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { cases: { type: "string", default: "2000" }, latency: { type: "string", default: "50" }, concurrency: { type: "string", default: "32" } } });
const N = Number(values.cases);
const latency = Number(values.latency);
const conc = Number(values.concurrency);
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "llmops-bench-"));

await build({ absWorkingDir: root, entryPoints: ["test/support/openai-server.ts"], outfile: join(work, "server.mjs"), bundle: true, platform: "node", format: "esm", logLevel: "warning" });
await build({ absWorkingDir: root, entryPoints: ["bench/eval-harness-child.ts"], outfile: join(work, "child.mjs"), bundle: true, platform: "node", format: "esm", logLevel: "warning", banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
const { startOpenAiTestServer } = await import(join(work, "server.mjs"));

const lines = [];
for (let i = 0; i < N; i++) lines.push(JSON.stringify({ id: `c${i}`, input: `${i}+${i % 97}=`, expected: String(i + (i % 97)) }));
writeFileSync(join(work, "cases.jsonl"), `${lines.join("\n")}\n`);
// The server lives in this process and the harness in a child, so each measures only itself.
async function runAsync(latencyMs, stream) {
  const server = await startOpenAiTestServer({ latencyMs, respond: (r) => { const m = /(\d+)\+(\d+)=/.exec(r.prompt); return String(Number(m[1]) + Number(m[2])); } });
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
  const out = join(work, `out-${latencyMs}-${stream}`);
  rmSync(out, { recursive: true, force: true });
  const stdout = await new Promise((resolve, reject) =>
    execFile(process.execPath, [join(work, "child.mjs"), join(work, "suite.yaml"), out, String(conc)], { cwd: work, encoding: "utf8" }, (err, so) => (err ? reject(err) : resolve(so))),
  );
  await server.close();
  return JSON.parse(stdout);
}

const bound = (N * latency) / conc;
console.log(`eval harness: ${N} cases, server latency ${latency} ms, concurrency ${conc} (2 cores; server and harness share them)`);
for (const stream of [false, true]) {
  const r = await runAsync(latency, stream);
  const ratio = r.wallMs / bound;
  console.log(
    `  ${stream ? "streaming    " : "non-streaming"}: wall ${(r.wallMs / 1000).toFixed(2)} s vs bound N×latency/concurrency ${(bound / 1000).toFixed(2)} s → ${(ratio * 100).toFixed(1)}% of bound (${((ratio - 1) * 100).toFixed(1)}% over); CPU ${(r.cpuMs / 1000).toFixed(2)} s; peak RSS ${r.maxRssMb.toFixed(0)} MB; records ${r.records}, errors ${r.errors}`,
  );
}
const z = await runAsync(0, false);
console.log(`  0 ms latency  : ${(N / (z.wallMs / 1000)).toFixed(0)} cases/s (wall ${(z.wallMs / 1000).toFixed(2)} s, CPU ${(z.cpuMs / 1000).toFixed(2)} s, peak RSS ${z.maxRssMb.toFixed(0)} MB)`);
rmSync(work, { recursive: true, force: true });

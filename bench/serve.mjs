// Benchmark: `llmops serve` tokens/s and p50/p95 latency at concurrency 1 and 8 (--parallel 1 and 8),
// next to the floor: the same engine generating the same greedy tokens in a process of its own, no HTTP. At
// concurrency 1 each HTTP request is paired with a floor run next to it (same prompt, same tokens),
// so both see the same load on a shared machine; the overhead is the median of the per-pair ratios,
// repeated --repeat times to show the spread; beside it, the CPU time the server process used against
// the floor process's (robust to other work on a shared machine, which inflates wall times at random). Models: the tiny Llama (dim 64) and a ~100M-parameter one
// (dim 768 × 14 layers), random weights, exported to F16 by llmops. Printed, not asserted; the load
// average is printed with the figures because the machine may be shared.
// usage: nice node bench/serve.mjs [--model tiny|big|both] [--requests 8] [--max-tokens 32] [--repeat 3]
import { build } from "esbuild";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : d);
const requests = Number(opt("requests", 8));
const maxTokens = Number(opt("max-tokens", 32));
const repeat = Number(opt("repeat", 3));
const models = { tiny: ["tiny"], big: ["big"], both: ["tiny", "big"] }[opt("model", "both")];
if (!models) throw new Error("--model is tiny, big or both");
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-serve-"));
// Bundles live under node_modules/.cache so they resolve node-llama-cpp from this repository.
const bundles = join(root, "node_modules/.cache/llmops-bench");
const bundle = (entry, out) =>
  build({ absWorkingDir: root, entryPoints: [entry], outfile: join(bundles, out), bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning", external: ["node-llama-cpp"], banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await bundle("bench/serve-floor-child.ts", "serve-floor-child.mjs");
await bundle("bench/serve-model.ts", "serve-model.mjs");
const cli = join(root, "dist/cli/index.js");
const prompt = "User: reverse garden\nAssistant: ";
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const load = () => loadavg()[0].toFixed(1);
/**
 * CPU seconds a process has used (Linux /proc; user + system, 100 ticks/s). Unlike wall time it does
 * not grow when other work on a shared machine takes the cores, so it shows the server's own overhead.
 */
const cpu = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
};

async function startServe(gguf, parallel) {
  const child = spawn(process.execPath, [cli, "serve", gguf, "--port", "0", "--threads", "1", "--parallel", String(parallel), "--ctx", "512", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve) => child.stdout.on("data", (d) => { const m = /listening on (\S+)/.exec(String(d)); if (m) resolve(m[1]); }));
  while ((await fetch(`${url}/health`).catch(() => ({ status: 0 }))).status !== 200) await new Promise((r) => setTimeout(r, 50));
  const one = async () => {
    const t0 = performance.now();
    const r = await fetch(`${url}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prompt, max_tokens: maxTokens, temperature: 0 }) });
    const j = await r.json();
    return { ms: performance.now() - t0, tokens: j.usage.completion_tokens };
  };
  await one(); // warm-up
  return { one, pid: child.pid, stop: async () => { child.kill("SIGTERM"); await new Promise((r) => child.once("exit", r)); } };
}

const stats = (runs, wallMs) => {
  const ms = runs.map((d) => d.ms);
  const tokens = runs.reduce((a, d) => a + d.tokens, 0);
  return { p50: pct(ms, 50), p95: pct(ms, 95), tps: tokens / ((wallMs ?? ms.reduce((a, b) => a + b, 0)) / 1000), tokens };
};
const fmt = (s) => `p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  ${s.tps.toFixed(1)} tokens/s  (${s.tokens} tokens)`;

/** The floor in its own process, as serve is: the engine generating the same tokens, no HTTP. */
async function openFloor(gguf) {
  const child = spawn(process.execPath, [join(bundles, "serve-floor-child.mjs"), gguf], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = [];
  let waiting;
  let buf = "";
  child.stdout.on("data", (d) => {
    buf += d;
    for (let i; (i = buf.indexOf("\n")) >= 0; buf = buf.slice(i + 1)) {
      lines.push(JSON.parse(buf.slice(0, i)));
      waiting?.();
    }
  });
  const next = async () => { while (!lines.length) await new Promise((r) => (waiting = r)); return lines.shift(); };
  await next();
  return {
    pid: child.pid,
    run: async (p, n) => { child.stdin.write(`${n} ${JSON.stringify(p)}\n`); return next(); },
    close: async () => { child.stdin.end(); await new Promise((r) => child.once("exit", r)); },
  };
}

/** Concurrency 1: a floor run and the same request over HTTP, in alternating order, `requests` times. */
async function pairedRun(gguf, floor) {
  const s = await startServe(gguf, 1);
  await floor.run(prompt, maxTokens);
  const f = [];
  const h = [];
  let floorCpu = 0;
  let serveCpu = 0;
  const floorOne = async () => {
    const c = cpu(floor.pid);
    f.push(await floor.run(prompt, maxTokens));
    floorCpu += cpu(floor.pid) - c;
  };
  const serveOne = async () => {
    const c = cpu(s.pid);
    h.push(await s.one());
    serveCpu += cpu(s.pid) - c;
  };
  // Alternate which goes first, so neither always runs on the cache the other just warmed.
  for (let i = 0; i < requests; i++) {
    if (i % 2) await serveOne(), await floorOne();
    else await floorOne(), await serveOne();
  }
  await s.stop();
  if (f.some((x, i) => x.tokens !== h[i].tokens)) throw new Error("the floor and serve generated different token counts");
  const overhead = pct(h.map((x, i) => x.ms / f[i].ms - 1), 50);
  return { floor: stats(f), http: stats(h), overhead, floorCpu, serveCpu };
}

async function concurrentRun(gguf, c) {
  const s = await startServe(gguf, c);
  const done = [];
  let next = 0;
  const t0 = performance.now();
  const n = Math.max(requests, c);
  await Promise.all(Array.from({ length: c }, async () => { while (next < n) { next++; done.push(await s.one()); } }));
  const wall = performance.now() - t0;
  await s.stop();
  return stats(done, wall);
}

console.log(`load average at start ${load()} (${requests} requests × ≤${maxTokens} greedy tokens, 1 thread, F16)`);
for (const kind of models) {
  const made = JSON.parse(execFileSync(process.execPath, [join(bundles, "serve-model.mjs"), kind, dir], { encoding: "utf8" }).trim());
  const floor = await openFloor(made.gguf);
  console.log(`${kind} model (${(made.parameters / 1e6).toFixed(1)}M parameters):`);
  const overheads = [];
  const cpuOverheads = [];
  const pc = (x) => `${(x * 100).toFixed(1)}%`;
  for (let r = 1; r <= repeat; r++) {
    const p = await pairedRun(made.gguf, floor);
    overheads.push(p.overhead);
    cpuOverheads.push(p.serveCpu / p.floorCpu - 1);
    console.log(`  run ${r}, load ${load()}`);
    console.log(`    floor (engine alone, own process)   ${fmt(p.floor)}  CPU ${p.floorCpu.toFixed(2)} s`);
    console.log(`    serve, concurrency 1 (--parallel 1) ${fmt(p.http)}  CPU ${p.serveCpu.toFixed(2)} s`);
    console.log(`    HTTP+queue overhead: wall ${pc(p.overhead)} (median of paired requests), server CPU ${pc(p.serveCpu / p.floorCpu - 1)}`);
  }
  const c8 = await concurrentRun(made.gguf, 8);
  console.log(`  serve, concurrency 8 (--parallel 8) ${fmt(c8)}, load ${load()}`);
  console.log(`  overhead at concurrency 1 over ${repeat} runs (goal ≤ 10%): wall ${overheads.map(pc).join(", ")}; server CPU ${cpuOverheads.map(pc).join(", ")}`);
  await floor.close();
}
rmSync(dir, { recursive: true, force: true });

// Benchmark: `llmops serve` tokens/s and p50/p95 latency at concurrency 1 and 8 (--parallel 1 and 8),
// next to the floor: the same engine generating the same greedy tokens in-process, no HTTP, measured
// alternately with the concurrency-1 requests so both see the same load on a shared machine. Models: the tiny Llama (dim 64) and, with --big, a ~100M-parameter one, both
// random weights exported by llmops. Printed, not asserted.
// usage: nice node bench/serve.mjs [--requests 16] [--max-tokens 64] [--big]
import { build } from "esbuild";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : d);
const requests = opt("requests", 16);
const maxTokens = opt("max-tokens", 64);
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-serve-"));
// Bundles live under node_modules/.cache so they resolve node-llama-cpp from this repository.
const bundles = join(root, "node_modules/.cache/llmops-bench");
const bundle = (entry, out) =>
  build({ absWorkingDir: root, entryPoints: [entry], outfile: join(bundles, out), bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning", external: ["node-llama-cpp"], banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
await bundle("bench/serve-child.ts", "serve-child.mjs");
const { openFloor } = await import(join(bundles, "serve-child.mjs"));
await bundle("bench/serve-model.ts", "serve-model.mjs");
const cli = join(root, "dist/cli/index.js");
const prompt = "User: reverse garden\nAssistant: ";
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function serveRun(gguf, concurrency, floor) {
  const child = spawn(process.execPath, [cli, "serve", gguf, "--port", "0", "--threads", "1", "--parallel", String(concurrency), "--ctx", "512", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve) => child.stdout.on("data", (d) => { const m = /listening on (\S+)/.exec(String(d)); if (m) resolve(m[1]); }));
  while ((await fetch(`${url}/health`).catch(() => ({ status: 0 }))).status !== 200) await new Promise((r) => setTimeout(r, 50));
  const one = async () => {
    const t0 = performance.now();
    const r = await fetch(`${url}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prompt, max_tokens: maxTokens, temperature: 0 }) });
    const j = await r.json();
    return { ms: performance.now() - t0, tokens: j.usage.completion_tokens };
  };
  await one(); // warm-up
  const done = [];
  const floorDone = [];
  let wall = 0;
  if (floor) {
    await floor.run(prompt, maxTokens);
    for (let i = 0; i < requests; i++) {
      floorDone.push(await floor.run(prompt, maxTokens));
      const t = performance.now();
      done.push(await one());
      wall += performance.now() - t;
    }
  } else {
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => { while (next < requests) { next++; done.push(await one()); } }));
    wall = performance.now() - t0;
  }
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  const lat = done.map((d) => d.ms);
  const tokens = done.reduce((a, d) => a + d.tokens, 0);
  const fl = floorDone.map((d) => d.ms);
  const floorStats = floor ? { p50: pct(fl, 50), p95: pct(fl, 95), tps: floorDone.reduce((a, d) => a + d.tokens, 0) / (fl.reduce((a, b) => a + b, 0) / 1000), tokens: floorDone.reduce((a, d) => a + d.tokens, 0) } : undefined;
  return { p50: pct(lat, 50), p95: pct(lat, 95), tps: tokens / (wall / 1000), tokens, floor: floorStats };
}

for (const kind of args.includes("--big") ? ["tiny", "big"] : ["tiny"]) {
  const gguf = execFileSync(process.execPath, [join(bundles, "serve-model.mjs"), kind, dir], { encoding: "utf8" }).trim();
  const floorEngine = await openFloor(gguf);
  console.log(`${kind} model, ${requests} requests × ≤${maxTokens} greedy tokens, 1 thread:`);
  for (const c of [1, 8]) {
    const r = await serveRun(gguf, c, c === 1 ? floorEngine : undefined);
    if (r.floor) console.log(`  in-process engine (floor)            p50 ${r.floor.p50.toFixed(1)} ms  p95 ${r.floor.p95.toFixed(1)} ms  ${r.floor.tps.toFixed(0)} tokens/s  (${r.floor.tokens} tokens)`);
    const over = r.floor ? `  HTTP+queue overhead at p50 ${(((r.p50 - r.floor.p50) / r.floor.p50) * 100).toFixed(1)}%` : "";
    console.log(`  serve, concurrency ${c} (--parallel ${c})  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  ${r.tps.toFixed(0)} tokens/s  (${r.tokens} tokens)${over}`);
  }
  await floorEngine.close();
}
rmSync(dir, { recursive: true, force: true });

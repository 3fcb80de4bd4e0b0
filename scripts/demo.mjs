// The main job on a laptop: one whole pull-request cycle on the embedded defaults.
// Until the embedded model (GGUF + llama.cpp) lands, the model is SIMULATED by the loopback
// OpenAI-compatible test server (test/support/openai-server.ts): a "baseline" and a "candidate"
// that answer the example suite's additions correctly with different, fixed probabilities.
// Everything else is the real product: the CLI bundle, the eval engine over HTTP, the cache,
// results, summaries (and, as they land, compare, gate and the PR comment).
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const work = join(root, ".llmops", "demo");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: ["test/support/openai-server.ts"],
  outfile: join(work, "openai-server.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  logLevel: "warning",
});
const { startOpenAiTestServer } = await import(join(work, "openai-server.mjs"));

// A deterministic "model": the right sum with probability `skill`, else off by one.
const skill = { baseline: 0.7, candidate: 0.85 };
function answer(req) {
  const m = /(\d+)\s*\+\s*(\d+)\s*=/.exec(req.prompt);
  if (!m) return "I do not know";
  const sum = Number(m[1]) + Number(m[2]);
  const h = createHash("sha256").update(`${req.model}|${req.prompt}`).digest().readUInt32BE(0) / 2 ** 32;
  return String(h < (skill[req.model] ?? 0.5) ? sum : sum + 1);
}
const server = await startOpenAiTestServer({ respond: answer, latencyMs: 5, seed: 7 });

const cli = join(root, "dist", "cli", "index.js");
function llmops(args) {
  return new Promise((resolve) => {
    console.log(`\n$ llmops ${args.join(" ")}`);
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit", env: { ...process.env, INIT_CWD: root } });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

console.log("llmops demo — a pull request's evaluation cycle, end to end on this machine.");
console.log(`NOTE: the model is simulated by the loopback test server at ${server.baseUrl} until the embedded llama.cpp model lands.`);
let failed = false;
try {
  for (const model of ["baseline", "candidate"]) {
    const code = await llmops(["eval", "evals/arithmetic.yaml", "--base-url", server.baseUrl, "--model", model, "--out", `.llmops/demo/${model}`, "--cache-dir", ".llmops/demo/cache"]);
    if (code !== 0) throw new Error(`llmops eval for ${model} exited ${code}`);
  }
  const hasCompare = existsSync(join(root, "src", "cli", "commands", "compare.ts"));
  if (hasCompare) {
    const code = await llmops(["compare", "--baseline", ".llmops/demo/baseline", "--candidate", ".llmops/demo/candidate", "--policy", "evals/arithmetic.yaml", "--out", ".llmops/demo/compare"]);
    console.log(`\ncompare exited ${code} (0: the gate passed, 1: it failed)`);
    const rep = await llmops(["report", "--comparison", ".llmops/demo/compare/comparison.json", "--markdown", ".llmops/demo/comment.md", "--html", ".llmops/demo/report.html"]);
    if (rep !== 0) throw new Error(`llmops report exited ${rep}`);
  }
  console.log(`\nDemo outputs are under ${work}`);
} catch (err) {
  console.error(`demo failed: ${err.message}`);
  failed = true;
} finally {
  await server.close();
}
process.exitCode = failed ? 1 : 0;

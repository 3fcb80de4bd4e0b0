// Benchmark: `npm run demo` from a cold scratch directory — its wall time and the share spent in
// training, export, serving (start-up), evaluation and the rest — then the same command again (all
// from the stage cache), next to two bounds measured in the same run: the reference trainer run
// directly (no llmops) on main's data for main's steps, and a bare `node -e 0` start. Printed, not
// asserted.
// usage: nice node bench/demo.mjs [--max-steps N]   (N: LLMOPS_DEMO_MAX_STEPS; default the example's)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const maxSteps = args.includes("--max-steps") ? args[args.indexOf("--max-steps") + 1] : "";
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-demo-"));
const env = { ...process.env, LLMOPS_DEMO_DIR: join(dir, "demo"), LLMOPS_DEMO_REPORTS: join(dir, "reports"), ...(maxSteps ? { LLMOPS_DEMO_MAX_STEPS: maxSteps } : {}) };

function timed(argv, opts = {}) {
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts });
  if (r.status !== 0) throw new Error(`${argv.join(" ")} exited ${r.status}: ${(r.stderr || r.stdout).slice(-2000)}`);
  return { s: (performance.now() - t) / 1000, stdout: r.stdout };
}

try {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  console.log(`cold demo in ${dir}${maxSteps ? ` (LLMOPS_DEMO_MAX_STEPS=${maxSteps})` : ""} …`);
  const cold = timed([process.execPath, "scripts/demo.mjs"], { env });
  const state = JSON.parse(readFileSync(join(dir, "demo", "demo.json"), "utf8"));
  const warm = timed([process.execPath, "scripts/demo.mjs"], { env });
  if (!/From the cache/.test(warm.stdout)) throw new Error(`the second demo did not come from the cache:\n${warm.stdout}`);

  // Run ids sort by time: the oldest record is main's run.
  // Bound: training without llmops — the reference trainer on the workspace's last training data
  // (the helpful PR's: the same size as main's), for main's steps.
  const repo = join(dir, "demo", "repo");
  const run = JSON.parse(readFileSync(join(repo, "reports", "runs", readdirSync(join(repo, "reports", "runs")).sort()[0], "run.json"), "utf8"));
  const trainStage = run.stages.find((s) => s.name === "train");
  const spec = readFileSync(join(repo, "pipelines", "reviews-sft.yaml"), "utf8");
  const params = readFileSync(join(repo, "pipelines", "params.yaml"), "utf8");
  const num = (text, key) => new RegExp(`${key}:\\s*([0-9.e+-]+)`).exec(text)?.[1];
  const steps = num(params, "max_steps");
  const lr = num(params, "learning_rate");
  const python = state.torch.python;
  const bare = timed([python, "trainers/reference/train.py", "--train-file", join(repo, ".llmops/pipeline/data/train.jsonl"), "--format", "chat", "--seq-len", /sequence_len:\s*(\d+)/.exec(spec)[1], "--packing", "--micro-batch-size", /micro_batch_size:\s*(\d+)/.exec(spec)[1], "--max-steps", steps, "--lr", lr, "--warmup-steps", "10", "--seed", "1234", "--num-kv-heads", "2", "--max-position-embeddings", "256", "--threads", /threads:\s*(\d+)/.exec(spec)[1], "--output-dir", join(dir, "bare-train"), "--resume", "none", "--log-steps", "50"]);
  const node = timed([process.execPath, "-e", "0"]);

  console.log("\n| part of the cold demo | seconds | share |\n| --- | ---: | ---: |");
  for (const [k, v] of Object.entries(state.split)) console.log(`| ${k} | ${v.toFixed(1)} | ${((100 * v) / cold.s).toFixed(0)}% |`);
  console.log(`| **total (cold, 3 trainings)** | **${cold.s.toFixed(1)}** | 100% |`);
  console.log(`\nsame command again, all from the stage cache: ${warm.s.toFixed(2)} s (bare node start ${node.s.toFixed(2)} s)`);
  console.log(`main's train stage ${trainStage.duration_s.toFixed(1)} s vs the reference trainer alone on the same data and steps (${steps}) ${bare.s.toFixed(1)} s`);
  for (const v of state.verdicts) console.log(`${v.branch}: gate ${v.verdict} — ${v.summary}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}


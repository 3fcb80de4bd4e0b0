// `npm run demo` end to end on the real model: PyTorch trains, llmops exports GGUF, llama.cpp serves,
// the eval runs over HTTP, two pull requests are compared with main's baseline restored from the
// stage cache, gated and reported. Fewer training steps than the example (LLMOPS_DEMO_MAX_STEPS) keep
// it affordable on a 2-core CI machine. At 60 steps main half-learns the format (json_fields ≈ 23%, exact
// match below the suite's 50% floor, so every PR fails that floor): the test therefore asserts what the
// gate measures against the baseline — the harmful PR (learning rate ×10) is a regression whose interval
// excludes zero, the helpful one an improvement whose interval excludes zero. (At 30 steps main scored 0%
// and nothing could regress: a FAIL there proved nothing.) Then: the same command again is served from
// the cache, and Ctrl-C leaves nothing running.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runNode, tempDir } from "../support/cli.js";

// PyTorch: $LLMOPS_PYTHON, else the test venv's torch 2 (scripts/setup-hf-venv.sh, from the same local
// mirror the demo's own .llmops/torch-venv comes from on a machine without python3-torch), else
// Debian's. With the venv this file needs nothing apt-get installs, so scripts/test.sh runs it while
// apt-get is still busy (scripts/test-files.mjs reads the marker below).
// test-files: no-apt-with-hf-venv
const hasTorchAt = (py: string) => existsSync(py) && spawnSync(py, ["-c", "import torch, numpy"], { stdio: "ignore" }).status === 0;
const venvPython = join(repoRoot, ".llmops/hf-venv/bin/python");
const python = process.env.LLMOPS_PYTHON || (hasTorchAt(venvPython) ? venvPython : "/usr/bin/python3");
const hasTorch = hasTorchAt(python);
const work = tempDir("llmops-demo-");
const env = { LLMOPS_PYTHON: python, LLMOPS_DEMO_DIR: join(work, "demo"), LLMOPS_DEMO_REPORTS: join(work, "reports"), LLMOPS_DEMO_MAX_STEPS: "60" };

/** Processes working in, or naming, a scratch directory: trainer, llmops, model server. */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      if (cwd.startsWith(dir) || args.includes(dir)) found.push(`${pid} ${args}`);
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return found;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasTorch)(`npm run demo (real model; PyTorch from ${python} — scripts/setup-hf-venv.sh makes the venv, scripts/test.sh installs python3-torch)`, () => {
  it("trains, exports, serves and evaluates main, gates two PRs against main's cached baseline, then answers from the cache", { timeout: 1_500_000 }, async () => {
    // ~2 minutes on an idle 2-core machine; the limit leaves room for a heavily shared one.
    const first = await runNode(["scripts/demo.mjs"], { env, timeoutMs: 1_450_000 });
    expect(first.stderr).not.toMatch(/demo failed/);
    expect(first.code).toBe(0);
    const out = first.stdout;
    expect(out).toMatch(/torch \S+ \(/);
    expect(out).toContain("LLMOPS_DEMO_MAX_STEPS=60");
    // main ran every stage for real; each PR restored main's side and retrained its own.
    for (const stage of ["data", "validate", "train", "export", "eval"]) expect(out).toMatch(new RegExp(`\\n {2}ran +${stage} +\\d`));
    expect(out).toMatch(/━━ 3\. Pull request pr-learning-rate-x10/);
    expect(out).toMatch(/━━ 4\. Pull request pr-more-nouns/);
    expect(out).toMatch(/pr-learning-rate-x10: gate FAIL/);
    expect(out).toMatch(/pr-more-nouns: gate (PASS|FAIL|INCONCLUSIVE)/);
    expect(out).toMatch(/ {2}train +\d+\.\d s +\d+%/);
    expect(out).toMatch(/ {2}total +\d+\.\d s/);
    for (const f of ["pr-learning-rate-x10.md", "pr-learning-rate-x10.html", "pr-more-nouns.md", "pr-more-nouns.html"]) expect(existsSync(join(env.LLMOPS_DEMO_REPORTS, f)), f).toBe(true);
    const comment = readFileSync(join(env.LLMOPS_DEMO_REPORTS, "pr-learning-rate-x10.md"), "utf8");
    expect(comment).toMatch(/exact_match/);
    expect(comment).toMatch(/json_fields/);
    const state = JSON.parse(readFileSync(join(env.LLMOPS_DEMO_DIR, "demo.json"), "utf8"));
    expect(state.schema).toBe("llmops.demo-state/v1");
    expect(state.verdicts.map((v: { branch: string }) => v.branch)).toEqual(["pr-learning-rate-x10", "pr-more-nouns"]);
    // The paired Δ of json_fields (the fraction of JSON fields right) against main's restored baseline.
    const deltaCi = (summary: string): [number, number] => {
      const m = /json_fields [^(]*\(Δ [^,]+, 95% CI \[([-+\d.]+), ([-+\d.]+)\]\)/.exec(summary);
      expect(m, summary).not.toBeNull();
      return [Number(m![1]), Number(m![2])];
    };
    const [harmful, helpful] = state.verdicts as [{ summary: string }, { summary: string }];
    expect(deltaCi(harmful.summary)[1], harmful.summary).toBeLessThan(0); // a regression, interval below zero
    expect(deltaCi(helpful.summary)[0], helpful.summary).toBeGreaterThan(0); // an improvement, interval above zero
    expect(comment).toMatch(/❌ `(exact_match|json_fields)\/max_regression`/); // blocked for regressing, not only for the floor
    expect(state.split.train).toBeGreaterThan(0);
    expect(leftovers(env.LLMOPS_DEMO_DIR)).toEqual([]);

    const again = await runNode(["scripts/demo.mjs"], { env, timeoutMs: 120_000 });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/From the cache: no training, export, serving or evaluation ran \((\d+\.\d+) s\)/);
    expect(again.stdout).not.toMatch(/━━ 2\./);
    for (const branch of ["main", "pr-learning-rate-x10", "pr-more-nouns"]) expect(again.stdout).toMatch(new RegExp(`${branch} +${["data", "validate", "train", "export", "eval"].map((x) => `${x} (cached|up-to-date)`).join(", ")}\\n`));
  });

  it("Ctrl-C during training stops the demo with 130 and leaves no trainer, llmops or model server running", { timeout: 300_000 }, async () => {
    const ctrlc = { ...env, LLMOPS_DEMO_DIR: join(work, "demo-ctrlc"), LLMOPS_DEMO_REPORTS: join(work, "reports-ctrlc") };
    const run = runNode(["scripts/demo.mjs"], { env: ctrlc, timeoutMs: 280_000 });
    // Ctrl-C once the trainer is running (its process names the scratch directory).
    const poll = setInterval(() => {
      if (leftovers(ctrlc.LLMOPS_DEMO_DIR).some((p) => p.includes("trainers/reference/train.py") && p.includes(ctrlc.LLMOPS_DEMO_DIR))) {
        clearInterval(poll);
        run.child.kill("SIGINT");
      }
    }, 250);
    const r = await run;
    clearInterval(poll);
    expect(r.stdout, r.stdout + r.stderr).toMatch(/failed +train /); // stopped mid-training, recorded as such
    expect(r.stdout).toMatch(/SIGINT: stopping/);
    expect(r.stdout).toMatch(/stopped: nothing left running/);
    expect(r.code).toBe(130);
    expect(leftovers(ctrlc.LLMOPS_DEMO_DIR)).toEqual([]);
    expect(existsSync(join(ctrlc.LLMOPS_DEMO_DIR, "demo.json"))).toBe(false);
  });
});

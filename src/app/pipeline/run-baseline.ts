// `llmops run --baseline REV`: the pipeline as it is at REV, materialised in a temporary git
// worktree that shares this workspace's stage cache (so what `main` computed is restored, not
// recomputed), then the pipeline here, then each eval stage compared, gated and reported against
// the baseline's run — with the baseline's suite and gate as the yardstick.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { childEnv } from "../../adapters/process/child-env.js";
import type { PipelineRun } from "../../core/contracts/pipeline-run.js";
import type { Logger } from "../../core/ports/index.js";
import { ConfigError, InputError } from "../../errors.js";
import { runPipeline, type RunPipelineOptions, type RunPipelineResult } from "./run-pipeline.js";
import { newRunId, runsDir, writeRunRecord } from "./run-record.js";

export interface RunWithBaselineOptions extends RunPipelineOptions {
  baselineRev: string;
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

export async function runWithBaseline(o: RunWithBaselineOptions): Promise<RunPipelineResult> {
  let commit: string;
  try {
    commit = git(o.root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${o.baselineRev}^{commit}`]);
  } catch {
    throw new InputError(`--baseline ${o.baselineRev}: not a git revision in ${o.root}`, { hint: "name a branch, tag or commit (e.g. origin/main, or $(git merge-base origin/main HEAD)); in a workflow, fetch it first (actions/checkout with fetch-depth: 0)" });
  }
  const runId = o.runId ?? newRunId();
  const cacheDir = o.cacheDir ?? join(o.root, ".llmops", "cache");
  const rel = relative(o.root, o.pipelineFile);
  const wt = mkdtempSync(join(tmpdir(), "llmops-baseline-"));
  const log = prefixed(o.logger, "baseline │ ");
  try {
    git(o.root, ["worktree", "add", "--detach", "--force", "--end-of-options", wt, commit]);
    if (!existsSync(join(wt, rel))) {
      throw new ConfigError(`${rel} does not exist at ${o.baselineRev} (${commit.slice(0, 7)}): there is no baseline pipeline to compare with`, { hint: "run without --baseline for a pipeline that is new in this change" });
    }
    o.logger.info(`baseline: ${o.baselineRev} (${commit.slice(0, 7)}) in a temporary worktree, sharing the stage cache`);
    const base = await runPipeline({ ...o, root: wt, pipelineFile: join(wt, rel), cacheDir, runId: `${runId}-baseline`, recordRoot: o.root, logger: log, stages: undefined });
    o.logger.info("candidate: this working tree");
    const cand = await runPipeline({ ...o, cacheDir, runId });
    const comparisons: NonNullable<PipelineRun["baseline"]>["comparisons"] = [];
    let blocked = false;
    if (base.run.status === "passed" && cand.run.status === "passed") {
      for (const stage of cand.pipeline.stages.filter((s) => s.uses === "eval")) {
        const bStage = base.pipeline.stages.find((s) => s.name === stage.name && s.uses === "eval");
        if (!bStage) {
          o.logger.warn(`eval stage ${stage.name} is new in this change: nothing to compare it with`);
          continue;
        }
        const out = join(runsDir(o.root), runId, stage.name);
        const bw = (bStage.definition as { with: { suite: string; out: string } }).with;
        const cw = (stage.definition as { with: { out: string } }).with;
        // report.md (the PR comment) also shows the prompts/ files this change edits against the baseline commit.
        const cmpCode = await llmops(o, ["compare", "--baseline", join(wt, bw.out), "--candidate", join(o.root, cw.out), "--policy", join(wt, bw.suite), "--out", out, "--prompts-base", commit]);
        if (cmpCode !== 0 && cmpCode !== 1) throw new ConfigError(`llmops compare for stage ${stage.name} exited ${cmpCode}`);
        const runUrl = o.env.GITHUB_SERVER_URL && o.env.GITHUB_REPOSITORY && o.env.GITHUB_RUN_ID ? `${o.env.GITHUB_SERVER_URL}/${o.env.GITHUB_REPOSITORY}/actions/runs/${o.env.GITHUB_RUN_ID}` : undefined;
        const repCode = await llmops(o, ["report", "--comparison", join(out, "comparison.json"), "--html", join(out, "report.html"), ...(runUrl ? ["--run-url", runUrl] : [])]);
        if (repCode !== 0) throw new ConfigError(`llmops report for stage ${stage.name} exited ${repCode}`);
        const verdict = readVerdict(join(out, "comparison.json"));
        if (cmpCode === 1) blocked = true;
        comparisons.push({ stage: stage.name, verdict, comparison: join(out, "comparison.json"), comment: join(out, "report.md"), html: join(out, "report.html") });
      }
    }
    const status: PipelineRun["status"] = base.run.status !== "passed" ? base.run.status : cand.run.status !== "passed" ? cand.run.status : blocked ? "gate-failed" : "passed";
    const run: PipelineRun = { ...cand.run, status, baseline: { rev: o.baselineRev, commit, run_id: base.run.run_id, comparisons } };
    return { ...cand, run, recordPath: writeRunRecord(o.root, run) };
  } finally {
    try {
      git(o.root, ["worktree", "remove", "--force", "--end-of-options", wt]);
    } catch {
      // not registered (add failed): the directory goes below
    }
    rmSync(wt, { recursive: true, force: true });
  }
}

function readVerdict(path: string): string {
  try {
    const c = JSON.parse(readFileSync(path, "utf8")) as { gate?: { verdict?: string } | null };
    return c.gate?.verdict ?? "compared";
  } catch {
    return "unknown";
  }
}

function llmops(o: RunPipelineOptions, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    // llmops' own compare and report: the allow-listed environment, never the runner's tokens.
    const child = spawn(o.llmops[0]!, [...o.llmops.slice(1), ...args, "--quiet"], { cwd: o.root, env: childEnv(o.env), stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.stdout?.on("data", () => {});
    child.on("error", () => resolve(70));
    child.on("close", (code) => {
      if (code !== 0 && code !== 1 && err) o.logger.error(err.trim());
      resolve(code ?? 70);
    });
  });
}

function prefixed(l: Logger, p: string): Logger {
  return { debug: (m) => l.debug(p + m), info: (m) => l.info(p + m), warn: (m) => l.warn(p + m), error: (m) => l.error(p + m), group: (n, fn) => l.group(p + n, fn) };
}

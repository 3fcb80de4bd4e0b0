// Wires the real adapters (disk, fetch, git) to the pure eval core. Both shells — the CLI and the
// evaluate action — call this, so a laptop and a workflow produce the same run directory.
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { effectiveTarget, flatParams, planJobs } from "../../core/eval/plan.js";
import { compilePrompt } from "../../core/eval/prompt.js";
import { runEval, type RunOutcome } from "../../core/eval/runner.js";
import { createScorers } from "../../core/eval/scorers/registry.js";
import { computeSummary } from "../../core/eval/summary.js";
import { summaryFormat } from "../../core/contracts/summary.js";
import type { RunSummary } from "../../core/eval/types.js";
import { systemClock, type Logger, type Progress } from "../../core/ports/index.js";
import { VERSION } from "../../version.js";
import { DiskResponseCache } from "../../adapters/fs/disk-cache.js";
import { JsonlResultsStore, acquireDirLock } from "../../adapters/fs/jsonl-results-store.js";
import { loadSuite } from "./load-suite.js";
import { gitInfo } from "../git/git-info.js";
import { OpenAiCompatibleProvider, completionUrl } from "../../adapters/openai/openai-provider.js";

export interface RunSuiteOptions {
  suitePath: string;
  cwd: string;
  out?: string;
  baseUrl?: string;
  model?: string;
  concurrency?: number;
  /** Evaluate only the first N cases. */
  limit?: number;
  noCache?: boolean;
  cacheDir?: string;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  progress: Progress;
  signal?: AbortSignal;
}

export interface RunSuiteResult {
  outDir: string;
  resultsPath: string;
  summaryPath: string;
  summary: RunSummary;
  outcome: RunOutcome;
  wallMs: number;
}

export interface SuitePlan {
  suite: string;
  cases: number;
  repeats: number;
  requests: number;
  target: { base_url: string; model: string; api: string };
  first_request: unknown;
}

/** Load the suite and plan every request: what a run would send, computed before anything is. */
async function prepareSuite(o: RunSuiteOptions) {
  const loaded = await loadSuite(o.suitePath, o.cwd);
  const { suite } = loaded;
  const target = effectiveTarget(suite, { ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}), ...(o.model ? { model: o.model } : {}) });
  const scorers = createScorers(suite.scorers);
  const prompt = compilePrompt(loaded.prompt, `${loaded.displayFile}: prompt`);
  const cases = o.limit !== undefined ? loaded.cases.slice(0, o.limit) : loaded.cases;
  return { loaded, suite, target, scorers, cases, jobs: planJobs(suite, cases, prompt, target) };
}

/** `--dry-run`: the plan and the first request as it would be sent; nothing is sent or written. */
export async function planSuite(o: RunSuiteOptions): Promise<SuitePlan> {
  const { suite, target, cases, jobs } = await prepareSuite(o);
  const first = jobs[0]?.request;
  return {
    suite: suite.name,
    cases: cases.length,
    repeats: suite.repeats,
    requests: jobs.length,
    target: { base_url: target.base_url, model: target.model, api: target.api },
    first_request: first ? { url: completionUrl(target.base_url, first.api), model: first.model, ...(first.messages ? { messages: first.messages } : { prompt: first.prompt }), ...first.params } : null,
  };
}

export async function runSuite(o: RunSuiteOptions): Promise<RunSuiteResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const { loaded, suite, target, scorers, cases, jobs } = await prepareSuite(o);

  const outDir = resolve(o.cwd, o.out ?? join(".llmops", "eval", suite.name));
  mkdirSync(outDir, { recursive: true });
  const release = acquireDirLock(join(outDir, ".lock"));
  try {
    const store = new JsonlResultsStore(join(outDir, "results.jsonl"));
    const apiKey = target.api_key_env ? o.env[target.api_key_env] : undefined;
    if (target.api_key_env && !apiKey) o.logger.warn(`environment variable ${target.api_key_env} (target.api_key_env) is not set; sending no API key`);
    const provider = new OpenAiCompatibleProvider({
      baseUrl: target.base_url,
      ...(apiKey ? { apiKey } : {}),
      ...(target.api_key_env ? { apiKeyEnv: target.api_key_env } : {}),
    });
    const cacheDir = o.cacheDir ?? resolve(o.cwd, ".llmops", "cache");
    o.logger.info(
      `eval ${suite.name}: ${cases.length} cases × ${suite.repeats} repeat(s) against ${target.model} at ${target.base_url} (concurrency ${o.concurrency ?? suite.concurrency}${o.noCache ? ", no cache" : ""})`,
    );
    const outcome = await runEval(
      jobs,
      {
        provider,
        cache: o.noCache ? null : new DiskResponseCache(cacheDir),
        store,
        scorers,
        clock: systemClock,
        logger: o.logger,
        progress: o.progress,
        random: Math.random,
        ...(o.signal ? { signal: o.signal } : {}),
      },
      {
        concurrency: o.concurrency ?? suite.concurrency,
        retry: { maxAttempts: suite.retries.max_attempts, baseDelayMs: suite.retries.base_delay_ms, maxDelayMs: suite.retries.max_delay_ms },
        prices: target.prices,
      },
    );
    if (store.keptPrevious) {
      const summaryPath = join(outDir, "summary.json");
      if (existsSync(summaryPath)) renameSync(summaryPath, join(outDir, "summary.previous.json"));
      o.logger.warn(`${outDir} held records this run does not keep; the previous run is kept as results.previous.jsonl and summary.previous.json there (use another --out to keep runs side by side)`);
    }
    if (store.droppedPartialLine) o.logger.warn("the results file ended in a cut-off line (an earlier run was killed); it was dropped and that case re-run");

    const params = flatParams(target.params);
    const summary = computeSummary({
      suite: { name: suite.name, file: relative(o.cwd, loaded.file) || loaded.file, hash: loaded.hashes.suite },
      cases: cases.length,
      repeats: suite.repeats,
      records: outcome.records,
      scorers,
      configs: Object.fromEntries(scorers.map((s, i) => [s.name, suite.scorers[i] as Record<string, unknown>])),
      currency: target.prices?.currency,
      provenance: {
        llmops_version: VERSION,
        git: gitInfo(o.cwd),
        suite_hash: loaded.hashes.suite,
        dataset_hash: loaded.hashes.dataset,
        prompt_hash: loaded.hashes.prompt,
        target: { provider: target.provider, base_url: target.base_url, model: target.model, api: target.api, params },
        scorers: Object.fromEntries(scorers.map((s) => [s.name, s.signature])),
        seed: suite.seed,
        started_at: startedAt,
        finished_at: new Date().toISOString(),
        node: process.version,
      },
      bootstrapResamples: 2000,
    });
    const summaryPath = join(outDir, "summary.json");
    writeFileSync(summaryPath, summaryFormat.serialize(summary));
    return { outDir, resultsPath: store.path, summaryPath, summary, outcome, wallMs: performance.now() - t0 };
  } finally {
    release();
  }
}

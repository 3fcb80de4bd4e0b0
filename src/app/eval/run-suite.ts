// Wires the real adapters (disk, fetch, git) to the pure eval core. Both shells — the CLI and the
// evaluate action — call this, so a laptop and a workflow produce the same run directory.
import { stableStringify } from "../../core/stable-json.js";
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { evalShardFormat } from "../../core/contracts/added-formats.js";
import type { EvalShard } from "../../core/contracts/eval-shard.js";
import type { ShardSpec } from "../../core/eval/shard.js";
import { JobPlanner, effectiveTarget, flatParams, type EffectiveTarget, type PlannedJob } from "../../core/eval/plan.js";
import { planRun, type RunPlan } from "../../core/eval/run-plan.js";
import { compilePrompt } from "../../core/eval/prompt.js";
import { runEval, type RunOutcome } from "../../core/eval/runner.js";
import { createScorers } from "../../core/eval/scorers/registry.js";
import { deadlinePolicy, hedgeEnabled } from "../../core/eval/deadlines.js";
import type { TimeoutsConfig } from "../../core/eval/suite-schema.js";
import { SummaryAccumulator } from "../../core/eval/summary.js";
import type { RunSummary } from "../../core/eval/types.js";
import { systemClock, type Logger, type Progress } from "../../core/ports/index.js";
import { ExternalError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { DiskResponseCache } from "../../adapters/fs/disk-cache.js";
import { JsonlResultsStore, acquireDirLock } from "../../adapters/fs/jsonl-results-store.js";
import { loadSuite, type LoadedSuite } from "./load-suite.js";
import { gitInfo } from "../git/git-info.js";
import { OpenAiCompatibleProvider, completionUrl, requestBody } from "../../adapters/openai/openai-provider.js";
import { startManagedServe, type ManagedServe } from "../serve/managed-serve.js";
import { ConfigError } from "../../errors.js";
import { summaryFormat } from "../../core/contracts/summary.js";
import { sha256File } from "../fs/sha256-file.js";
import { judgePlan, judgeRemote, withJudges, type JudgePlanEntry } from "./run-judges.js";
import type { CaseSet } from "../../core/eval/case-set.js";
import { NEW_CASES_DIR, newCaseSetOf } from "../../core/eval/new-cases.js";
import { capHeapGrowth, collectGarbage } from "../process/collect-garbage.js";

export interface RunSuiteOptions {
  suitePath: string;
  /**
   * A trusted suite (the base branch's) that supplies the yardstick: cases, scorers, repeats, gate
   * and the target's endpoint. `suitePath` (the PR's) then contributes only what is judged: its
   * prompt templates and the target's sampling parameters.
   */
  yardstickPath?: string;
  cwd: string;
  out?: string;
  baseUrl?: string;
  model?: string;
  /** Apply the suite's variant of this name (its prompt and target). */
  variant?: string;
  concurrency?: number;
  /** Evaluate only the first N cases. */
  limit?: number;
  /** Evaluate one deterministic slice of the cases (`--shard I/N`); writes shard.json. */
  shard?: ShardSpec;
  noCache?: boolean;
  cacheDir?: string;
  /** Override the suite's timeouts (seconds; `adaptive: false` pins them). */
  timeouts?: Partial<TimeoutsConfig>;
  /** Exact latency percentiles at any size (8 bytes per record) instead of the sketch past 4,096 records. */
  exactPercentiles?: boolean;
  /** Override the suite's `hedge`. */
  hedge?: "auto" | boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Called with every secret value the run reads (the API key named by api_key_env), before it is sent: the action masks it in the runner's log. */
  onSecret?: (value: string) => void;
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
  /** Under a yardstick: the ungated run of the cases the candidate suite adds (`<outDir>/new-cases`). */
  newCases?: RunSuiteResult;
}

export interface SuitePlan {
  suite: string;
  cases: number;
  repeats: number;
  requests: number;
  target: { base_url: string; model: string; api: string };
  /** The first request as it is sent: where, and the JSON body. */
  first_request: { url: string; body: Record<string, unknown> } | null;
  /** Judge and embedding scorers: each one's first request, on the first case with a placeholder output. */
  judges?: JudgePlanEntry[];
}

/** Load the suite (one streaming scan of its cases) and the plan: a stream of requests, rendered as they are sent. */
async function prepareSuite(o: RunSuiteOptions) {
  let loaded: LoadedSuite;
  let added: { cases: CaseSet; datasetHash: string } | undefined;
  if (o.yardstickPath) {
    const yard = await loadSuite(o.yardstickPath, o.cwd);
    const cand = await loadSuite(o.suitePath, o.cwd, o.variant, checkoutRoot(resolve(o.cwd, o.suitePath)));
    loaded = withYardstick(yard, cand, o.logger);
    added = { cases: await newCaseSetOf(yard.cases, cand.cases), datasetHash: cand.hashes.dataset };
  } else {
    loaded = await loadSuite(o.suitePath, o.cwd, o.variant);
  }
  for (const w of loaded.warnings) o.logger.warn(w);
  const { suite } = loaded;
  const target = effectiveTarget(suite, { ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}), ...(o.model ? { model: o.model } : {}) });
  const scorers = createScorers(suite.scorers);
  const prompt = compilePrompt(loaded.prompt, `${loaded.displayFile}: prompt`, loaded.promptOrigins);
  const local = target.provider === "llama-cpp" ? await localModel(loaded.file, loaded.displayFile, target) : undefined;
  const selection = { ...(o.limit !== undefined ? { limit: o.limit } : {}), ...(o.shard ? { shard: o.shard } : {}) };
  const planner = (t: EffectiveTarget) => new JobPlanner(suite, prompt, t, local?.identity);
  const planFor = (t: EffectiveTarget) => planRun(loaded.cases, planner(t), selection);
  const limitedCases = o.limit !== undefined ? Math.min(loaded.cases.count, Math.max(0, o.limit)) : loaded.cases.count;
  // The first case's requests are rendered now, so a template error (an undefined variable, an
  // unknown filter) stops the run before a server is started or a request sent. A case-specific
  // failure further on stops the run at that case, naming it; the records before it are kept.
  for await (const first of planFor(target).plannedCases()) {
    planner(target).jobsFor(first, 0);
    break;
  }
  // New cases are evaluated only in a whole run (not a --limit or --shard slice of the yardstick).
  const newCases = o.limit === undefined && !o.shard && added && added.cases.count > 0 ? added.cases : null;
  const newPlanFor = (t: EffectiveTarget) => (newCases ? planRun(newCases, planner(t), {}) : null);
  return { loaded, suite, target, scorers, limitedCases, local, planFor, newPlanFor, newDatasetHash: added?.datasetHash ?? "" };
}

/**
 * The checkout a candidate suite belongs to (the nearest directory above it holding `.git`, else its
 * own directory): under a yardstick, everything the candidate suite reads must stay inside it.
 */
export function checkoutRoot(suiteFile: string): string {
  for (let d = dirname(suiteFile); ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return dirname(suiteFile);
  }
}

/**
 * The trusted yardstick with the candidate's prompt and sampling parameters. What else the
 * candidate changed is reported, not used: easier cases, a dropped scorer or its own base_url
 * cannot move the verdict.
 */
export function withYardstick(yard: LoadedSuite, cand: LoadedSuite, logger: Pick<Logger, "warn">): LoadedSuite {
  const ignored: string[] = [];
  if (cand.hashes.dataset !== yard.hashes.dataset) ignored.push("its cases (the yardstick's are gated; cases it adds are evaluated apart, not gated)");
  if (stableStringify(cand.suite.scorers) !== stableStringify(yard.suite.scorers)) ignored.push("its scorers");
  if (cand.suite.target.base_url !== yard.suite.target.base_url || cand.suite.target.model !== yard.suite.target.model || cand.suite.target.api_key_env !== yard.suite.target.api_key_env) ignored.push("its target endpoint, model or key");
  if (stableStringify(cand.suite.gate ?? null) !== stableStringify(yard.suite.gate ?? null)) ignored.push("its gate policy");
  // The seed is not a property of the change under test: a chosen one is a free draw an author can
  // search offline (temperature > 0) until the samples pass. The yardstick's (or none) is used.
  const seedOf = (p: LoadedSuite["suite"]["target"]["params"]) => p.seed ?? p.extra?.seed;
  const { extra: candExtra, ...candNamed } = cand.suite.target.params;
  const { seed: _extraSeed, ...extraRest } = candExtra ?? {};
  const yardSeed = seedOf(yard.suite.target.params);
  const params = {
    ...candNamed,
    seed: yard.suite.target.params.seed,
    ...(candExtra !== undefined || yard.suite.target.params.extra?.seed !== undefined ? { extra: { ...extraRest, ...(yard.suite.target.params.extra?.seed !== undefined ? { seed: yard.suite.target.params.extra.seed } : {}) } } : {}),
  };
  if (params.seed === undefined) delete params.seed;
  if (stableStringify(seedOf(cand.suite.target.params) ?? null) !== stableStringify(yardSeed ?? null)) ignored.push("its sampling seed");
  if (ignored.length > 0) logger.warn(`${cand.displayFile} changes ${ignored.join(", ")}; evaluated with ${yard.displayFile}'s instead (only the prompt and sampling parameters, not the seed, come from ${cand.displayFile})`);
  return {
    ...yard,
    suite: { ...yard.suite, target: { ...yard.suite.target, params } },
    prompt: cand.prompt,
    promptOrigins: cand.promptOrigins,
    promptFile: cand.promptFile,
    hashes: { ...yard.hashes, prompt: cand.hashes.prompt },
    warnings: [...yard.warnings, ...cand.warnings],
  };
}

interface LocalModel {
  modelPath: string;
  adapterPath?: string;
  /** Names the model in cache keys and provenance: the files' sha256, not the port. */
  identity: string;
}

/** A llama-cpp target's GGUF (and adapter), relative to the suite file, checked and hashed. */
async function localModel(suiteFile: string, displayFile: string, target: EffectiveTarget): Promise<LocalModel> {
  const key = target.gguf !== undefined ? "gguf" : "model_path";
  const check = async (field: string, value: string) => {
    const p = resolve(dirname(suiteFile), value);
    if (!existsSync(p)) throw new ConfigError(`${displayFile}: target.${field}: model file not found: ${p}`, { hint: "paths are relative to the suite file; export one with llmops export gguf <model-dir>" });
    if (statSync(p).isDirectory()) throw new ConfigError(`${displayFile}: target.${field}: ${p} is a directory; name the .gguf file`, { hint: "export one with llmops export gguf <model-dir>" });
    return { path: p, hash: `sha256:${await sha256File(p)}` };
  };
  const model = await check(key, (target.gguf ?? target.model_path)!);
  const adapter = target.serve?.adapter ? await check("serve.adapter", target.serve.adapter) : undefined;
  return { modelPath: model.path, ...(adapter ? { adapterPath: adapter.path } : {}), identity: `llama-cpp:${model.hash}${adapter ? `+${adapter.hash}` : ""}` };
}

/** `--dry-run`: the plan and the first request as it would be sent; nothing is sent or written. */
export async function planSuite(o: RunSuiteOptions): Promise<SuitePlan> {
  const { suite, target, planFor, scorers } = await prepareSuite(o);
  const plan = planFor(target);
  let firstJob: PlannedJob | undefined;
  for await (const job of plan.jobs()) {
    firstJob = job;
    break;
  }
  const first = firstJob?.request;
  return {
    suite: suite.name,
    cases: plan.cases,
    repeats: suite.repeats,
    requests: plan.size,
    target: { base_url: target.base_url, model: target.model, api: target.api },
    first_request: first ? { url: completionUrl(target.base_url, first.api), body: requestBody(first) } : null,
    ...withJudgesPlan(judgePlan(scorers, firstJob)),
  };
}

export async function runSuite(o: RunSuiteOptions): Promise<RunSuiteResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const prepared = await prepareSuite(o);
  const { loaded, suite, scorers, limitedCases, planFor, newPlanFor, newDatasetHash, local } = prepared;
  let target = prepared.target;
  let served: ManagedServe | undefined;
  if (local) {
    const concurrency = o.concurrency ?? suite.concurrency;
    served = await startManagedServe({
      modelPath: local.modelPath,
      ...(local.adapterPath ? { adapterPath: local.adapterPath } : {}),
      name: target.model,
      parallel: target.serve?.parallel ?? Math.min(concurrency, 4),
      queue: Math.max(64, concurrency),
      ...(target.serve?.threads ? { threads: target.serve.threads } : {}),
      ...(target.serve?.ctx ? { ctx: target.serve.ctx } : {}),
      ...(target.serve?.kv_cache ? { kvCache: target.serve.kv_cache } : {}),
      startupTimeoutMs: (target.serve?.startup_timeout_s ?? 120) * 1000,
      env: o.env,
      logger: o.logger,
    });
    target = { ...target, base_url: served.baseUrl };
  }
  try {
    // The plan renders requests for the target as run (a started server's URL is known only now).
    // The new cases' stream looks their ids up in the yardstick's table: it is kept for them.
    const newPlan = newPlanFor(target);
    const result = await runPlanned(o, t0, startedAt, { loaded, suite, target, scorers, limitedCases, plan: planFor(target), identity: local?.identity, releaseIndex: !newPlan || newPlan.cases === 0 });
    const newDir = join(result.outDir, NEW_CASES_DIR);
    if (!newPlan || newPlan.cases === 0) {
      rmSync(newDir, { recursive: true, force: true });
      return result;
    }
    o.logger.info(`new cases (not gated): ${newPlan.cases} case(s) that ${o.yardstickPath} does not have, evaluated apart into ${newDir}`);
    const added = await runPlanned({ ...o, out: newDir }, performance.now(), new Date().toISOString(), {
      loaded: { ...loaded, hashes: { ...loaded.hashes, dataset: newDatasetHash } },
      suite,
      target,
      scorers,
      limitedCases: newPlan.cases,
      plan: newPlan,
      identity: local?.identity,
      releaseIndex: true,
    });
    return { ...result, newCases: added };
  } finally {
    await served?.stop();
  }
}

async function runPlanned(
  o: RunSuiteOptions,
  t0: number,
  startedAt: string,
  p: Omit<Awaited<ReturnType<typeof prepareSuite>>, "local" | "planFor" | "newPlanFor" | "newDatasetHash"> & {
    plan: RunPlan;
    identity: string | undefined;
    /** No later plan over these cases needs their id → index table. */
    releaseIndex: boolean;
  },
): Promise<RunSuiteResult> {
  const { loaded, suite, target, scorers, limitedCases, plan } = p;
  const outDir = resolve(o.cwd, o.out ?? join(".llmops", "eval", loaded.variant ? `${suite.name}@${loaded.variant}` : suite.name));
  mkdirSync(outDir, { recursive: true });
  const release = acquireDirLock(join(outDir, ".lock"));
  try {
    const store = new JsonlResultsStore(join(outDir, "results.jsonl"));
    const apiKey = target.api_key_env ? o.env[target.api_key_env] : undefined;
    if (apiKey) o.onSecret?.(apiKey);
    if (target.api_key_env && !apiKey) o.logger.warn(`environment variable ${target.api_key_env} (target.api_key_env) is not set; sending no API key`);
    const provider = new OpenAiCompatibleProvider({
      baseUrl: target.base_url,
      ...(apiKey ? { apiKey } : {}),
      ...(target.api_key_env ? { apiKeyEnv: target.api_key_env } : {}),
      onNotice: (m) => o.logger.warn(m),
    });
    const cacheDir = o.cacheDir ?? defaultResponseCacheDir(o.env);
    o.logger.info(
      `eval ${suite.name}: ${plan.cases} cases × ${suite.repeats} repeat(s) against ${target.model} at ${target.base_url} (concurrency ${o.concurrency ?? suite.concurrency}${o.noCache ? ", no cache" : ""})`,
    );
    const accumulator = new SummaryAccumulator(scorers, suite.repeats, o.exactPercentiles ?? false);
    // A fresh run (nothing on disk to resume) with only local scorers never looks a case id up
    // again: the id table (25 MB at a million cases) is dropped, and collected before the run's
    // own garbage piles on top of it.
    if (p.releaseIndex && !store.mayHoldRecords() && !scorers.some((s) => s.remote !== undefined) && plan.releaseIndex() >= 4 << 20) collectGarbage();
    const uncapHeap = capHeapGrowth();
    const outcome = await runEval(
      plan,
      {
        summary: accumulator,
        provider,
        cache: o.noCache ? null : new DiskResponseCache(cacheDir, o.logger),
        store,
        scorers,
        clock: systemClock,
        logger: o.logger,
        progress: o.progress,
        random: Math.random,
        ...(o.signal ? { signal: o.signal } : {}),
        remote: judgeRemote(o, suite, cacheDir),
      },
      {
        concurrency: o.concurrency ?? suite.concurrency,
        retry: { maxAttempts: suite.retries.max_attempts, baseDelayMs: suite.retries.base_delay_ms, maxDelayMs: suite.retries.max_delay_ms },
        prices: target.prices,
        deadlines: deadlinePolicy({ ...suite.timeouts, ...o.timeouts }),
        hedge: hedgeEnabled(o.hedge ?? suite.hedge, target.base_url),
      },
    ).finally(uncapHeap);
    if (store.keptPrevious) {
      const summaryPath = join(outDir, "summary.json");
      if (existsSync(summaryPath)) renameSync(summaryPath, join(outDir, "summary.previous.json"));
      o.logger.warn(`${outDir} held records this run does not keep; the previous run is kept as results.previous.jsonl and summary.previous.json there (use another --out to keep runs side by side)`);
    }
    if (store.droppedPartialLine) o.logger.warn("the results file ended in a cut-off line (an earlier run was killed); it was dropped and that case re-run");

    const params = flatParams(target.params);
    const summary = accumulator.summary({
      suite: { name: suite.name, file: relative(o.cwd, loaded.file) || loaded.file, hash: loaded.hashes.suite },
      cases: plan.cases,
      repeats: suite.repeats,
      scorers,
      configs: Object.fromEntries(scorers.map((s, i) => [s.name, suite.scorers[i] as Record<string, unknown>])),
      currency: target.prices?.currency,
      provenance: {
        llmops_version: VERSION,
        git: gitInfo(o.cwd),
        suite_hash: loaded.hashes.suite,
        dataset_hash: loaded.hashes.dataset,
        prompt_hash: loaded.hashes.prompt,
        ...(loaded.variant ? { variant: loaded.variant } : {}),
        // A llama-cpp target is named by its files' hashes (the port changes every run).
        target: {
          provider: target.provider,
          base_url: p.identity ?? target.base_url,
          model: target.model,
          api: target.api,
          params,
          ...(p.identity ? { model_hash: p.identity.replace(/^llama-cpp:/, "") } : {}),
        },
        scorers: Object.fromEntries(scorers.map((s) => [s.name, s.signature])),
        seed: suite.seed,
        started_at: startedAt,
        finished_at: new Date().toISOString(),
        node: process.version,
      },
      bootstrapResamples: 2000,
      prices: target.prices,
      deadlines: outcome.deadlines,
    });
    withJudges(summary, scorers, outcome.remote, loaded.judgeLabels, o.logger);
    const summaryPath = join(outDir, "summary.json");
    writeFileSync(summaryPath, summaryFormat.serialize(summary));
    const shardPath = join(outDir, "shard.json");
    if (o.shard) {
      // The one list a run holds: this shard's case ids, for merge-shards to check the set.
      const caseIds: string[] = [];
      for await (const c of plan.plannedCases()) caseIds.push(c.id);
      const shard: EvalShard = {
        schema: "llmops.eval-shard/v1",
        index: o.shard.index,
        count: o.shard.count,
        suite: { name: suite.name, file: relative(o.cwd, loaded.file) || loaded.file, hash: loaded.hashes.suite },
        total_cases: limitedCases,
        case_ids: caseIds,
      };
      writeFileSync(shardPath, evalShardFormat.serialize(shard));
    } else if (existsSync(shardPath)) rmSync(shardPath);
    return { outDir, resultsPath: store.path, summaryPath, summary, outcome, wallMs: performance.now() - t0 };
  } finally {
    release();
  }
}

/**
 * A run in which every request failed measured nothing about the model: the server (or the way it
 * is addressed) refused. An external failure (exit 2) for the CLI and the evaluate action alike;
 * the run directory is still written, so the errors can be read there.
 */
export function assertSomeAnswered(r: RunSuiteResult): void {
  const { errors, records } = r.summary.counts;
  if (records === 0 || errors < records) return;
  const kinds = r.summary.errors.map((e) => `${e.count} × ${e.kind}: ${e.example}`).join("; ");
  throw new ExternalError(`every request failed (${errors} of ${records}) — ${kinds || "see results.jsonl"}`, {
    hint: `the model server answered no request successfully; check target.base_url, the model name and the server's log (the errors are in ${r.resultsPath})`,
  });
}

/**
 * Where responses are cached unless told otherwise: never in the checked-out tree (a pull request
 * could commit entries there). On a runner, the tool cache (kept between jobs on self-hosted
 * runners) or the job's temp directory; elsewhere the user's cache directory.
 */
export function defaultResponseCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP || env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(base, "llmops", "responses");
}

/** True when `dir` is `root` or inside it. */
export function isInside(dir: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function withJudgesPlan(judges: JudgePlanEntry[]): { judges?: JudgePlanEntry[] } {
  return judges.length ? { judges } : {};
}

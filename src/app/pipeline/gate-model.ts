// The required gate's model under test, built by trusted code (issue 8). The base's checkout is
// the code: its pipeline file, its stage programs (e.g. the data generator), its trainer and its
// llmops. The pull request contributes only the files the base's workflow lists as training DATA
// (its params file, its training spec, committed data files), copied into a copy of the base
// tree — never its pipeline file, scripts or installs. The base's pipeline then computes the stage
// keys over both trees: equal keys mean the candidate model is the baseline model; different keys
// mean training, which runs only when the PR's current head is trusted (API-checked), else the
// gate fails closed. Stage results are restored from the base branch's cache by key and never
// saved from here: a pull_request_target job writes into the base branch's cache scope.
import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { GateModel } from "../../core/contracts/gate-model.js";
import { decideGateTraining, specCodeChange } from "../../core/github/gate-training.js";
import { withUpstream, type Pipeline } from "../../core/pipeline/index.js";
import type { Logger } from "../../core/ports/index.js";
import { parseTrainSpec } from "../../core/train/spec.js";
import { ConfigError, InputError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { loadPipeline } from "./load-pipeline.js";
import { planPipeline } from "./plan.js";
import { runPipeline, type RemoteStageCache } from "./run-pipeline.js";
import { openWorkspace } from "./workspace.js";

export interface GateModelOptions {
  /** The base checkout: every program that runs comes from here. */
  root: string;
  /** The pull request's checkout, read as data only. */
  prDir: string;
  /** The pipeline file, absolute, inside root. */
  pipelineFile: string;
  /** The stage that writes the model, and the model file it writes (relative to the root). */
  stage: string;
  model: string;
  /** Paths (relative to the repository root) taken from the PR as training data. */
  prData: readonly string[];
  /** Where the candidate tree is built (outside the workspace: the runner's temp directory). */
  workDir: string;
  llmops: string[];
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Restores only: nothing is ever saved from here. */
  remote?: RemoteStageCache;
  pullRequest: { number: number; headSha: string; headRepo: string | null };
  baseCommit: string;
  trust: () => Promise<{ allowed: boolean; reason: string; approvedBy?: string }>;
  /** false: decide only (the gate judges an external endpoint and cannot serve a model). */
  build: boolean;
}

export interface GateModelResult {
  record: GateModel;
  baselineModel: string | null;
  candidateModel: string | null;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A repository-relative path that stays inside the repository. */
function checkRel(p: string, what: string): string {
  const norm = p.split("\\").join("/").replace(/^\.\//, "");
  if (norm === "" || isAbsolute(norm) || norm.split("/").some((s) => s === ".." || s === "") || norm.startsWith(".git/") || norm === ".git") {
    throw new InputError(`${what}: ${JSON.stringify(p)} is not a path inside the repository`, { hint: "list repository-relative paths such as pipelines/params.yaml" });
  }
  return norm;
}

/** A PR file's bytes, or null when the PR does not have it; refuses links and anything outside the PR checkout. */
function readPrFile(prDir: string, rel: string): Buffer | null {
  const abs = join(prDir, rel);
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    return null;
  }
  const real = realpathSync(dirname(abs));
  const top = realpathSync(prDir);
  if (real !== top && !real.startsWith(top + sep)) throw new InputError(`the pull request's ${rel} lies outside its checkout (a linked directory); refusing to read it as training data`);
  if (!st.isFile()) throw new InputError(`the pull request's ${rel} is not a regular file (a link or a directory); refusing to read it as training data`, { hint: "training data files must be committed as plain files" });
  return readFileSync(abs);
}

/** Keys of the stages that make the model, as the base's pipeline computes them in `tree`. */
async function stageKeys(tree: string, pipelineRel: string, stage: string, cacheDir: string): Promise<{ keys: Record<string, string>; pipeline: Pipeline }> {
  const pipeline = loadPipeline(join(tree, pipelineRel), tree);
  if (!pipeline.stages.some((s) => s.name === stage)) {
    throw new ConfigError(`${pipelineRel}: there is no stage ${stage} (input "stage")`, { hint: `stages: ${pipeline.stages.map((s) => s.name).join(", ")}` });
  }
  const needed = withUpstream(pipeline.stages, [stage]);
  const plans = await planPipeline(pipeline, openWorkspace(tree, pipeline.name, cacheDir));
  return { keys: Object.fromEntries(plans.filter((p) => needed.has(p.stage.name)).map((p) => [p.stage.name, p.key])), pipeline };
}

/** The first way the candidate tree's training specs change what runs, or read outside the tree. */
function trainingCodeChange(pipeline: Pipeline, stage: string, root: string, tree: string): string | null {
  const needed = withUpstream(pipeline.stages, [stage]);
  for (const s of pipeline.stages) {
    if (!needed.has(s.name) || s.uses !== "train") continue;
    const specRel = s.command.argv[1]!;
    const read = (dir: string) => {
      const file = join(dir, specRel);
      return existsSync(file) ? parseTrainSpec(readFileSync(file, "utf8"), specRel) : null;
    };
    const base = read(root);
    const pr = read(tree);
    if (!pr || !base) continue;
    const field = specCodeChange(base as unknown as Record<string, unknown>, pr as unknown as Record<string, unknown>);
    if (field) return `${specRel} changes \`${field}\``;
    for (const key of ["train", "validation"] as const) {
      const d = pr.datasets[key];
      if (d === undefined) continue;
      const abs = resolve(dirname(join(tree, specRel)), d);
      const rel = relative(tree, abs);
      if (rel.startsWith("..") || isAbsolute(rel)) return `${specRel}'s datasets.${key} reads ${d}, outside the repository`;
    }
  }
  return null;
}

export async function buildGateModel(o: GateModelOptions): Promise<GateModelResult> {
  const pipelineRel = relative(o.root, o.pipelineFile).split(sep).join("/");
  const prData = o.prData.map((p) => checkRel(p, 'input "pr-data"'));
  if (prData.includes(pipelineRel)) {
    throw new InputError(`input "pr-data" lists the pipeline file ${pipelineRel}: its stages are code (run: commands); the gate always uses the base's`, { hint: "list only data the base's stages read: the params file, training specs, committed data files" });
  }
  const now = new Date().toISOString();
  const empty = { baseline: {}, candidate: {} };
  const base: Omit<GateModel, "decision" | "reason" | "approved_by" | "pr_data" | "keys" | "baseline_model" | "candidate_model"> = {
    schema: "llmops.gate-model/v1",
    pull_request: { number: o.pullRequest.number, head_sha: o.pullRequest.headSha, head_repo: o.pullRequest.headRepo },
    base_commit: o.baseCommit,
    llmops_version: VERSION,
    created_at: now,
  };

  // The PR's data, hashed next to the base's. A link (or a file behind a linked directory) is the
  // PR's doing: the gate fails with the reason rather than read through it.
  const unreadable: string[] = [];
  const files = prData.map((path) => {
    let pr: Buffer | null = null;
    try {
      pr = readPrFile(o.prDir, path);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      unreadable.push(err.message);
    }
    const baseFile = join(o.root, path);
    const baseHash = existsSync(baseFile) ? sha256(readFileSync(baseFile)) : null;
    const prHash = pr ? sha256(pr) : null;
    return { path, bytes: pr, sha256: prHash, changed: prHash !== baseHash };
  });
  const prDataRecord = files.map(({ path, sha256: h, changed }) => ({ path, sha256: h, changed }));
  if (unreadable.length > 0) {
    const reason = `${unreadable.join("; ")}; the required gate does not judge this pull request until its training data are plain files`;
    o.logger.warn(reason);
    return { record: { ...base, decision: "refused", reason, approved_by: null, pr_data: prDataRecord, keys: empty, baseline_model: null, candidate_model: null }, baselineModel: null, candidateModel: null };
  }

  if (!existsSync(o.pipelineFile)) {
    const reason = `the base has no pipeline ${pipelineRel}: nothing is trained, the gate judges prompts and sampling parameters only`;
    o.logger.info(reason);
    return { record: { ...base, decision: "unchanged", reason, approved_by: null, pr_data: prDataRecord, keys: empty, baseline_model: null, candidate_model: null }, baselineModel: null, candidateModel: null };
  }

  // The candidate tree: the base's files (its code), with the PR's data in place.
  const tree = join(o.workDir, "candidate");
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const skip = new Set([".llmops", "node_modules", "reports"].map((d) => join(o.root, d)));
  const prTop = resolve(o.prDir);
  cpSync(o.root, tree, { recursive: true, verbatimSymlinks: true, filter: (src) => !skip.has(src) && src !== prTop && !src.startsWith(prTop + sep) });
  for (const f of files) {
    const dest = join(tree, f.path);
    if (f.bytes === null) rmSync(dest, { force: true });
    else {
      mkdirSync(dirname(dest), { recursive: true });
      rmSync(dest, { force: true });
      cpSync(join(o.prDir, f.path), dest);
    }
  }

  const cacheDir = join(o.root, ".llmops", "cache");
  const baseKeys = await stageKeys(o.root, pipelineRel, o.stage, cacheDir);
  const candKeys = await stageKeys(tree, pipelineRel, o.stage, cacheDir);
  const codeChange = trainingCodeChange(baseKeys.pipeline, o.stage, o.root, tree);
  const d = await decideGateTraining({ baselineKeys: baseKeys.keys, candidateKeys: candKeys.keys, codeChange, trust: o.trust, headSha: o.pullRequest.headSha });
  if (!o.build && d.decision === "trained") {
    // An external endpoint serves the base's model; a model trained here could not be judged.
    d.decision = "refused";
    d.reason = `training inputs changed (stages ${d.changedStages.join(", ")}), but this gate judges an external endpoint (build: false), which cannot serve a model trained from the pull request; the change is not judged`;
  }
  o.logger.info(`model under test: ${d.decision} — ${d.reason}`);
  const record: GateModel = { ...base, decision: d.decision, reason: d.reason, approved_by: d.approvedBy, pr_data: prDataRecord, keys: { baseline: baseKeys.keys, candidate: candKeys.keys }, baseline_model: null, candidate_model: null };
  if (!o.build || d.decision === "needs-approval" || d.decision === "refused") return { record, baselineModel: null, candidateModel: null };

  // Restore (or, on a miss, build with the base's own inputs) the baseline; then the candidate.
  const restoreOnly: RemoteStageCache | undefined = o.remote ? { restore: (k, s) => o.remote!.restore(k, s), save: async () => {} } : undefined;
  // The model's stage and every stage it reads (a selection runs only what it names).
  const upstream = [...withUpstream(baseKeys.pipeline.stages, [o.stage])];
  const build = async (root: string, side: string) => {
    o.logger.info(`building the ${side} model in ${root} (stages ${upstream.join(", ")})`);
    const r = await runPipeline({
      root,
      pipelineFile: join(root, pipelineRel),
      stages: upstream,
      cacheDir,
      llmops: o.llmops,
      env: o.env,
      logger: o.logger,
      ...(restoreOnly ? { remote: restoreOnly } : {}),
      recordRoot: join(o.workDir, side),
    });
    if (r.run.status !== "passed") {
      const failed = r.run.stages.filter((s) => s.outcome === "failed").map((s) => `${s.name}: ${s.reason}`);
      throw new ConfigError(`the ${side} model could not be built (${failed.join("; ") || r.run.status})`, { hint: `see the ${side} build's log above; the run record is ${r.recordPath}` });
    }
    const file = join(root, o.model);
    if (!existsSync(file)) throw new ConfigError(`stage ${o.stage} finished but ${o.model} does not exist (input "model")`, { hint: "name the file the stage writes, e.g. the export stage's out" });
    const needed = withUpstream(r.pipeline.stages, [o.stage]);
    return { path: file, ref: { path: o.model, sha256: sha256(readFileSync(file)), stages: r.run.stages.filter((s) => needed.has(s.name)).map((s) => ({ name: s.name, key: s.key, outcome: s.outcome })) } };
  };
  const baseline = await build(o.root, "baseline");
  record.baseline_model = baseline.ref;
  if (d.decision === "unchanged") {
    record.candidate_model = baseline.ref;
    return { record, baselineModel: baseline.path, candidateModel: baseline.path };
  }
  const candidate = await build(tree, "candidate");
  record.candidate_model = candidate.ref;
  return { record, baselineModel: baseline.path, candidateModel: candidate.path };
}

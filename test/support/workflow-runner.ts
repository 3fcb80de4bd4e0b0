// Executes a workflow file the way the GitHub runner does, for end-to-end tests of our own
// workflows: jobs in `needs` order, each on a fresh workspace with its own RUNNER_TEMP and a
// GITHUB_TOKEN minted with the job's `permissions:`; `${{ }}` and `if:` evaluated by GitHub's own
// expression engine (@actions/expressions); local actions (`uses: ./actions/x`) spawned as
// `node <runs.main>` from the action.yml found IN THE WORKSPACE (as the runner resolves them), with
// INPUT_* (defaults from that action.yml), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY; a pinned action
// `owner/name/path@<40-hex sha>` of a repository in `remotes` is fetched at that commit (as the
// runner downloads it) and run the same way; `run:` steps as
// `bash --noprofile --norc -eo pipefail <file>`. The few third-party actions our workflows use are
// emulated with their documented effect on real local parts: actions/checkout fetches the ref from a
// real git repository (a temp dir standing for github.com/<repository>), upload/download-artifact
// copy a directory through this run's artifact store, setup-node is the test's own node. Job-level
// `if:` and `outputs:`, and the status functions (success(), failure(), always(); cancelled() is
// false: nothing cancels an emulated run) are evaluated as the runner does. A step the emulation
// cannot run (an apt install, `npm ci`) is replaced only where the test names it in `standIns`, with
// its reason, recorded on the step. Job strategy/container/services, reusable workflows and the env
// context are not modelled: a workflow using them is refused rather than run approximately.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { Evaluator, Lexer, Parser, data } from "@actions/expressions";
import { truthy } from "@actions/expressions/result";
import { parse as parseYaml } from "yaml";
import { parseOutputFile } from "./fake-github-action.js";

export interface WorkflowRunnerOptions {
  /** The workflow's YAML text, as the runner read it (for pull_request_target: from the base). */
  workflow: string;
  eventName: string;
  event: Record<string, unknown>;
  /** owner/name of the repository the workflow runs in. */
  repository: string;
  /** owner/name → path of a real git repository standing for github.com/<owner/name>. */
  remotes: Record<string, string>;
  /** The commit the run is for (GITHUB_SHA) and its ref (GITHUB_REF). */
  sha: string;
  ref: string;
  vars?: Record<string, string>;
  apiUrl: string;
  /** Mints the job's GITHUB_TOKEN from its `permissions:` (the fake GitHub records what it may do). */
  mintToken: (job: string, permissions: Record<string, string>) => string;
  /** Variables every step sees in addition to the runner's own (e.g. a fake ACTIONS_RUNTIME_TOKEN). */
  runnerEnv?: Record<string, string>;
  /** Per step, in ms (default 120 s). */
  stepTimeoutMs?: number;
  /**
   * Steps (by job and name, `job/step name`) the emulation cannot run, replaced by what the test
   * does instead (e.g. link its own node_modules for `npm ci`). Each is recorded on its StepRecord
   * (`standIn`), and one that matches no step is an error.
   */
  standIns?: Record<string, { reason: string; run?: (workspace: string) => void }>;
}

export interface StepRecord {
  job: string;
  name: string;
  uses?: string;
  /** The program the step executed (the local action's bundle), absolute. */
  program?: string;
  skipped: boolean;
  /** Set when the step was not run but replaced by the test's stand-in: its reason. */
  standIn?: string;
  code: number;
  outputs: Record<string, string>;
  log: string;
}

export interface JobRecord {
  result: "success" | "failure" | "skipped";
  /** The job's `outputs:`, evaluated after its steps. */
  outputs: Record<string, string>;
  workspace: string;
  token: string;
  steps: StepRecord[];
}

export interface WorkflowRun {
  jobs: Record<string, JobRecord>;
  steps: StepRecord[];
  artifacts: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface StepDef { id?: string; name?: string; uses?: string; run?: string; if?: string | boolean; with?: Record<string, unknown>; env?: Record<string, unknown>; shell?: string; "working-directory"?: string; "continue-on-error"?: unknown }
interface JobDef { needs?: string | string[]; if?: string | boolean; permissions?: Record<string, string> | string; steps: StepDef[]; env?: Record<string, unknown>; outputs?: Record<string, string> }

export async function runWorkflow(o: WorkflowRunnerOptions): Promise<WorkflowRun> {
  const wf = parseYaml(o.workflow) as { jobs: Record<string, JobDef>; env?: Record<string, unknown> };
  const artifacts = mkdtempSync(join(tmpdir(), "llmops-wf-artifacts-"));
  const jobs: Record<string, JobRecord> = {};
  const all: StepRecord[] = [];
  for (const name of jobOrder(wf.jobs)) {
    const def = wf.jobs[name]!;
    // What this emulation does not model is refused, never approximated.
    for (const key of ["strategy", "container", "services", "uses"] as const) {
      if ((def as unknown as Record<string, unknown>)[key] !== undefined) throw new Error(`workflow-runner: job ${name}: "${key}:" is not emulated`);
    }
    const needs = typeof def.needs === "string" ? [def.needs] : (def.needs ?? []);
    const workspace = mkdtempSync(join(tmpdir(), `llmops-wf-${name}-`));
    const temp = mkdtempSync(join(tmpdir(), `llmops-wf-${name}-temp-`));
    const permissions = typeof def.permissions === "object" ? def.permissions : {};
    const token = o.mintToken(name, permissions);
    const job: JobRecord = { result: "success", outputs: {}, workspace, token, steps: [] };
    jobs[name] = job;
    const steps: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> = {};
    const context = () => ({
      github: {
        event: o.event as Json,
        event_name: o.eventName,
        repository: o.repository,
        repository_owner: o.repository.split("/")[0]!,
        sha: o.sha,
        ref: o.ref,
        token,
        workspace,
        server_url: "https://github.com",
        api_url: o.apiUrl,
        run_id: "4242",
        job: name,
      },
      vars: o.vars ?? {},
      secrets: {},
      env: {},
      runner: { temp, os: "Linux", arch: "X64", environment: "github-hosted" },
      steps,
      needs: Object.fromEntries(needs.map((n) => [n, { result: jobs[n]!.result, outputs: jobs[n]!.outputs }])),
    });
    // A job runs when its needs succeeded, unless its if: calls a status function (always(), failure()).
    const needsOk = needs.every((n) => jobs[n]?.result === "success");
    if (!condition(def.if, needsOk, context())) {
      job.result = "skipped";
      continue;
    }
    for (const [i, step] of def.steps.entries()) {
      const label = step.name ?? step.uses ?? `step ${i + 1}`;
      for (const key of ["shell", "working-directory", "continue-on-error"] as const) if (step[key] !== undefined) throw new Error(`workflow-runner: ${label}: "${key}:" is not emulated`);
      if (/\$\{\{[^}]*\benv\./.test(JSON.stringify(step)) || /\benv\./.test(typeof step.if === "string" ? step.if : "")) throw new Error(`workflow-runner: ${label}: the env context is not emulated`);
      const enabled = condition(step.if, job.result === "success", context());
      const standIn = o.standIns?.[`${name}/${label}`];
      if (!enabled || standIn) {
        if (enabled && standIn) standIn.run?.(workspace);
        const rec: StepRecord = { job: name, name: label, ...(step.uses ? { uses: step.uses } : {}), skipped: true, ...(enabled && standIn ? { standIn: standIn.reason } : {}), code: 0, outputs: {}, log: "" };
        job.steps.push(rec);
        all.push(rec);
        if (step.id) steps[step.id] = { outputs: {}, outcome: "skipped", conclusion: "skipped" };
        continue;
      }
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), context())]));
      const stepEnv = Object.fromEntries(Object.entries({ ...wf.env, ...def.env, ...step.env }).map(([k, v]) => [k, interpolate(String(v), context())]));
      const files = mkdtempSync(join(temp, "_step-"));
      const base: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        HOME: temp,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: o.eventName,
        GITHUB_EVENT_PATH: join(temp, "event.json"),
        GITHUB_REPOSITORY: o.repository,
        GITHUB_SHA: o.sha,
        GITHUB_REF: o.ref,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_API_URL: o.apiUrl,
        GITHUB_RUN_ID: "4242",
        GITHUB_JOB: name,
        GITHUB_OUTPUT: join(files, "output"),
        GITHUB_STEP_SUMMARY: join(files, "summary"),
        RUNNER_TEMP: temp,
        RUNNER_ENVIRONMENT: "github-hosted",
        RUNNER_OS: "Linux",
        ...o.runnerEnv,
        ...stepEnv,
      };
      writeFileSync(base.GITHUB_EVENT_PATH!, JSON.stringify(o.event));
      writeFileSync(base.GITHUB_OUTPUT!, "");
      writeFileSync(base.GITHUB_STEP_SUMMARY!, "");
      const rec = await runStep({ job: name, label, step, inputs, env: base, workspace, remotes: o.remotes, artifacts, context, timeoutMs: o.stepTimeoutMs ?? 120_000 });
      job.steps.push(rec);
      all.push(rec);
      if (step.id) steps[step.id] = { outputs: rec.outputs, outcome: rec.code === 0 ? "success" : "failure", conclusion: rec.code === 0 ? "success" : "failure" };
      if (rec.code !== 0) job.result = "failure";
    }
    for (const [k, v] of Object.entries(def.outputs ?? {})) job.outputs[k] = interpolate(String(v), context());
  }
  for (const key of Object.keys(o.standIns ?? {})) {
    // A stand-in for a job that did not run (its if: was false) is fine; one naming no step is a typo.
    if (jobs[key.split("/")[0]!]?.result === "skipped") continue;
    if (!all.some((st) => `${st.job}/${st.name}` === key)) throw new Error(`workflow-runner: standIns names ${key}, which is no step of this workflow`);
  }
  return { jobs, steps: all, artifacts };
}

/**
 * An `if:` as the runner decides it: without a status function the condition is `success() && (…)`;
 * with one, the expression alone. `ok`: the job's steps so far (or the job's needs) succeeded.
 */
function condition(cond: string | boolean | undefined, ok: boolean, context: Record<string, unknown>): boolean {
  if (cond === undefined) return ok;
  const text = String(cond);
  const usesStatus = /\b(success|failure|always|cancelled)\s*\(/.test(text);
  const value = truthy(evaluate(text, context, ok));
  return usesStatus ? value : ok && value;
}

interface StepContext {
  job: string;
  label: string;
  step: StepDef;
  inputs: Record<string, string>;
  env: Record<string, string>;
  workspace: string;
  remotes: Record<string, string>;
  artifacts: string;
  context: () => Record<string, unknown>;
  timeoutMs: number;
}

async function runStep(s: StepContext): Promise<StepRecord> {
  const rec: StepRecord = { job: s.job, name: s.label, ...(s.step.uses ? { uses: s.step.uses } : {}), skipped: false, code: 0, outputs: {}, log: "" };
  const done = (code: number, log: string) => ({ ...rec, code, log, outputs: parseOutputFile(readFileSync(s.env.GITHUB_OUTPUT!, "utf8")) });
  if (s.step.run !== undefined) {
    const script = join(dirname(s.env.GITHUB_OUTPUT!), "script.sh");
    writeFileSync(script, s.step.run);
    const r = await spawnLogged("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], s.env, s.workspace, s.timeoutMs);
    return done(r.code, r.log);
  }
  const uses = s.step.uses ?? "";
  // A pinned action of a repository the test stands up (`owner/name/path@<sha>`): fetched at that
  // commit into the runner's action cache (outside the workspace), then run like a local one.
  const pinned = /^([\w.-]+\/[\w.-]+)\/([\w./-]+)@([0-9a-f]{40})$/.exec(uses);
  const pinnedRemote = pinned ? s.remotes[pinned[1]!] : undefined;
  if (pinned && pinnedRemote) {
    const dir = join(`${s.artifacts}-actions`, pinned[1]!, pinned[3]!);
    if (!existsSync(join(dir, ".git"))) {
      mkdirSync(dir, { recursive: true });
      const git = (args: string[]) => execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "", HOME: s.env.HOME!, GIT_CONFIG_NOSYSTEM: "1" } });
      git(["init", "--quiet"]);
      git(["fetch", "--quiet", "--no-tags", pinnedRemote, "--end-of-options", pinned[3]!]);
      git(["checkout", "--quiet", "--detach", "FETCH_HEAD"]);
    }
    return runNodeAction(s, join(dir, pinned[2]!), done);
  }
  if (uses.startsWith("./")) return runNodeAction(s, resolve(s.workspace, uses), done);
  const action = uses.split("@")[0];
  switch (action) {
    case "actions/checkout":
      return done(...checkout(s));
    case "actions/setup-node":
      return done(0, `node ${process.version} (the test's own) is on PATH`);
    case "actions/upload-artifact": {
      const from = resolve(s.workspace, s.inputs.path ?? "");
      if (!existsSync(from)) return done(s.inputs["if-no-files-found"] === "error" ? 1 : 0, `No files were found with the provided path: ${s.inputs.path}`);
      const to = join(s.artifacts, s.inputs.name ?? "artifact");
      if (existsSync(to)) return done(1, `an artifact named ${s.inputs.name} already exists in this run`);
      cpSync(from, to, { recursive: true, verbatimSymlinks: true });
      return done(0, `uploaded ${s.inputs.name}`);
    }
    case "actions/download-artifact": {
      // Without run-id the action reads the current run's artifacts only.
      if (s.inputs["run-id"]) throw new Error("workflow-runner: download-artifact from another run is not emulated");
      const from = join(s.artifacts, s.inputs.name ?? "");
      if (!existsSync(from)) return done(1, `Unable to download artifact(s): Artifact not found for name: ${s.inputs.name}`);
      const to = resolve(s.workspace, s.inputs.path ?? ".");
      cpSync(from, to, { recursive: true, verbatimSymlinks: true });
      return done(0, `downloaded ${s.inputs.name} to ${to}`);
    }
    default:
      throw new Error(`workflow-runner: ${uses} is not emulated`);
  }
}

/** A node action whose action.yml is in `dir`: inputs as INPUT_* (defaults interpolated), its runs.main spawned in the workspace. */
async function runNodeAction(s: StepContext, dir: string, done: (code: number, log: string) => StepRecord): Promise<StepRecord> {
  const uses = s.step.uses ?? "";
  const metaFile = ["action.yml", "action.yaml"].map((f) => join(dir, f)).find(existsSync);
  if (!metaFile) return done(1, `Can't find 'action.yml' under '${dir}'. Did you forget to run actions/checkout before running your local action?`);
  const meta = parseYaml(readFileSync(metaFile, "utf8")) as { inputs?: Record<string, { default?: unknown }>; runs: { using: string; main: string } };
  if (!/^node\d+$/.test(meta.runs.using)) throw new Error(`workflow-runner: ${uses} uses ${meta.runs.using}; only node actions are emulated`);
  const env = { ...s.env };
  for (const [k, spec] of Object.entries(meta.inputs ?? {})) {
    if (spec.default !== undefined) env[`INPUT_${k.toUpperCase()}`] = interpolate(String(spec.default), s.context());
  }
  for (const [k, v] of Object.entries(s.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const program = resolve(dir, meta.runs.main);
  const r = await spawnLogged(process.execPath, [program], env, s.workspace, s.timeoutMs);
  return { ...done(r.code, r.log), program };
}

/** actions/checkout: the ref of `repository` (default: the workflow's) fetched into `path`, detached; `fetch-depth: 0` fetches all history and branches. */
function checkout(s: StepContext): [number, string] {
  const repo = s.inputs.repository || s.env.GITHUB_REPOSITORY!;
  const remote = s.remotes[repo];
  if (!remote) return [1, `repository not found: ${repo}`];
  const dest = resolve(s.workspace, s.inputs.path ?? ".");
  if (relative(s.workspace, dest).startsWith("..") || isAbsolute(relative(s.workspace, dest))) return [1, `Repository path '${dest}' is not under '${s.workspace}'`];
  mkdirSync(dest, { recursive: true });
  const git = (args: string[]) => execFileSync("git", args, { cwd: dest, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { PATH: process.env.PATH ?? "", HOME: s.env.HOME!, GIT_CONFIG_NOSYSTEM: "1" } });
  try {
    git(["init", "--quiet"]);
    // fetch-depth: 0 → all history, and every branch as refs/remotes/origin/* (as the action does).
    const full = s.inputs["fetch-depth"] === "0";
    if (full) git(["fetch", "--quiet", "--no-tags", remote, "+refs/heads/*:refs/remotes/origin/*"]);
    git(["fetch", "--quiet", "--no-tags", ...(full ? [] : ["--depth=1"]), remote, "--end-of-options", s.inputs.ref || "HEAD"]);
    git(["checkout", "--quiet", "--detach", "FETCH_HEAD"]);
    return [0, `checked out ${repo}@${git(["rev-parse", "HEAD"]).trim()} into ${dest}`];
  } catch (err) {
    return [1, String((err as { stderr?: string }).stderr ?? err)];
  }
}

function spawnLogged(cmd: string, args: string[], env: Record<string, string>, cwd: string, timeoutMs: number): Promise<{ code: number; log: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d: Buffer) => (log += d.toString()));
    child.stderr.on("data", (d: Buffer) => (log += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done({ code: code ?? 137, log });
    });
  });
}

/** Jobs in an order that respects `needs` (the runner may run independent jobs in parallel). */
function jobOrder(jobs: Record<string, JobDef>): string[] {
  const order: string[] = [];
  const visit = (n: string, path: string[]) => {
    if (order.includes(n)) return;
    if (path.includes(n)) throw new Error(`workflow-runner: cycle in needs: ${[...path, n].join(" → ")}`);
    const def = jobs[n];
    if (!def) throw new Error(`workflow-runner: unknown job in needs: ${n}`);
    for (const d of typeof def.needs === "string" ? [def.needs] : (def.needs ?? [])) visit(d, [...path, n]);
    order.push(n);
  };
  for (const n of Object.keys(jobs)) visit(n, []);
  return order;
}

function evaluate(expr: string, context: Record<string, unknown>, ok = true): data.ExpressionData {
  const source = expr.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const lexed = new Lexer(source).lex();
  const status = (name: string, value: boolean) => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value) });
  const funcs = [status("success", ok), status("failure", !ok), status("always", true), status("cancelled", false)];
  const tree = new Parser(lexed.tokens, Object.keys(context), funcs).parse();
  return new Evaluator(tree, JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary, new Map(funcs.map((f) => [f.name, f]))).evaluate();
}

/** A value with `${{ … }}` parts replaced by their string value, as the runner does for `with:` and `env:`. */
function interpolate(value: string, context: Record<string, unknown>): string {
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, e: string) => evaluate(e, context).coerceString());
}

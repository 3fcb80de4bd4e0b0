// From a sourced YAML document to a checked pipeline: schema, parameters, built-in step
// arguments, dependencies, outputs and the stage graph. Every problem names file:line:col.
import { createHash } from "node:crypto";
import { collectIssues, formatPath, type PathSegment, type SourcedDocument } from "../config/index.js";
import { didYouMean } from "../config/suggest.js";
import { ConfigError } from "../../errors.js";
import { stableStringify } from "../stable-json.js";
import { orderStages } from "./graph.js";
import { globBase, isGlob, normalizeRel, within } from "./glob.js";
import { interpolate, lookupParam, unresolved } from "./interpolate.js";
import { PipelineSchema, ServiceSchema, type PipelineConfig, type Service, type StepName } from "./schema.js";
import { STEPS } from "./steps.js";

export interface ResolvedService {
  name: string;
  /** The command with `${port}` still in it; `null` program means `llmops` itself (serve). */
  command: { llmops: boolean; argv: string[] };
  deps: string[];
  ready: string;
  urlPath: string;
  timeoutS: number;
  env: Record<string, string>;
  /** Caller variables passed beyond the allow-list (`pass_env:`); names only, not hashed. */
  passEnv: string[];
  definition: unknown;
}

export interface Stage {
  name: string;
  uses: StepName | null;
  /** For `uses:`, the llmops arguments; for `run:`, the program and its arguments. */
  command: { llmops: boolean; argv: string[] };
  deps: string[];
  outs: string[];
  params: Record<string, unknown>;
  services: string[];
  env: Record<string, string>;
  /** Caller variables passed beyond the allow-list (`pass_env:`); names only, not in the definition hash. */
  passEnv: string[];
  alwaysRun: boolean;
  upstream: string[];
  /** What the stage's definition hash covers (services' variables still unresolved). */
  definition: unknown;
  definitionHash: string;
}

export interface Pipeline {
  name: string;
  file: string;
  sha256: string;
  params: Record<string, unknown>;
  services: Record<string, ResolvedService>;
  /** In an order that runs every stage after the stages it depends on. */
  stages: Stage[];
  locate: SourcedDocument["locate"];
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Schema-check the document; returns the config and says which params file to read, if any. */
export function parsePipelineConfig(doc: SourcedDocument): PipelineConfig {
  const r = collectIssues(PipelineSchema, doc);
  if (!r.ok) throw configErrors(doc.file, r.issues.map((i) => `${i.file}:${i.line}:${i.col}: ${i.path}: ${i.message}`));
  return r.value as PipelineConfig;
}

class Problems {
  readonly lines: string[] = [];
  constructor(private readonly doc: SourcedDocument) {}
  add(path: PathSegment[], message: string, which: "key" | "value" = "value"): void {
    const p = this.doc.locate(path, which);
    this.lines.push(`${this.doc.file}:${p.line}:${p.col}: ${formatPath(path)}: ${message}`);
  }
  throwIfAny(): void {
    if (this.lines.length) throw configErrors(this.doc.file, this.lines);
  }
}

function configErrors(file: string, lines: string[]): ConfigError {
  return new ConfigError(`invalid pipeline (${lines.length} problem${lines.length === 1 ? "" : "s"}):\n  ${lines.slice(0, 20).join("\n  ")}`, {
    hint: `fix ${lines.length === 1 ? "it" : "them"} in ${file} (docs/pipelines.md describes the format)`,
  });
}

/** What the adapter knows of files the pipeline's steps read (the core reads no files). */
export interface PipelineReads {
  /** The files an eval suite reads (cases, prompt files and their sidecars, schemas), repository-relative. */
  suiteFiles?(suite: string): string[];
}

/**
 * Resolve a checked config: merge the params file's values under the inline ones, expand each
 * stage, order the graph. `fileParams` is the params file's parsed value (the adapter reads it).
 */
export function resolvePipeline(doc: SourcedDocument, config: PipelineConfig, text: string, fileParams?: { doc: SourcedDocument }, reads: PipelineReads = {}): Pipeline {
  const problems = new Problems(doc);
  let params: Record<string, unknown> = { ...config.params };
  if (fileParams) {
    const v = fileParams.doc.value;
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      throw new ConfigError(`${fileParams.doc.file}:1:1: the params file must be a mapping of names to values, found ${Array.isArray(v) ? "a list" : typeof v}`);
    }
    params = { ...(v as Record<string, unknown>), ...config.params };
  }
  const paramLookup = (name: string) => lookupParam(params, name);

  const services: Record<string, ResolvedService> = {};
  for (const [name, raw] of Object.entries(config.services)) {
    const svc = resolveService(name, raw, paramLookup, problems);
    if (svc) services[name] = svc;
  }

  const stages: Stage[] = [];
  const outOwner: { out: string; stage: string; index: number }[] = [];
  for (const [name, cfg] of Object.entries(config.stages)) {
    const at: PathSegment[] = ["stages", name];
    if ((cfg.uses === undefined) === (cfg.run === undefined)) {
      problems.add(at, cfg.uses ? "has both uses: and run:; a stage does one of them" : "needs uses: (a built-in step) or run: (a command as a list of arguments)", "key");
      continue;
    }
    const stageParams: Record<string, unknown> = {};
    cfg.params.forEach((key, i) => {
      const r = paramLookup(key);
      if (r.found) stageParams[key] = r.value;
      else problems.add([...at, "params", i], `unknown parameter "${key}"${didYouMean(key, Object.keys(params))}; define it under params: or in the params file`);
    });
    for (const [i, s] of cfg.services.entries()) {
      if (!services[s] && !config.services[s]) problems.add([...at, "services", i], `unknown service "${s}"${didYouMean(s, Object.keys(config.services))}; define it under services:`);
    }
    const allowed = (n: string) => paramLookup(n).found || cfg.services.some((s) => n === `services.${s}.url`);
    const checkVars = (value: unknown, base: PathSegment[]) => {
      for (const u of unresolved(value)) {
        if (!allowed(u.name)) {
          const hint = u.name.startsWith("services.") ? `; list the service under this stage's services: to use ${"${"}${u.name}}` : didYouMean(u.name, Object.keys(params));
          problems.add([...base, ...u.path], `unknown variable \${${u.name}}${hint}`);
        }
      }
    };
    const env = interpolate(cfg.env, paramLookup) as Record<string, string>;
    checkVars(env, [...at, "env"]);

    let command: Stage["command"];
    let implicitDeps: string[] = [];
    let defaultOuts: string[] = [];
    let withValue: Record<string, unknown> | undefined;
    if (cfg.uses) {
      const step = STEPS[cfg.uses];
      const w = interpolate(cfg.with ?? {}, paramLookup);
      checkVars(w, [...at, "with"]);
      const r = step.schema.safeParse(w);
      if (!r.success) {
        for (const issue of r.error.issues) {
          const p = issue.path.filter((x): x is PathSegment => typeof x !== "symbol");
          if (issue.code === "unrecognized_keys") for (const k of issue.keys) problems.add([...at, "with", ...p, k], `unknown input "${k}" of ${cfg.uses}${didYouMean(k, Object.keys((step.schema as unknown as { shape: object }).shape ?? {}))}`, "key");
          else problems.add([...at, "with", ...p], `${cfg.uses}: ${issue.message}`);
        }
        continue;
      }
      withValue = r.data;
      command = { llmops: true, argv: step.argv(r.data) };
      implicitDeps = step.inputs(r.data).filter((d) => !d.includes("${"));
      // An eval stage reads more than its suite file: its cases, prompt files and schemas are
      // dependencies too, so a prompt edit reruns only the suites that use that prompt.
      if (cfg.uses === "eval" && reads.suiteFiles && typeof r.data.suite === "string" && !r.data.suite.includes("${")) implicitDeps.push(...reads.suiteFiles(r.data.suite));
      defaultOuts = step.outs(r.data);
    } else if (typeof cfg.run === "string") {
      if (!cfg.shell) {
        problems.add([...at, "run"], "a command string runs through a shell; write it as a list of arguments ([program, arg, …]), or set the stage's shell option to true to ask for /bin/sh");
        continue;
      }
      checkVars(cfg.run, [...at, "run"]);
      command = { llmops: false, argv: ["/bin/sh", "-c", interpolate(cfg.run, paramLookup) as string] };
    } else {
      const argv = interpolate(cfg.run!, paramLookup) as unknown[];
      checkVars(argv, [...at, "run"]);
      command = { llmops: false, argv: argv.map(String) };
    }

    const deps: string[] = [];
    const addDep = (d: string, path: PathSegment[]) => {
      const n = normalizeRel(d);
      if (n === null || n === ".") problems.add(path, `${JSON.stringify(d)} is outside the workspace (or the whole of it); name files or directories inside the repository`);
      else if (!deps.includes(n)) deps.push(n);
    };
    cfg.deps.forEach((d, i) => addDep(interpolate(d, paramLookup) as string, [...at, "deps", i]));
    implicitDeps.forEach((d) => addDep(d, [...at, "with"]));
    for (const s of cfg.services) services[s]?.deps.forEach((d) => addDep(d, ["services", s]));

    const outs: string[] = [];
    const outList = cfg.outs.length ? cfg.outs : defaultOuts;
    outList.forEach((o, i) => {
      const path: PathSegment[] = cfg.outs.length ? [...at, "outs", i] : [...at, "with"];
      const n = normalizeRel(o);
      if (n === null || n === "." || isGlob(n)) {
        problems.add(path, `output ${JSON.stringify(o)} must be a file or directory inside the workspace (no globs)`);
        return;
      }
      if (n === ".llmops" || n.startsWith(".llmops/cache") || n === ".git" || n.startsWith(".git/")) {
        problems.add(path, `output ${JSON.stringify(o)} would overwrite llmops's cache or git's files; choose another path`);
        return;
      }
      const clash = outOwner.find((x) => within(n, x.out) || within(x.out, n));
      if (clash) problems.add(path, `output ${JSON.stringify(n)} overlaps ${JSON.stringify(clash.out)}, an output of stage "${clash.stage}"; each path has one writer`);
      outs.push(n);
      outOwner.push({ out: n, stage: name, index: i });
    });
    const usedServices = cfg.services.map((s) => services[s]?.definition ?? null);
    const definition = {
      uses: cfg.uses ?? null,
      with: withValue ?? null,
      command,
      outs,
      env,
      services: usedServices,
      always_run: cfg.always_run,
    };
    stages.push({
      name,
      uses: cfg.uses ?? null,
      command,
      deps,
      outs,
      params: stageParams,
      services: cfg.services,
      env,
      passEnv: cfg.pass_env,
      alwaysRun: cfg.always_run,
      upstream: [],
      definition,
      definitionHash: sha256Hex(stableStringify(definition)),
    });
  }
  problems.throwIfAny();

  for (const s of stages) {
    for (const [i, a] of (config.stages[s.name]?.after ?? []).entries()) {
      if (!stages.some((x) => x.name === a)) problems.add(["stages", s.name, "after", i], `unknown stage "${a}"${didYouMean(a, stages.map((x) => x.name))}`);
      else if (a === s.name) problems.add(["stages", s.name, "after", i], "a stage cannot come after itself");
      else if (!s.upstream.includes(a)) s.upstream.push(a);
    }
    for (const [i, d] of s.deps.entries()) {
      for (const o of outOwner) {
        const hit = isGlob(d) ? within(globBase(d), o.out) || within(o.out, globBase(d)) : within(d, o.out) || within(o.out, d);
        if (!hit) continue;
        if (o.stage === s.name) {
          problems.add(["stages", s.name, "deps", i], `depends on its own output ${JSON.stringify(o.out)}; a stage cannot read what it writes`);
        } else if (!s.upstream.includes(o.stage)) s.upstream.push(o.stage);
      }
    }
  }
  problems.throwIfAny();
  const ordered = orderStages(stages, (name) => {
    const p = doc.locate(["stages", name], "key");
    return `${doc.file}:${p.line}:${p.col}`;
  });
  return { name: config.name, file: doc.file, sha256: sha256Hex(text), params, services, stages: ordered, locate: doc.locate };
}

function resolveService(name: string, raw: Service, lookup: (n: string) => { found: true; value: unknown } | { found: false }, problems: Problems): ResolvedService | null {
  const at: PathSegment[] = ["services", name];
  if ((raw.uses === undefined) === (raw.run === undefined)) {
    problems.add(at, raw.uses ? "has both uses: serve and run:; a service does one of them" : "needs uses: serve (with: {model: FILE.gguf}) or run: (the server command as a list of arguments, with ${port})", "key");
    return null;
  }
  const allowed = (n: string) => n === "port" || lookup(n).found;
  const r = interpolate({ with: raw.with, run: raw.run, env: raw.env, deps: raw.deps }, lookup) as Pick<Service, "with" | "run" | "env" | "deps">;
  for (const u of unresolved(r)) if (!allowed(u.name)) problems.add([...at, ...u.path], `unknown variable \${${u.name}} (a service knows \${port} and the pipeline's params)`);
  let argv: string[];
  const deps = [...r.deps];
  if (raw.uses) {
    if (!r.with) {
      problems.add(at, "uses: serve needs with: {model: path/to/model.gguf}", "key");
      return null;
    }
    const w = r.with;
    const opt = (flag: string, v: unknown) => (v === undefined ? [] : [flag, String(v)]);
    argv = ["serve", w.model, "--port", "${port}", "--host", "127.0.0.1", ...opt("--name", w.name), ...opt("--threads", w.threads), ...opt("--parallel", w.parallel), ...opt("--ctx", w.ctx)];
    deps.push(r.with.model);
  } else {
    argv = r.run!.map(String);
    if (!argv.some((a) => a.includes("${port}"))) problems.add([...at, "run"], "the command must take its port from ${port} (llmops picks a free one and probes it)");
  }
  const parsed = ServiceSchema.parse(raw);
  const command = { llmops: Boolean(raw.uses), argv };
  const definition = { command, ready: parsed.ready, url_path: parsed.url_path, env: r.env };
  return { name, command, deps, ready: parsed.ready, urlPath: parsed.url_path, timeoutS: parsed.timeout_s, env: r.env, passEnv: parsed.pass_env, definition };
}

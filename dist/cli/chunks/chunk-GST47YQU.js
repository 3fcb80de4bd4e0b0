#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  sidecarPath
} from "./chunk-6W2UH7JM.js";
import {
  hashMemoFormat,
  pipelineStateFormat,
  stageCacheEntryFormat
} from "./chunk-466LK4FJ.js";
import {
  sha256File
} from "./chunk-6SZRFP6W.js";
import {
  collectIssues,
  formatPath,
  parseYamlSource
} from "./chunk-UO2TN4KU.js";
import {
  stableStringify
} from "./chunk-XYQJ7XHL.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  didYouMean
} from "./chunk-XQ6Z47X5.js";
import {
  ConfigError,
  DataInvalidError,
  InputError
} from "./chunk-LXVW643N.js";

// src/app/pipeline/load-pipeline.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { isAbsolute, join, relative as relative2, resolve as resolve2 } from "node:path";

// src/core/pipeline/load.ts
import { createHash } from "node:crypto";

// src/core/pipeline/graph.ts
function orderStages(stages, where) {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const state = /* @__PURE__ */ new Map();
  const out = [];
  const stack = [];
  const visit = (s) => {
    const st = state.get(s.name);
    if (st === "done") return;
    if (st === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(s.name)), s.name];
      throw new ConfigError(`${where(s.name)}: the stages form a cycle: ${cycle.join(" \u2192 ")}`, {
        hint: "each stage reads (deps) what earlier stages write (outs); remove one of these dependencies"
      });
    }
    state.set(s.name, "visiting");
    stack.push(s.name);
    for (const u of s.upstream) visit(byName.get(u));
    stack.pop();
    state.set(s.name, "done");
    out.push(s);
  };
  for (const s of stages) visit(s);
  return out;
}
function withUpstream(stages, selected) {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const keep = /* @__PURE__ */ new Set();
  const add = (n) => {
    if (keep.has(n)) return;
    keep.add(n);
    for (const u of byName.get(n)?.upstream ?? []) add(u);
  };
  selected.forEach(add);
  return keep;
}

// src/core/pipeline/glob.ts
function isGlob(pattern) {
  return /[*?[]/.test(pattern);
}
function globToRegExp(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const slash = pattern[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
function globBase(pattern) {
  const segs = pattern.split("/");
  const lit = [];
  for (const s of segs) {
    if (isGlob(s)) break;
    lit.push(s);
  }
  return lit.length === segs.length ? lit.slice(0, -1).join("/") : lit.join("/");
}
function normalizeRel(p) {
  const parts = [];
  for (const seg of p.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  if (p.startsWith("/")) return null;
  return parts.join("/") || ".";
}
function within(inner, outer) {
  return outer === "." || inner === outer || inner.startsWith(`${outer}/`);
}

// src/core/pipeline/interpolate.ts
var VAR = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;
function variablesIn(text) {
  return [...text.matchAll(VAR)].map((m) => m[1]);
}
function interpolate(value, lookup) {
  if (typeof value === "string") {
    const whole = /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}$/.exec(value);
    if (whole) {
      const r = lookup(whole[1]);
      return r.found ? r.value : value;
    }
    return value.replace(VAR, (m, name) => {
      const r = lookup(name);
      return r.found ? typeof r.value === "string" ? r.value : JSON.stringify(r.value) : m;
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, lookup));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, lookup)]));
  }
  return value;
}
function unresolved(value, path = []) {
  if (typeof value === "string") return variablesIn(value).map((name) => ({ path, name }));
  if (Array.isArray(value)) return value.flatMap((v, i) => unresolved(v, [...path, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => unresolved(v, [...path, k]));
  return [];
}
function lookupParam(params, key) {
  if (Object.hasOwn(params, key)) return { found: true, value: params[key] };
  let v = params;
  for (const seg of key.split(".")) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, seg)) return { found: false };
    v = v[seg];
  }
  return { found: true, value: v };
}

// src/core/pipeline/schema.ts
var STEP_NAMES = ["data.validate", "data.split", "train", "export", "eval", "compare", "gate", "report"];
var StageName = external_exports.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "a stage name: a letter, then letters, digits, '_' or '-'");
var RelPath = external_exports.string().min(1);
var Argv = external_exports.array(external_exports.string()).min(1);
var PassEnv = external_exports.array(external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name")).default([]);
var ServiceSchema = external_exports.object({
  /** `serve`: `llmops serve <model> --port <port>` on the embedded runtime. */
  uses: external_exports.literal("serve").optional(),
  with: external_exports.object({
    model: RelPath,
    /** The model name /v1/models reports (what the suite's target.model names). */
    name: external_exports.string().min(1).optional(),
    threads: external_exports.number().int().positive().optional(),
    parallel: external_exports.number().int().positive().optional(),
    ctx: external_exports.number().int().positive().optional()
  }).strict().optional(),
  /** Any server command (vllm serve, TGI, Ollama, a script); `${port}` is replaced by a free port. */
  run: Argv.optional(),
  /** Files the server reads (a model file, a config): dependencies of every stage that uses it. */
  deps: external_exports.array(RelPath).default([]),
  /** The HTTP path probed until it answers 2xx. */
  ready: external_exports.string().startsWith("/").default("/health"),
  /** The base URL stages get as ${services.NAME.url}; the path after the port. */
  url_path: external_exports.string().default("/v1"),
  timeout_s: external_exports.number().positive().max(3600).default(120),
  env: external_exports.record(external_exports.string(), external_exports.string()).default({}),
  pass_env: PassEnv
}).strict();
var StageSchema = external_exports.object({
  description: external_exports.string().optional(),
  uses: external_exports.enum(STEP_NAMES).optional(),
  with: external_exports.record(external_exports.string(), external_exports.unknown()).optional(),
  run: external_exports.union([Argv, external_exports.string().min(1)]).optional(),
  /** Run `run:` (a string) through /bin/sh -c. Off unless asked. */
  shell: external_exports.boolean().default(false),
  deps: external_exports.array(RelPath).default([]),
  params: external_exports.array(external_exports.string().min(1)).default([]),
  outs: external_exports.array(RelPath).default([]),
  services: external_exports.array(external_exports.string()).default([]),
  /** Stages that must finish first although this one reads none of their outputs (a check). */
  after: external_exports.array(external_exports.string()).default([]),
  env: external_exports.record(external_exports.string(), external_exports.string()).default({}),
  pass_env: PassEnv,
  /** Never restore this stage from the cache (a stage whose effect is outside its outs). */
  always_run: external_exports.boolean().default(false)
}).strict();
var PipelineSchema = external_exports.object({
  name: external_exports.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "a name of letters, digits, '.', '_' or '-'"),
  description: external_exports.string().optional(),
  params: external_exports.record(external_exports.string(), external_exports.unknown()).default({}),
  params_file: RelPath.optional(),
  services: external_exports.record(StageName, ServiceSchema).default({}),
  stages: external_exports.record(StageName, StageSchema).refine((s) => Object.keys(s).length > 0, "at least one stage")
}).strict();

// src/core/pipeline/steps.ts
var Path = external_exports.string().min(1);
var Paths = external_exports.union([Path, external_exports.array(Path).min(1)]).transform((v) => Array.isArray(v) ? v : [v]);
var Scalar = external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]);
function flag(name, v) {
  if (v === void 0 || v === false) return [];
  if (v === true) return [`--${name}`];
  return [`--${name}`, String(v)];
}
var str = (v) => String(v);
var STEPS = {
  "data.validate": {
    schema: external_exports.object({ files: Paths, format: external_exports.string().optional(), schema: Path.optional(), strict: external_exports.boolean().optional(), "allow-no-assistant": external_exports.boolean().optional() }).strict(),
    argv: (w) => ["data", "validate", ...w.files, ...flag("format", w.format), ...flag("schema", w.schema), ...flag("strict", w.strict), ...flag("allow-no-assistant", w["allow-no-assistant"]), "--quiet"],
    outs: () => [],
    inputs: (w) => [...w.files, ...w.schema ? [str(w.schema)] : []]
  },
  "data.split": {
    schema: external_exports.object({ files: Paths, out_dir: Path, ratios: external_exports.string().optional(), key: external_exports.string().optional(), seed: Scalar.optional(), stratify: external_exports.string().optional(), format: external_exports.string().optional() }).strict(),
    argv: (w) => ["data", "split", ...w.files, "--out-dir", str(w.out_dir), ...flag("ratios", w.ratios), ...flag("key", w.key), ...flag("seed", w.seed), ...flag("stratify", w.stratify), ...flag("format", w.format)],
    outs: (w) => [str(w.out_dir)],
    inputs: (w) => w.files
  },
  train: {
    schema: external_exports.object({ spec: Path, out: Path, set: external_exports.union([external_exports.array(external_exports.string()), external_exports.record(external_exports.string(), Scalar)]).optional() }).strict(),
    argv: (w) => {
      const set = w.set === void 0 ? [] : Array.isArray(w.set) ? w.set : Object.entries(w.set).map(([k, v]) => `${k}=${String(v)}`);
      return ["train", str(w.spec), "--out", str(w.out), ...set.flatMap((s) => ["--set", s])];
    },
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.spec)]
  },
  export: {
    schema: external_exports.object({ model: Path, out: Path, type: external_exports.enum(["f32", "f16", "bf16", "q8_0", "q4_0"]).optional() }).strict(),
    argv: (w) => ["export", "gguf", str(w.model), "--out", str(w.out), ...flag("type", w.type)],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.model)]
  },
  eval: {
    schema: external_exports.object({
      suite: Path,
      out: Path,
      base_url: external_exports.string().optional(),
      model: external_exports.string().optional(),
      concurrency: external_exports.number().int().positive().optional(),
      limit: external_exports.number().int().positive().optional(),
      shard: external_exports.string().regex(/^\d+\/\d+$/).optional(),
      /** The response cache is off in pipelines: the stage cache decides reuse, and a new model behind the same URL must not get old answers. */
      response_cache: external_exports.boolean().default(false)
    }).strict(),
    argv: (w) => [
      "eval",
      str(w.suite),
      "--out",
      str(w.out),
      ...flag("base-url", w.base_url),
      ...flag("model", w.model),
      ...flag("concurrency", w.concurrency),
      ...flag("limit", w.limit),
      ...flag("shard", w.shard),
      ...w.response_cache ? [] : ["--no-cache"],
      "--quiet"
    ],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.suite)]
  },
  compare: {
    schema: external_exports.object({ baseline: Path, candidate: Path, policy: Path.optional(), out: Path }).strict(),
    argv: (w) => ["compare", "--baseline", str(w.baseline), "--candidate", str(w.candidate), ...flag("policy", w.policy), "--out", str(w.out)],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.baseline), str(w.candidate), ...w.policy ? [str(w.policy)] : []]
  },
  gate: {
    schema: external_exports.object({ baseline: Path, candidate: Path, policy: Path.optional(), out: Path }).strict(),
    argv: (w) => ["gate", "--baseline", str(w.baseline), "--candidate", str(w.candidate), ...flag("policy", w.policy), "--out", str(w.out)],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.baseline), str(w.candidate), ...w.policy ? [str(w.policy)] : []]
  },
  report: {
    schema: external_exports.object({ comparison: Path, markdown: Path.optional(), html: Path.optional(), summary: Path.optional() }).strict(),
    argv: (w) => ["report", "--comparison", str(w.comparison), ...flag("markdown", w.markdown), ...flag("html", w.html), ...flag("summary", w.summary)],
    outs: (w) => [w.markdown, w.html, w.summary].filter((x) => typeof x === "string"),
    inputs: (w) => [str(w.comparison)]
  }
};

// src/core/pipeline/load.ts
function sha256Hex(text) {
  return createHash("sha256").update(text).digest("hex");
}
function parsePipelineConfig(doc) {
  const r = collectIssues(PipelineSchema, doc);
  if (!r.ok) throw configErrors(doc.file, r.issues.map((i) => `${i.file}:${i.line}:${i.col}: ${i.path}: ${i.message}`));
  return r.value;
}
var Problems = class {
  constructor(doc) {
    this.doc = doc;
  }
  doc;
  lines = [];
  add(path, message, which = "value") {
    const p = this.doc.locate(path, which);
    this.lines.push(`${this.doc.file}:${p.line}:${p.col}: ${formatPath(path)}: ${message}`);
  }
  throwIfAny() {
    if (this.lines.length) throw configErrors(this.doc.file, this.lines);
  }
};
function configErrors(file, lines) {
  return new ConfigError(`invalid pipeline (${lines.length} problem${lines.length === 1 ? "" : "s"}):
  ${lines.slice(0, 20).join("\n  ")}`, {
    hint: `fix ${lines.length === 1 ? "it" : "them"} in ${file} (docs/pipelines.md describes the format)`
  });
}
function resolvePipeline(doc, config, text, fileParams, reads = {}) {
  const problems = new Problems(doc);
  let params = { ...config.params };
  if (fileParams) {
    const v = fileParams.doc.value;
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      throw new ConfigError(`${fileParams.doc.file}:1:1: the params file must be a mapping of names to values, found ${Array.isArray(v) ? "a list" : typeof v}`);
    }
    params = { ...v, ...config.params };
  }
  const paramLookup = (name) => lookupParam(params, name);
  const services = {};
  for (const [name, raw] of Object.entries(config.services)) {
    const svc = resolveService(name, raw, paramLookup, problems);
    if (svc) services[name] = svc;
  }
  const stages = [];
  const outOwner = [];
  for (const [name, cfg] of Object.entries(config.stages)) {
    const at = ["stages", name];
    if (cfg.uses === void 0 === (cfg.run === void 0)) {
      problems.add(at, cfg.uses ? "has both uses: and run:; a stage does one of them" : "needs uses: (a built-in step) or run: (a command as a list of arguments)", "key");
      continue;
    }
    const stageParams = {};
    cfg.params.forEach((key, i) => {
      const r = paramLookup(key);
      if (r.found) stageParams[key] = r.value;
      else problems.add([...at, "params", i], `unknown parameter "${key}"${didYouMean(key, Object.keys(params))}; define it under params: or in the params file`);
    });
    for (const [i, s] of cfg.services.entries()) {
      if (!services[s] && !config.services[s]) problems.add([...at, "services", i], `unknown service "${s}"${didYouMean(s, Object.keys(config.services))}; define it under services:`);
    }
    const allowed = (n) => paramLookup(n).found || cfg.services.some((s) => n === `services.${s}.url`);
    const checkVars = (value, base) => {
      for (const u of unresolved(value)) {
        if (!allowed(u.name)) {
          const hint = u.name.startsWith("services.") ? `; list the service under this stage's services: to use ${"${"}${u.name}}` : didYouMean(u.name, Object.keys(params));
          problems.add([...base, ...u.path], `unknown variable \${${u.name}}${hint}`);
        }
      }
    };
    const env = interpolate(cfg.env, paramLookup);
    checkVars(env, [...at, "env"]);
    let command;
    let implicitDeps = [];
    let defaultOuts = [];
    let withValue;
    if (cfg.uses) {
      const step = STEPS[cfg.uses];
      const w = interpolate(cfg.with ?? {}, paramLookup);
      checkVars(w, [...at, "with"]);
      const r = step.schema.safeParse(w);
      if (!r.success) {
        for (const issue of r.error.issues) {
          const p = issue.path.filter((x) => typeof x !== "symbol");
          if (issue.code === "unrecognized_keys") for (const k of issue.keys) problems.add([...at, "with", ...p, k], `unknown input "${k}" of ${cfg.uses}${didYouMean(k, Object.keys(step.schema.shape ?? {}))}`, "key");
          else problems.add([...at, "with", ...p], `${cfg.uses}: ${issue.message}`);
        }
        continue;
      }
      withValue = r.data;
      command = { llmops: true, argv: step.argv(r.data) };
      implicitDeps = step.inputs(r.data).filter((d) => !d.includes("${"));
      if (cfg.uses === "eval" && reads.suiteFiles && typeof r.data.suite === "string" && !r.data.suite.includes("${")) implicitDeps.push(...reads.suiteFiles(r.data.suite));
      defaultOuts = step.outs(r.data);
    } else if (typeof cfg.run === "string") {
      if (!cfg.shell) {
        problems.add([...at, "run"], "a command string runs through a shell; write it as a list of arguments ([program, arg, \u2026]), or set the stage's shell option to true to ask for /bin/sh");
        continue;
      }
      checkVars(cfg.run, [...at, "run"]);
      command = { llmops: false, argv: ["/bin/sh", "-c", interpolate(cfg.run, paramLookup)] };
    } else {
      const argv = interpolate(cfg.run, paramLookup);
      checkVars(argv, [...at, "run"]);
      command = { llmops: false, argv: argv.map(String) };
    }
    const deps = [];
    const addDep = (d, path) => {
      const n = normalizeRel(d);
      if (n === null || n === ".") problems.add(path, `${JSON.stringify(d)} is outside the workspace (or the whole of it); name files or directories inside the repository`);
      else if (!deps.includes(n)) deps.push(n);
    };
    cfg.deps.forEach((d, i) => addDep(interpolate(d, paramLookup), [...at, "deps", i]));
    implicitDeps.forEach((d) => addDep(d, [...at, "with"]));
    for (const s of cfg.services) services[s]?.deps.forEach((d) => addDep(d, ["services", s]));
    const outs = [];
    const outList = cfg.outs.length ? cfg.outs : defaultOuts;
    outList.forEach((o, i) => {
      const path = cfg.outs.length ? [...at, "outs", i] : [...at, "with"];
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
      always_run: cfg.always_run
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
      definitionHash: sha256Hex(stableStringify(definition))
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
function resolveService(name, raw, lookup, problems) {
  const at = ["services", name];
  if (raw.uses === void 0 === (raw.run === void 0)) {
    problems.add(at, raw.uses ? "has both uses: serve and run:; a service does one of them" : "needs uses: serve (with: {model: FILE.gguf}) or run: (the server command as a list of arguments, with ${port})", "key");
    return null;
  }
  const allowed = (n) => n === "port" || lookup(n).found;
  const r = interpolate({ with: raw.with, run: raw.run, env: raw.env, deps: raw.deps }, lookup);
  for (const u of unresolved(r)) if (!allowed(u.name)) problems.add([...at, ...u.path], `unknown variable \${${u.name}} (a service knows \${port} and the pipeline's params)`);
  let argv;
  const deps = [...r.deps];
  if (raw.uses) {
    if (!r.with) {
      problems.add(at, "uses: serve needs with: {model: path/to/model.gguf}", "key");
      return null;
    }
    const w = r.with;
    const opt = (flag2, v) => v === void 0 ? [] : [flag2, String(v)];
    argv = ["serve", w.model, "--port", "${port}", "--host", "127.0.0.1", ...opt("--name", w.name), ...opt("--threads", w.threads), ...opt("--parallel", w.parallel), ...opt("--ctx", w.ctx)];
    deps.push(r.with.model);
  } else {
    argv = r.run.map(String);
    if (!argv.some((a) => a.includes("${port}"))) problems.add([...at, "run"], "the command must take its port from ${port} (llmops picks a free one and probes it)");
  }
  const parsed = ServiceSchema.parse(raw);
  const command = { llmops: Boolean(raw.uses), argv };
  const definition = { command, ready: parsed.ready, url_path: parsed.url_path, env: r.env };
  return { name, command, deps, ready: parsed.ready, urlPath: parsed.url_path, timeoutS: parsed.timeout_s, env: r.env, passEnv: parsed.pass_env, definition };
}

// src/core/pipeline/key.ts
function computeKeyParts(stage, depHashes, upstreamKeys, llmopsVersion) {
  return { definition: stage.definitionHash, deps: depHashes, params: stage.params, upstream: upstreamKeys, llmops_version: llmopsVersion };
}
function computeStageKey(parts) {
  return sha256Hex(stableStringify({ v: 1, ...parts }));
}
function explainKeyChange(before, now, limit = 5) {
  if (!before) return ["never ran here"];
  const out = [];
  if (before.llmops_version !== now.llmops_version) out.push(`llmops version ${before.llmops_version} \u2192 ${now.llmops_version}`);
  if (before.definition !== now.definition) out.push("its definition changed");
  for (const [k, v] of Object.entries(now.params)) {
    if (!(k in before.params)) out.push(`new parameter ${k}`);
    else if (stableStringify(before.params[k]) !== stableStringify(v)) out.push(`parameter ${k}: ${short(before.params[k])} \u2192 ${short(v)}`);
  }
  for (const k of Object.keys(before.params)) if (!(k in now.params)) out.push(`parameter ${k} no longer read`);
  for (const [u, key] of Object.entries(now.upstream)) {
    if (before.upstream[u] !== key) out.push(`upstream stage ${u} changed`);
  }
  const changed = [];
  const added = [];
  const removed = [];
  for (const [p, h] of Object.entries(now.deps)) {
    if (!(p in before.deps)) added.push(p);
    else if (before.deps[p] !== h) changed.push(p);
  }
  for (const p of Object.keys(before.deps)) if (!(p in now.deps)) removed.push(p);
  const list = (xs) => `${xs.slice(0, 3).join(", ")}${xs.length > 3 ? ` and ${xs.length - 3} more` : ""}`;
  if (changed.length) out.push(`modified: ${list(changed)}`);
  if (added.length) out.push(`new dependency: ${list(added)}`);
  if (removed.length) out.push(`removed dependency: ${list(removed)}`);
  if (!out.length) out.push("its inputs are the same but the key differs (an older record)");
  return out.slice(0, limit);
}
function short(v) {
  const s = stableStringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

// src/app/pipeline/suite-files.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : null;
function suiteFiles(suite, root) {
  const file = resolve(root, suite);
  if (!existsSync(file)) return [];
  let value;
  try {
    value = parseYamlSource(readFileSync(file, "utf8"), suite).value;
  } catch {
    return [];
  }
  const s = obj(value);
  if (!s) return [];
  const base = dirname(file);
  const named = [];
  const cases = obj(s.cases);
  if (cases && typeof cases.file === "string") named.push(cases.file);
  const prompts = [s.prompt, ...Array.isArray(s.variants) ? s.variants.map((v) => obj(v)?.prompt) : []];
  for (const p of prompts) {
    const f = obj(p)?.file;
    if (typeof f !== "string") continue;
    named.push(f);
    const side = existsSync(resolve(base, f)) ? sidecarPath(resolve(base, f)) : null;
    if (side) named.push(relative(base, side));
  }
  for (const sc of Array.isArray(s.scorers) ? s.scorers : []) {
    const f = obj(sc)?.schema_file;
    if (typeof f === "string") named.push(f);
  }
  const out = [];
  for (const n of named) {
    const abs = resolve(base, n);
    const rel = relative(root, abs);
    if (rel === "" || rel.startsWith("..") || !existsSync(abs)) continue;
    const posix = rel.split(sep).join("/");
    if (!out.includes(posix)) out.push(posix);
  }
  return out;
}

// src/app/pipeline/load-pipeline.ts
function pipelinePathFor(arg, root, cwd) {
  const a = arg ?? "main";
  if (!a.includes("/") && !/\.ya?ml$/.test(a)) return join(root, "pipelines", `${a}.yaml`);
  return isAbsolute(a) ? a : resolve2(cwd, a);
}
function loadPipeline(file, root) {
  if (!existsSync2(file)) {
    throw new InputError(`pipeline file not found: ${file}`, { hint: "name a pipeline under pipelines/ (llmops run main \u2192 pipelines/main.yaml) or a path; `llmops init` writes a starter" });
  }
  const display = relative2(root, file) || file;
  const text = readFileSync2(file, "utf8");
  const doc = parseYamlSource(text, display);
  const config = parsePipelineConfig(doc);
  let fileParams;
  if (config.params_file) {
    const pf = join(root, config.params_file);
    if (!existsSync2(pf)) {
      const at = doc.locate(["params_file"]);
      throw new ConfigError(`${display}:${at.line}:${at.col}: params_file: ${config.params_file} does not exist`, { hint: "paths in a pipeline are relative to the repository root" });
    }
    fileParams = { doc: parseYamlSource(readFileSync2(pf, "utf8"), config.params_file) };
  }
  return resolvePipeline(doc, config, text, fileParams, { suiteFiles: (suite) => suiteFiles(suite, root) });
}

// src/app/pipeline/plan.ts
async function planPipeline(p, ws) {
  const keys = {};
  const plans = [];
  const allOuts = p.stages.flatMap((s) => s.outs);
  for (const stage of p.stages) {
    const depHashes = {};
    for (const [i, dep] of stage.deps.entries()) {
      const upstreamOuts = p.stages.filter((s) => stage.upstream.includes(s.name)).flatMap((s) => s.outs);
      if (upstreamOuts.some((o) => dep === o || dep.startsWith(`${o}/`))) continue;
      const files = ws.hasher.expand(dep, allOuts);
      if (files === null) {
        const at = p.locate(["stages", stage.name, "deps", i]);
        throw new ConfigError(`${p.file}:${at.line}:${at.col}: stage ${stage.name}: dependency ${dep} does not exist, and no stage writes it`, {
          hint: "create the file, fix the path (relative to the repository root), or add the stage that writes it"
        });
      }
      for (const f of files) depHashes[f.path] = (await ws.hasher.hashFile(f.path, f.stat)).sha256;
    }
    const upstream = Object.fromEntries(stage.upstream.map((u) => [u, keys[u]]));
    const parts = computeKeyParts(stage, depHashes, upstream, VERSION);
    const key = computeStageKey(parts);
    keys[stage.name] = key;
    const prev = ws.state.stages[stage.name];
    const lookup = ws.store.lookup(key);
    let status;
    let reasons;
    if (stage.alwaysRun) {
      status = "run";
      reasons = ["always_run is set"];
    } else if (prev && prev.key === key && await outputsMatch(ws, stage, prev.files)) {
      status = "up-to-date";
      reasons = [];
    } else if (prev && prev.key === key) {
      status = lookup.hit ? "cached" : "run";
      reasons = ["its outputs here were changed or removed"];
    } else {
      status = lookup.hit ? "cached" : "run";
      reasons = explainKeyChange(prev?.parts, parts);
    }
    if (status === "run" && !lookup.hit && lookup.reason !== "not in the cache") reasons.push(lookup.reason);
    plans.push({ stage, key, parts, status, reasons, lookup });
  }
  ws.hasher.save();
  return plans;
}
async function outputsMatch(ws, stage, recorded) {
  const now = await hashOutputs(ws, stage);
  if (now === null || now.length !== recorded.length) return false;
  const byPath = new Map(recorded.map((f) => [f.path, f.sha256]));
  return now.every((f) => byPath.get(f.path) === f.sha256);
}
async function hashOutputs(ws, stage) {
  const out = [];
  for (const o of stage.outs) {
    const files = ws.hasher.expand(o);
    if (files === null) return null;
    for (const f of files) out.push(await ws.hasher.hashFile(f.path, f.stat));
  }
  return out;
}

// src/app/pipeline/workspace.ts
import { mkdirSync as mkdirSync3, readFileSync as readFileSync5, renameSync as renameSync3, writeFileSync as writeFileSync3 } from "node:fs";
import { dirname as dirname4, join as join4 } from "node:path";

// src/app/pipeline/file-hasher.ts
import { mkdirSync, readFileSync as readFileSync3, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname as dirname2, join as join2 } from "node:path";
var RACY_MS = 2e3;
var FileHasher = class {
  constructor(root, memoPath) {
    this.root = root;
    this.memoPath = memoPath;
    this.memo = readMemo(memoPath);
  }
  root;
  memoPath;
  memo;
  dirty = false;
  /** Bytes actually read and hashed (the rest came from the memo). */
  bytesHashed = 0;
  async hashFile(rel, st) {
    const abs = join2(this.root, rel);
    const s = st ?? statSync(abs);
    const executable = (s.mode & 73) !== 0;
    const m = this.memo[rel];
    if (m && m[0] === s.size && m[1] === s.mtimeMs && m[2] === s.ino) return { path: rel, sha256: m[3], size: s.size, executable };
    const sha256 = await sha256File(abs);
    this.bytesHashed += s.size;
    if (Date.now() - s.mtimeMs > RACY_MS) {
      this.memo[rel] = [s.size, s.mtimeMs, s.ino, sha256];
      this.dirty = true;
    }
    return { path: rel, sha256, size: s.size, executable };
  }
  /** Record a hash we know (a file just restored and verified). */
  remember(rel, sha256) {
    const s = statSync(join2(this.root, rel));
    if (Date.now() - s.mtimeMs > RACY_MS) {
      this.memo[rel] = [s.size, s.mtimeMs, s.ino, sha256];
      this.dirty = true;
    }
  }
  /**
   * The files a dependency or output names, sorted: a file, every file under a directory, or the
   * files a glob matches. Files under `exclude` (other stages' outputs) are left out. Null when
   * nothing exists at a plain path.
   */
  expand(spec, exclude = []) {
    const keep = (p) => !exclude.some((e) => within(p, e));
    if (isGlob(spec)) {
      const re = globToRegExp(spec);
      const base = globBase(spec);
      return walk(this.root, base).filter((f) => re.test(f.path) && keep(f.path));
    }
    let st;
    try {
      st = statSync(join2(this.root, spec));
    } catch {
      return null;
    }
    if (st.isDirectory()) return walk(this.root, spec).filter((f) => keep(f.path));
    return keep(spec) ? [{ path: spec, stat: st }] : [];
  }
  save() {
    if (!this.dirty) return;
    mkdirSync(dirname2(this.memoPath), { recursive: true });
    const tmp = `${this.memoPath}.${process.pid}.tmp`;
    writeFileSync(tmp, hashMemoFormat.serialize({ schema: "llmops.hash-memo/v1", entries: this.memo }));
    renameSync(tmp, this.memoPath);
    this.dirty = false;
  }
};
function readMemo(path) {
  try {
    return hashMemoFormat.parse(readFileSync3(path, "utf8"), path).entries;
  } catch {
    return {};
  }
}
function walk(root, rel) {
  const out = [];
  const visit = (dir) => {
    let names;
    try {
      names = readdirSync(join2(root, dir));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name === ".git" || name === ".llmops") continue;
      const p = dir && dir !== "." ? `${dir}/${name}` : name;
      const st = statSync(join2(root, p));
      if (st.isDirectory()) visit(p);
      else if (st.isFile()) out.push({ path: p, stat: st });
    }
  };
  visit(rel);
  return out;
}

// src/app/pipeline/stage-store.ts
import { createHash as createHash2 } from "node:crypto";
import { chmodSync, copyFileSync, constants, createReadStream, createWriteStream, existsSync as existsSync3, mkdirSync as mkdirSync2, readFileSync as readFileSync4, renameSync as renameSync2, rmSync, statSync as statSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname3, join as join3 } from "node:path";
import { pipeline } from "node:stream/promises";
var StageStore = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  objectPath(sha) {
    return join3(this.dir, "objects", sha.slice(0, 2), sha);
  }
  entryPath(key) {
    return join3(this.dir, "stages", `${key}.json`);
  }
  lookup(key) {
    const p = this.entryPath(key);
    if (!existsSync3(p)) return { hit: false, reason: "not in the cache" };
    let entry;
    try {
      entry = stageCacheEntryFormat.parse(readFileSync4(p, "utf8"), p);
      if (entry.key !== key) return { hit: false, reason: "the cache entry is damaged" };
    } catch {
      return { hit: false, reason: "the cache entry is damaged" };
    }
    for (const f of entry.files) {
      let size;
      try {
        size = statSync2(this.objectPath(f.sha256)).size;
      } catch {
        return { hit: false, reason: `the cache entry is incomplete (${f.path} is missing)` };
      }
      if (size !== f.size) return { hit: false, reason: `the cache entry is damaged (${f.path} has the wrong size)` };
    }
    return { hit: true, entry };
  }
  /** Store files (already hashed) and then the entry that names them. */
  save(entry, root, files) {
    for (const f of files) {
      const obj2 = this.objectPath(f.sha256);
      if (existsSync3(obj2) && statSync2(obj2).size === f.size) continue;
      mkdirSync2(dirname3(obj2), { recursive: true });
      const tmp2 = `${obj2}.${process.pid}.tmp`;
      copyFileSync(join3(root, f.path), tmp2, constants.COPYFILE_FICLONE);
      renameSync2(tmp2, obj2);
    }
    const p = this.entryPath(entry.key);
    mkdirSync2(dirname3(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync2(tmp, stageCacheEntryFormat.serialize(entry));
    renameSync2(tmp, p);
  }
  /**
   * Replace the entry's outputs in the workspace with the stored files, verifying each file's
   * hash as it is copied. On a mismatch the damaged object and the entry are removed and an
   * error says so; the caller treats it as a miss.
   */
  async restore(entry, root) {
    for (const o of entry.outs) rmSync(join3(root, o), { recursive: true, force: true });
    for (const d of entry.dirs) mkdirSync2(join3(root, d), { recursive: true });
    for (const f of entry.files) {
      const dest = join3(root, f.path);
      mkdirSync2(dirname3(dest), { recursive: true });
      const tmp = `${dest}.llmops-restore`;
      const h = createHash2("sha256");
      const src = createReadStream(this.objectPath(f.sha256));
      src.on("data", (c) => h.update(c));
      await pipeline(src, createWriteStream(tmp));
      const got = h.digest("hex");
      if (got !== f.sha256) {
        rmSync(tmp, { force: true });
        rmSync(this.objectPath(f.sha256), { force: true });
        rmSync(this.entryPath(entry.key), { force: true });
        for (const o of entry.outs) rmSync(join3(root, o), { recursive: true, force: true });
        throw new CorruptEntryError(`${f.path}: stored content hashes to ${got.slice(0, 12)}\u2026, expected ${f.sha256.slice(0, 12)}\u2026`);
      }
      if (f.executable) chmodSync(tmp, 493);
      renameSync2(tmp, dest);
    }
  }
};
var CorruptEntryError = class extends DataInvalidError {
  name = "CorruptEntryError";
};

// src/app/pipeline/workspace.ts
function openWorkspace(root, pipelineName, cacheDir) {
  const dir = cacheDir ?? join4(root, ".llmops", "cache");
  const statePath = join4(root, ".llmops", "pipelines", `${pipelineName}.state.json`);
  return { root, hasher: new FileHasher(root, join4(root, ".llmops", "hash-memo.json")), store: new StageStore(dir), statePath, state: readState(statePath, pipelineName) };
}
function readState(path, pipeline2) {
  try {
    const state = pipelineStateFormat.parse(readFileSync5(path, "utf8"), path);
    if (state.pipeline === pipeline2) return state;
  } catch {
  }
  return { schema: "llmops.pipeline-state/v1", pipeline: pipeline2, stages: {} };
}
function saveState(ws) {
  mkdirSync3(dirname4(ws.statePath), { recursive: true });
  const tmp = `${ws.statePath}.${process.pid}.tmp`;
  writeFileSync3(tmp, pipelineStateFormat.serialize(ws.state));
  renameSync3(tmp, ws.statePath);
}

export {
  withUpstream,
  pipelinePathFor,
  loadPipeline,
  planPipeline,
  hashOutputs,
  CorruptEntryError,
  openWorkspace,
  saveState
};

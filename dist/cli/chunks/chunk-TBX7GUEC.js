#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  GitCli
} from "./chunk-CJUN5WKK.js";
import {
  createContentHasher,
  sortForHash
} from "./chunk-ZH24RDZS.js";
import {
  sha256File
} from "./chunk-6SZRFP6W.js";
import {
  parseYamlSource,
  validateConfig
} from "./chunk-UO2TN4KU.js";
import {
  markdownTable
} from "./chunk-EI544OTC.js";
import {
  external_exports
} from "./chunk-O535G6Z6.js";
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  ConfigError,
  DataInvalidError,
  ExternalError,
  InputError
} from "./chunk-LXVW643N.js";

// src/core/contracts/registry-evidence.ts
var REGISTRY_EVIDENCE_SCHEMA = "llmops.registry-evidence/v1";
var Sha1 = external_exports.string().regex(/^[0-9a-f]{40}$/, "a full 40-character git commit SHA");
var ContentHash = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/, "sha256:<64 hex digits>");
var EvalMetricSchema = external_exports.object({
  mean: external_exports.number(),
  ci_low: external_exports.number().nullable(),
  ci_high: external_exports.number().nullable(),
  n: external_exports.number().int().nonnegative()
});
var RegistryEvidenceSchema = external_exports.object({
  schema: external_exports.literal(REGISTRY_EVIDENCE_SCHEMA),
  event: external_exports.enum(["registration", "deregistration", "assignment", "unassignment", "deprecation"]),
  artifact: external_exports.string().min(1),
  version: external_exports.string().nullable(),
  stage: external_exports.string().nullable(),
  commit: Sha1,
  model: external_exports.object({
    /** artifacts.yaml's path or storage URI. */
    uri: external_exports.string().min(1),
    sha256: ContentHash,
    bytes: external_exports.number().int().nonnegative()
  }).nullable(),
  dataset_manifest: external_exports.object({ path: external_exports.string().min(1), sha256: ContentHash }).nullable(),
  eval: external_exports.object({
    path: external_exports.string().min(1),
    sha256: ContentHash,
    suite: external_exports.string().nullable(),
    metrics: external_exports.record(external_exports.string(), EvalMetricSchema)
  }).nullable(),
  gate: external_exports.object({
    verdict: external_exports.enum(["pass", "fail", "inconclusive", "unknown"]),
    /** Where the verdict came from: the trusted check run looked up through the API, or a local file. */
    source: external_exports.enum(["check-run", "commit-status", "file", "none"]),
    check: external_exports.string(),
    url: external_exports.string().nullable()
  }).nullable(),
  /** For assignments: the version being replaced in that stage (what a rollback returns to). */
  previous_version: external_exports.string().nullable(),
  llmops_version: external_exports.string().min(1),
  created_at: external_exports.string().min(1)
});
var EVIDENCE_MARKER = "--- llmops registry evidence ---";
function writeEvidenceAnnotation(headline, evidence) {
  const checked = RegistryEvidenceSchema.parse(evidence);
  return `${headline}

${EVIDENCE_MARKER}
${JSON.stringify(checked, null, 2)}
`;
}
function readEvidenceAnnotation(message) {
  const at = message.indexOf(EVIDENCE_MARKER);
  if (at < 0) return { status: "absent" };
  const text = message.slice(at + EVIDENCE_MARKER.length).trim();
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { status: "invalid", problem: `the evidence is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const r = RegistryEvidenceSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    return { status: "invalid", problem: `evidence field ${i.path.join(".") || "(root)"}: ${i.message}` };
  }
  return { status: "ok", evidence: r.data };
}

// src/core/registry/tag-grammar.ts
var EVENT_NAMES = {
  register: "registration",
  deregister: "deregistration",
  assign: "assignment",
  unassign: "unassignment",
  deprecate: "deprecation"
};
var NAME = "[a-z0-9](?:[a-z0-9\\-/]*[a-z0-9])?";
var DIRNAME = "[a-z0-9\\-_./]+";
var NUM = "(?:0|[1-9]\\d*)";
var PRE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
var SEMVER = `${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?`;
var NAME_RE = new RegExp(`^${NAME}$`);
var FULLNAME_RE = new RegExp(`^(?:${DIRNAME}:)?${NAME}$`);
var SEMVER_RE = new RegExp(`^v${SEMVER}$`);
var TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})(?:(?:#(?<stage>${NAME})|@(?<version>v${SEMVER}))(?<cancel>!?)|@(?<deprecated>deprecated)|@(?<created>created))(?:#(?<counter>[0-9]+))?$`
);
var SHORTCUT_RE = new RegExp(`^(?<artifact>(?:${DIRNAME}:)?${NAME})(?:#(?<stage>${NAME})|@(?<version>latest|greatest|v${SEMVER}))$`);
function isValidName(value) {
  return NAME_RE.test(value);
}
function isValidArtifactName(value) {
  return FULLNAME_RE.test(value) && value.split(":").length <= 2;
}
function isValidVersion(value) {
  return SEMVER_RE.test(value);
}
function parseRegistryTag(tag) {
  const m = TAG_RE.exec(tag);
  if (!m?.groups) return null;
  const g = m.groups;
  const artifact = g.artifact.replace("=", ":");
  const counter = g.counter === void 0 ? null : Number(g.counter);
  if (g.created) return null;
  if (g.deprecated) return { action: "deprecate", artifact, counter };
  const cancel = g.cancel === "!";
  if (g.version) return { action: cancel ? "deregister" : "register", artifact, version: g.version, counter };
  return { action: cancel ? "unassign" : "assign", artifact, stage: g.stage, counter };
}
function explainMalformedTag(tag) {
  if (parseRegistryTag(tag)) return null;
  const at = tag.indexOf("@");
  const hash = tag.indexOf("#");
  const cut = [at, hash].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (cut === void 0) return `"${tag}" has neither "@" (a version) nor "#" (a stage): write name@vX.Y.Z or name#stage#N`;
  const name = tag.slice(0, cut).replace("=", ":");
  if (!isValidArtifactName(name)) {
    return `artifact name "${name}" is not valid: lowercase letters, digits, "-" and "/", starting and ending with a letter or digit (a subfolder as dir:name, written dir=name in the tag)`;
  }
  const rest = tag.slice(cut);
  if (rest.startsWith("@")) {
    const v = rest.slice(1).replace(/!?(#\d+)?$/, "");
    if (!isValidVersion(v)) return `version "${v}" is not valid: a "v" then SemVer, such as v1.2.3 or v1.2.3-rc.1`;
  } else {
    const s = rest.slice(1).replace(/!?(#\d+)?$/, "");
    if (!isValidName(s)) return `stage "${s}" is not valid: lowercase letters, digits, "-" and "/", starting and ending with a letter or digit`;
  }
  return `"${tag}" does not follow the registry grammar: name@vX.Y.Z[!], name#stage[#N], name#stage!#N or name@deprecated`;
}
function formatRegistryTag(t) {
  const a = t.artifact.replace(":", "=");
  const n = t.counter === null ? "" : `#${t.counter}`;
  switch (t.action) {
    case "register":
      return `${a}@${t.version}${n}`;
    case "deregister":
      return `${a}@${t.version}!${n}`;
    case "assign":
      return `${a}#${t.stage}${n}`;
    case "unassign":
      return `${a}#${t.stage}!${n}`;
    case "deprecate":
      return `${a}@deprecated${n}`;
  }
}
function defaultTagMessage(t, version) {
  switch (t.action) {
    case "register":
      return `Registering artifact ${t.artifact} version ${t.version}`;
    case "deregister":
      return `Deregistering artifact ${t.artifact} version ${t.version}`;
    case "assign":
      return `Assigning stage ${t.stage} to artifact ${t.artifact} version ${version ?? "?"}`;
    case "unassign":
      return `Unassigning stage '${t.stage}' to artifact '${t.artifact}' version '${version ?? "?"}'`;
    case "deprecate":
      return `Deprecating artifact '${t.artifact}'`;
  }
}
function parseShortcut(value) {
  const m = SHORTCUT_RE.exec(value);
  if (m?.groups) {
    const { artifact, stage, version } = m.groups;
    if (stage) return { artifact, kind: "stage", stage };
    if (version === "latest" || version === "greatest") return { artifact, kind: version };
    return { artifact, kind: "version", version };
  }
  return isValidArtifactName(value) ? { artifact: value, kind: "artifact" } : null;
}
function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.replace(/^v/, "").split("+")[0].split(/-(.*)/s);
    return { nums: core.split(".").map(Number), pre: pre === void 0 ? [] : pre.split(".") };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === void 0) return -1;
    if (q === void 0) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}
function bumpVersion(greatest, part = "patch") {
  if (greatest === null) return part === "major" ? "v1.0.0" : part === "minor" ? "v0.1.0" : "v0.0.1";
  const [maj, min, pat] = greatest.replace(/^v/, "").split(/[-+]/)[0].split(".").map(Number);
  if (part === "major") return `v${maj + 1}.0.0`;
  if (part === "minor") return `v${maj}.${min + 1}.0`;
  return `v${maj}.${min}.${pat + 1}`;
}

// src/core/registry/state.ts
function byTime(a, b) {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if ((a.counter ?? -1) !== (b.counter ?? -1)) return (a.counter ?? -1) - (b.counter ?? -1);
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}
function shortSha(commit) {
  return commit.slice(0, 7);
}
function computeRegistryState(tags, declared = []) {
  const ignored = [];
  const parsed = [];
  for (const t of tags) {
    const p = parseRegistryTag(t.tag);
    if (!p) continue;
    if (!t.annotated) {
      ignored.push({ tag: t.tag, reason: "lightweight tag: the registry reads only annotated tags, which record who created them, when, and the evidence" });
      continue;
    }
    parsed.push({ ...t, p, counter: p.counter });
  }
  parsed.sort(byTime);
  const names = [.../* @__PURE__ */ new Set([...declared, ...parsed.map((t) => t.p.artifact)])];
  const artifacts = names.map((name) => artifactState(name, parsed.filter((t) => t.p.artifact === name)));
  const stages = [...new Set(artifacts.flatMap((a) => a.events.filter((e) => e.stage !== null).map((e) => e.stage)))].sort();
  return { artifacts, stages, ignored };
}
function artifactState(name, tags) {
  const versions = /* @__PURE__ */ new Map();
  const versionOfCommit = /* @__PURE__ */ new Map();
  for (const t of tags) {
    if (t.p.action !== "register" && t.p.action !== "deregister") continue;
    const v = versions.get(t.p.version) ?? { version: t.p.version, commit: t.commit, createdAt: t.createdAt, tag: t.tag, registered: false, stages: [], evidence: { status: "absent" } };
    v.registered = t.p.action === "register";
    if (t.p.action === "register") {
      v.commit = t.commit;
      v.createdAt = t.createdAt;
      v.tag = t.tag;
      v.evidence = readEvidenceAnnotation(t.message);
      versionOfCommit.set(t.commit, t.p.version);
    }
    versions.set(t.p.version, v);
  }
  const events = [];
  const pairActive = /* @__PURE__ */ new Map();
  let deprecated = false;
  tags.forEach((t, i) => {
    const p = t.p;
    let version = null;
    let stage = null;
    if (p.action === "register" || p.action === "deregister") version = p.version;
    if (p.action === "assign" || p.action === "unassign") {
      stage = p.stage;
      version = versionOfCommit.get(t.commit) ?? null;
      if (version === null) {
        version = shortSha(t.commit);
        if (!versions.has(version)) versions.set(version, { version, commit: t.commit, createdAt: t.commitDate, tag: null, registered: false, stages: [], evidence: { status: "absent" } });
      }
      pairActive.set(`${version}\0${stage}`, { active: p.action === "assign", at: i });
    }
    if (p.action === "deprecate") deprecated = true;
    else if (p.action === "register" || p.action === "assign") deprecated = false;
    events.push({ tag: t.tag, parsed: p, event: EVENT_NAMES[p.action], artifact: name, version, stage, commit: t.commit, createdAt: t.createdAt, author: t.author, evidence: readEvidenceAnnotation(t.message) });
  });
  const stages = {};
  for (const [key, s] of pairActive) {
    const [version, stage] = key.split("\0");
    const v = versions.get(version);
    if (!s.active || v.tag !== null && !v.registered) continue;
    if (!stages[stage] || stages[stage].at < s.at) stages[stage] = { version, at: s.at };
  }
  for (const [stage, { version }] of Object.entries(stages)) versions.get(version).stages.push(stage);
  for (const v of versions.values()) v.stages.sort();
  const registered = [...versions.values()].filter((v) => v.registered);
  const latest = registered.map((v) => v.version).sort(compareVersions).pop() ?? null;
  const ordered = [...versions.values()].filter((v) => v.registered || v.tag === null).sort((a, b) => a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1);
  return {
    name,
    deprecated,
    latest,
    stages: Object.fromEntries(Object.entries(stages).sort(([a], [b]) => a < b ? -1 : 1).map(([s, { version }]) => [s, version])),
    versions: ordered,
    events
  };
}
function findArtifact(state, name) {
  return state.artifacts.find((a) => a.name === name);
}
function nextCounter(tags, artifact) {
  let max = 0;
  for (const t of tags) {
    const p = parseRegistryTag(t.tag);
    if (p && p.artifact === artifact && p.counter !== null) max = Math.max(max, p.counter);
  }
  return max + 1;
}

// src/core/registry/plan.ts
function artifactOrNull(tags, artifact) {
  if (!isValidArtifactName(artifact)) {
    throw new InputError(`artifact name "${artifact}" is not valid`, { hint: 'use lowercase letters, digits, "-" and "/", starting and ending with a letter or digit; a model in a subfolder as dir:name' });
  }
  return findArtifact(computeRegistryState(tags), artifact) ?? null;
}
function planRegister(input) {
  const a = artifactOrNull(input.tags, input.artifact);
  const registered = a?.versions.filter((v) => v.registered) ?? [];
  const greatest = registered.map((v) => v.version).sort(compareVersions).pop() ?? null;
  const version = input.version ?? bumpVersion(greatest, input.bump);
  if (!isValidVersion(version)) throw new InputError(`--version "${version}" is not valid`, { hint: 'a "v" then SemVer, such as v1.2.3 or v1.0.0-rc.1' });
  const same = registered.find((v) => v.version === version);
  if (same) throw new InputError(`${input.artifact} ${version} is already registered (tag ${same.tag}, commit ${same.commit.slice(0, 7)})`, { hint: "pick another version, or omit --version to bump the patch" });
  const onCommit = registered.find((v) => v.commit === input.commit);
  if (onCommit && !input.force) {
    throw new InputError(`commit ${input.commit.slice(0, 7)} already has ${input.artifact} ${onCommit.version}`, { hint: "one active version per commit, as in GTO; pass --force to register another anyway" });
  }
  const wasUsed = input.tags.some((t) => t.tag === formatRegistryTag({ action: "register", artifact: input.artifact, version, counter: null }));
  const tag = { action: "register", artifact: input.artifact, version, counter: wasUsed ? nextCounter(input.tags, input.artifact) : null };
  return { tag, name: formatRegistryTag(tag), commit: input.commit, version };
}
function planAssign(input) {
  if (!isValidName(input.stage)) throw new InputError(`stage "${input.stage}" is not valid`, { hint: 'lowercase letters, digits, "-" and "/", such as staging or prod' });
  const a = artifactOrNull(input.tags, input.artifact);
  const v = a?.versions.find((x) => x.version === input.version && x.registered);
  if (!a || !v) {
    const known = a?.versions.filter((x) => x.registered).map((x) => x.version) ?? [];
    throw new InputError(`${input.artifact} ${input.version} is not a registered version`, { hint: known.length ? `registered: ${known.join(", ")}` : `register it first: llmops registry register ${input.artifact} --version ${input.version}` });
  }
  const previous = a.stages[input.stage] ?? null;
  if (previous === input.version && !input.force) {
    throw new InputError(`${input.artifact} ${input.version} is already in ${input.stage}`, { hint: "nothing to do; pass --force to assign it again" });
  }
  const tag = { action: "assign", artifact: input.artifact, stage: input.stage, counter: input.simple ? null : nextCounter(input.tags, input.artifact) };
  return { tag, name: formatRegistryTag(tag), commit: v.commit, version: input.version, previous };
}
function planUnassign(input) {
  const a = artifactOrNull(input.tags, input.artifact);
  const v = a?.versions.find((x) => x.version === input.version);
  if (!a || !v) throw new InputError(`${input.artifact} has no version ${input.version}`);
  const tag = { action: "unassign", artifact: input.artifact, stage: input.stage, counter: nextCounter(input.tags, input.artifact) };
  return { tag, name: formatRegistryTag(tag), commit: v.commit, version: input.version };
}
function planDeprecate(input) {
  if (input.stage !== void 0) return planUnassign({ tags: input.tags, artifact: input.artifact, version: input.version ?? "", stage: input.stage });
  const a = artifactOrNull(input.tags, input.artifact);
  if (!a) throw new InputError(`there is no artifact ${input.artifact} in the registry`, { hint: "run `llmops registry show` for the list" });
  if (input.version !== void 0) {
    const v = a.versions.find((x) => x.version === input.version && x.registered);
    if (!v) throw new InputError(`${input.artifact} ${input.version} is not a registered version`);
    const tag2 = { action: "deregister", artifact: input.artifact, version: input.version, counter: null };
    return { tag: tag2, name: formatRegistryTag(tag2), commit: v.commit, version: input.version };
  }
  if (a.deprecated) throw new InputError(`${input.artifact} is already deprecated`);
  const used = input.tags.some((t) => t.tag === `${input.artifact.replace(":", "=")}@deprecated`);
  const tag = { action: "deprecate", artifact: input.artifact, counter: used ? nextCounter(input.tags, input.artifact) : null };
  return { tag, name: formatRegistryTag(tag), commit: input.headCommit, version: null };
}

// src/core/registry/render.ts
function formatTimestamp(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace("T", " ").slice(0, 19);
}
function renderRegistryTable(state, opts = {}) {
  const rows = state.artifacts.filter((a) => opts.deprecated || !a.deprecated);
  const header = ["name", "latest", ...state.stages.map((s) => `#${s}`)];
  const body = rows.map((a) => {
    const unregistered = a.events.length === 0;
    return [unregistered ? `*${a.name}` : a.name, a.latest ?? "-", ...state.stages.map((s) => a.stages[s] ?? "-")];
  });
  return markdownTable([header, ...body]);
}
function renderArtifactTable(a) {
  const rows = a.versions.map((v) => [a.name, v.version, v.stages.length ? v.stages.join(", ") : "-", formatTimestamp(v.createdAt), v.tag ?? v.commit.slice(0, 7)]);
  return markdownTable([["artifact", "version", "stage", "created_at", "ref"], ...rows]);
}
function computeHistory(a, commitDates) {
  const rows = a.events.map((e) => ({
    at: e.createdAt,
    timestamp: formatTimestamp(e.createdAt),
    artifact: a.name,
    event: e.event,
    version: e.version ?? "-",
    stage: e.stage ?? "-",
    commit: e.commit.slice(0, 7),
    ref: e.tag
  }));
  for (const v of a.versions) {
    const at = commitDates.get(v.commit);
    if (at === void 0 || v.tag === null) continue;
    rows.push({ at, timestamp: formatTimestamp(at), artifact: a.name, event: "commit", version: v.version, stage: "-", commit: v.commit.slice(0, 7), ref: v.commit.slice(0, 7) });
  }
  rows.sort((x, y) => x.at === y.at ? x.event === "commit" ? 1 : y.event === "commit" ? -1 : 0 : x.at < y.at ? 1 : -1);
  return rows.map(({ at: _at, ...r }) => r);
}
function renderHistoryTable(rows) {
  return markdownTable([["timestamp", "artifact", "event", "version", "stage", "commit", "ref"], ...rows.map((r) => [r.timestamp, r.artifact, r.event, r.version, r.stage, r.commit, r.ref])]);
}
function registryJson(state) {
  return {
    artifacts: Object.fromEntries(
      state.artifacts.map((a) => [
        a.name,
        {
          deprecated: a.deprecated,
          latest: a.latest,
          stages: a.stages,
          versions: a.versions.map((v) => ({
            version: v.version,
            commit: v.commit,
            created_at: v.createdAt,
            ref: v.tag,
            registered: v.registered,
            stages: v.stages,
            evidence: v.evidence.status === "ok" ? v.evidence.evidence : v.evidence.status === "invalid" ? { invalid: v.evidence.problem } : null
          }))
        }
      ])
    ),
    stages: state.stages,
    ignored_tags: state.ignored
  };
}

// src/app/registry/local-registry.ts
import { existsSync as existsSync2, mkdtempSync, readFileSync as readFileSync2, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2, relative } from "node:path";

// src/core/registry/artifacts.ts
var ARTIFACT_TYPES = ["model", "adapter", "prompt", "dataset"];
var CustomSchema = external_exports.looseObject({
  /** For an adapter: the base model it applies to (a repo path, hf:// URI or a served model name). */
  base_model: external_exports.string().min(1).optional(),
  /** LoRA rank, for vLLM's --max-lora-rank. */
  lora_rank: external_exports.number().int().positive().optional(),
  /** The weights' format: hf (safetensors directory) or gguf. */
  format: external_exports.enum(["hf", "gguf"]).optional()
}).optional();
var ArtifactSpecSchema = external_exports.strictObject({
  type: external_exports.enum(ARTIFACT_TYPES).optional(),
  path: external_exports.string().min(1),
  description: external_exports.string().optional(),
  labels: external_exports.array(external_exports.string()).optional(),
  virtual: external_exports.boolean().optional(),
  custom: CustomSchema
});
var ArtifactsFileSchema = external_exports.record(external_exports.string(), ArtifactSpecSchema).nullable();
function parseArtifactsYaml(text, file = "artifacts.yaml") {
  const doc = parseYamlSource(text, file);
  const value = validateConfig(ArtifactsFileSchema, doc, "artifacts.yaml") ?? {};
  return Object.entries(value).map(([name, spec]) => {
    if (!isValidArtifactName(name)) {
      const p = doc.locate([name], "key");
      throw new ConfigError(`${file}:${p.line}:${p.col}: artifact name "${name}" is not valid`, {
        hint: 'use lowercase letters, digits, "-" and "/", starting and ending with a letter or digit; a model in a subfolder as dir:name'
      });
    }
    return { name, ...spec };
  });
}

// src/core/registry/evidence.ts
var SummaryShape = external_exports.looseObject({
  schema: external_exports.literal("llmops.summary/v1"),
  suite: external_exports.looseObject({ name: external_exports.string() }),
  metrics: external_exports.record(external_exports.string(), external_exports.looseObject({ mean: external_exports.number().nullable(), ci95: external_exports.tuple([external_exports.number(), external_exports.number()]).nullable(), n: external_exports.number() }))
});
function parseEvalSummaryForEvidence(text, file) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataInvalidError(`${file}: not JSON`, { hint: "pass the summary.json of an eval run (llmops eval --out DIR writes DIR/summary.json)" });
  }
  const r = SummaryShape.safeParse(raw);
  if (!r.success) throw new DataInvalidError(`${file}: not an eval summary (${r.error.issues[0].path.join(".")}: ${r.error.issues[0].message})`, { hint: "pass the summary.json of an eval run" });
  const metrics = {};
  for (const [name, m] of Object.entries(r.data.metrics)) {
    if (m.mean === null) continue;
    metrics[name] = { mean: m.mean, ci_low: m.ci95?.[0] ?? null, ci_high: m.ci95?.[1] ?? null, n: m.n };
  }
  return { suite: r.data.suite.name, metrics };
}
var ComparisonShape = external_exports.looseObject({ schema: external_exports.literal("llmops.comparison/v1"), gate: external_exports.looseObject({ verdict: external_exports.enum(["pass", "fail", "inconclusive"]) }).nullable() });
function parseGateVerdictFile(text, file) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataInvalidError(`${file}: not JSON`, { hint: "pass the comparison.json that llmops gate --out DIR wrote" });
  }
  const r = ComparisonShape.safeParse(raw);
  if (!r.success || r.data.gate === null) throw new DataInvalidError(`${file}: has no gate verdict`, { hint: "pass the comparison.json of `llmops gate --policy \u2026 --out DIR`" });
  return r.data.gate.verdict;
}
function buildEvidence(i) {
  return {
    schema: REGISTRY_EVIDENCE_SCHEMA,
    event: i.event,
    artifact: i.artifact,
    version: i.version,
    stage: i.stage,
    commit: i.commit,
    model: i.model,
    dataset_manifest: i.datasetManifest,
    eval: i.evalSummary ? { path: i.evalSummary.path, sha256: i.evalSummary.sha256, suite: i.evalSummary.suite, metrics: i.evalSummary.metrics } : null,
    gate: i.gate,
    previous_version: i.previousVersion,
    llmops_version: i.llmopsVersion,
    created_at: i.now
  };
}

// src/app/registry/resolve-artifact.ts
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/core/registry/storage.ts
var RELEASE_URL = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/releases\/download\/([^/]+)\/([^/]+)$/;
var HF = /^hf:\/\/([\w.-]+\/[\w.-]+)@([\w.\-/]+?)(?:\/\/(.+))?$/;
var OCI = /^oci:\/\/([^@\s]+)@(sha256:[0-9a-f]{64})$/;
function parseStorageUri(value, where = "artifacts.yaml") {
  let m;
  if (m = RELEASE_URL.exec(value)) return { kind: "github-release", repository: m[1], tag: decodeURIComponent(m[2]), asset: decodeURIComponent(m[3]) };
  if (value.startsWith("hf://")) {
    if (!(m = HF.exec(value))) throw new InputError(`${where}: "${value}" is not a Hugging Face URI`, { hint: "write hf://org/name@revision, or hf://org/name@revision//file for one file; pin the revision (a commit SHA is best)" });
    return { kind: "hf", repo: m[1], revision: m[2], file: m[3] ?? null };
  }
  if (value.startsWith("oci://")) {
    if (!(m = OCI.exec(value))) throw new InputError(`${where}: "${value}" is not a pinned OCI reference`, { hint: "write oci://registry/name@sha256:<digest> (a tag alone is mutable)" });
    return { kind: "oci", reference: m[1], digest: m[2] };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new InputError(`${where}: storage "${value}" is not supported`, { hint: "use a path in the repository, https://github.com/OWNER/REPO/releases/download/TAG/ASSET, hf://org/name@rev or oci://\u2026@sha256:\u2026" });
  }
  const path = value.replace(/^\.\/+/, "");
  if (path.startsWith("/") || path.split("/").includes("..")) throw new InputError(`${where}: path "${value}" leaves the repository`, { hint: "give a path relative to the repository root" });
  return { kind: "repo", path };
}
function parseLfsPointer(data) {
  if (data.length > 1024) return null;
  const text = new TextDecoder().decode(data);
  if (!text.startsWith("version https://git-lfs.github.com/spec/v1\n")) return null;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  return oid && size ? { oid: oid[1], size: Number(size[1]) } : null;
}

// src/app/registry/resolve-artifact.ts
async function resolveArtifact(uri, opts) {
  const s = parseStorageUri(uri);
  switch (s.kind) {
    case "repo":
      return resolveRepoPath(uri, s.path, opts);
    case "github-release":
      return resolveReleaseAsset(uri, s, opts);
    case "hf":
      return resolveHf(uri, s, opts);
    case "oci":
      throw new ExternalError(`${uri}: OCI artifacts are parsed but not fetched by this version of llmops`, {
        hint: "publish the weights as a GitHub release asset or on the Hub (hf://org/name@rev) for llmops to verify them"
      });
  }
}
async function resolveRepoPath(uri, path, opts) {
  const files = await opts.git.listTree(opts.commit, path);
  if (files.length === 0) throw new InputError(`artifact path "${path}" does not exist at commit ${opts.commit.slice(0, 12)}`, { hint: "commit the model there, or point artifacts.yaml's path at where it is" });
  const single = files.length === 1 && files[0].path === "";
  const out = join(opts.workDir, "repo", single ? path.split("/").pop() : path.split("/").pop() || "artifact");
  let lfsPointerOnly = false;
  const materialised = [];
  for (const f of files) {
    const data = await opts.git.readBlob(f.blob);
    const target = single ? out : join(out, f.path);
    mkdirSync(dirname(target), { recursive: true });
    const pointer = parseLfsPointer(data);
    if (pointer) {
      const worktree = join(opts.git.cwd, path, f.path);
      const present = existsSync(worktree) && statSync(worktree).size === pointer.size && await sha256File(worktree) === pointer.oid;
      if (present) {
        await pipeline(createReadStream(worktree), createWriteStream(target));
      } else if (single) {
        lfsPointerOnly = true;
        return { uri, storage: "repo", sha256: `sha256:${pointer.oid}`, bytes: pointer.size, single, localPath: null, pinned: opts.commit, lfsPointerOnly };
      } else {
        throw new ExternalError(`${path}/${f.path} is a Git LFS pointer and its content is not in the work tree`, { hint: "run `git lfs pull` (or actions/checkout with lfs: true) so llmops can hash the directory" });
      }
    } else {
      await pipeline(Readable.from([data]), createWriteStream(target));
    }
    materialised.push({ rel: f.path, file: target });
  }
  const { sha256, bytes } = await hashMaterialised(materialised, single);
  return { uri, storage: "repo", sha256, bytes, single, localPath: out, pinned: opts.commit, lfsPointerOnly };
}
async function resolveReleaseAsset(uri, s, opts) {
  const api = (opts.githubApiUrl ?? "https://api.github.com").replace(/\/+$/, "");
  const headers = { accept: "application/vnd.github+json", "user-agent": "llmops" };
  if (opts.githubToken) headers.authorization = `Bearer ${opts.githubToken}`;
  const releaseUrl = `${api}/repos/${s.repository}/releases/tags/${encodeURIComponent(s.tag)}`;
  const release = await getJson(releaseUrl, headers, opts);
  const asset = release.assets?.find((a) => a.name === s.asset);
  if (!asset) throw new ExternalError(`release ${s.tag} of ${s.repository} has no asset named ${s.asset}`, { hint: `assets there: ${(release.assets ?? []).map((a) => a.name).join(", ") || "none"}` });
  const target = join(opts.workDir, "release", s.asset);
  await download(`${api}/repos/${s.repository}/releases/assets/${asset.id}`, { ...headers, accept: "application/octet-stream" }, target, opts);
  const { sha256, bytes } = await hashMaterialised([{ rel: "", file: target }], true);
  return { uri, storage: "github-release", sha256, bytes, single: true, localPath: target, pinned: `asset ${asset.id}`, lfsPointerOnly: false };
}
async function resolveHf(uri, s, opts) {
  const endpoint = (opts.hfEndpoint ?? "https://huggingface.co").replace(/\/+$/, "");
  const headers = { "user-agent": "llmops" };
  if (opts.hfToken) headers.authorization = `Bearer ${opts.hfToken}`;
  const info = await getJson(`${endpoint}/api/models/${s.repo}/revision/${encodeURIComponent(s.revision)}`, headers, opts);
  const sha = info.sha;
  if (typeof sha !== "string" || !/^[0-9a-f]{40}$/.test(sha)) throw new ExternalError(`${endpoint}: the Hub did not resolve ${s.repo}@${s.revision} to a commit`);
  const names = s.file ? [s.file] : (info.siblings ?? []).map((x) => x.rfilename).filter((n) => !n.startsWith(".git"));
  if (s.file && !(info.siblings ?? []).some((x) => x.rfilename === s.file)) throw new ExternalError(`${s.repo}@${s.revision} has no file ${s.file}`);
  const out = join(opts.workDir, "hf", s.repo.replace("/", "--"));
  const materialised = [];
  for (const name of names) {
    if (name.split("/").includes("..") || name.startsWith("/")) throw new ExternalError(`${s.repo}: the Hub listed an unsafe file name ${JSON.stringify(name)}`);
    const target = s.file ? join(out, name.split("/").pop()) : join(out, name);
    await download(`${endpoint}/${s.repo}/resolve/${sha}/${name.split("/").map(encodeURIComponent).join("/")}`, headers, target, opts);
    materialised.push({ rel: s.file ? "" : name, file: target });
  }
  const single = s.file !== null;
  const { sha256, bytes } = await hashMaterialised(materialised, single);
  return { uri, storage: "hf", sha256, bytes, single, localPath: single ? materialised[0].file : out, pinned: sha, lfsPointerOnly: false };
}
async function hashMaterialised(files, single) {
  if (single) {
    const f = files[0].file;
    return { sha256: `sha256:${await sha256File(f)}`, bytes: statSync(f).size };
  }
  const byRel = new Map(files.map((f) => [f.rel, f.file]));
  const hasher = createContentHasher();
  let bytes = 0;
  for (const rel of sortForHash([...byRel.keys()])) {
    const file = byRel.get(rel);
    const size = statSync(file).size;
    bytes += size;
    hasher.addFile(rel, size);
    for await (const chunk of createReadStream(file)) hasher.addBytes(chunk);
  }
  return { sha256: hasher.digest(), bytes };
}
async function getJson(url, headers, opts) {
  const res = await request(url, headers, opts);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ExternalError(`GET ${url} answered ${res.status} with a body that is not JSON`);
  }
}
async function download(url, headers, target, opts) {
  const res = await request(url, headers, opts);
  mkdirSync(dirname(target), { recursive: true });
  if (!res.body) throw new ExternalError(`GET ${url} answered without a body`);
  await pipeline(Readable.fromWeb(res.body), createWriteStream(target));
}
async function request(url, headers, opts) {
  let res;
  try {
    res = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(opts.timeoutMs ?? 12e4) });
  } catch (err) {
    throw new ExternalError(`GET ${url} failed: ${err instanceof Error ? err.message : String(err)}`, { hint: "check the URL and the network; llmops does not retry artifact downloads" });
  }
  if (!res.ok) {
    const hint = res.status === 401 || res.status === 403 ? "the token was refused or lacks access (HF_TOKEN for the Hub, GITHUB_TOKEN with contents: read for releases)" : res.status === 404 ? "check the repository, revision and file name" : void 0;
    throw new ExternalError(`GET ${url} answered ${res.status}`, { hint });
  }
  return res;
}
function readHashed(file) {
  const buf = readFileSync(file);
  return { text: buf.toString("utf8"), sha256: `sha256:${createHash("sha256").update(buf).digest("hex")}` };
}

// src/app/registry/local-registry.ts
async function loadRegistry(dir) {
  const git = new GitCli(dir);
  const top = await git.run(["rev-parse", "--show-toplevel"], { allowFail: true });
  if (top.code !== 0) throw new InputError(`${dir} is not inside a git repository`, { hint: "run llmops registry in a clone of your repository, or pass --repo DIR" });
  const root = top.stdout.toString().trim();
  const rootGit = new GitCli(root);
  const file = join2(root, "artifacts.yaml");
  const artifacts = existsSync2(file) ? parseArtifactsYaml(readFileSync2(file, "utf8"), relative(process.cwd(), file) || "artifacts.yaml") : [];
  const tags = await rootGit.listTags();
  return { git: rootGit, dir: root, tags, artifacts, state: computeRegistryState(tags, artifacts.map((a) => a.name)) };
}
async function artifactAt(reg, commit, name) {
  const tree = await reg.git.listTree(commit, "artifacts.yaml");
  if (tree.length !== 1) throw new ConfigError(`artifacts.yaml is not committed at ${commit.slice(0, 7)}`, { hint: `declare ${name} in artifacts.yaml at the repository root and commit it` });
  const text = new TextDecoder().decode(await reg.git.readBlob(tree[0].blob));
  const spec = parseArtifactsYaml(text, `artifacts.yaml@${commit.slice(0, 7)}`).find((a) => a.name === name);
  if (!spec) throw new ConfigError(`artifacts.yaml at ${commit.slice(0, 7)} does not declare ${name}`, { hint: `add "${name}:" with its type and path` });
  return spec;
}
async function gatherEvidence(input) {
  const rel = (f) => relative(input.reg.dir, f) || f;
  let datasetManifest = null;
  if (input.files.datasetManifest) {
    const h = readHashed(input.files.datasetManifest);
    datasetManifest = { path: rel(input.files.datasetManifest), sha256: h.sha256 };
  }
  let evalSummary = null;
  if (input.files.evalSummary) {
    const h = readHashed(input.files.evalSummary);
    evalSummary = { path: rel(input.files.evalSummary), sha256: h.sha256, ...parseEvalSummaryForEvidence(h.text, input.files.evalSummary) };
  }
  let gate = input.files.gate ?? null;
  if (!gate && input.files.gateFile) {
    gate = { verdict: parseGateVerdictFile(readFileSync2(input.files.gateFile, "utf8"), input.files.gateFile), source: "file", check: rel(input.files.gateFile), url: null };
  }
  return buildEvidence({
    event: input.event,
    artifact: input.plan.tag.artifact,
    version: input.plan.version,
    stage: input.stage,
    commit: input.plan.commit,
    model: input.resolved ? { uri: input.resolved.uri, sha256: input.resolved.sha256, bytes: input.resolved.bytes } : null,
    datasetManifest,
    evalSummary,
    gate,
    previousVersion: input.previousVersion,
    llmopsVersion: VERSION,
    now: input.now ?? (/* @__PURE__ */ new Date()).toISOString()
  });
}
async function resolveAt(reg, spec, commit, extra = {}) {
  const workDir = extra.keepDir ?? mkdtempSync(join2(tmpdir(), "llmops-artifact-"));
  try {
    return await resolveArtifact(spec.path, { git: reg.git, commit, workDir, ...extra });
  } finally {
    if (!extra.keepDir) rmSync(workDir, { recursive: true, force: true });
  }
}
async function writeTag(reg, plan, evidence, push, headline) {
  const line = headline ?? defaultTagMessage(plan.tag, plan.version);
  const message = evidence ? writeEvidenceAnnotation(line, evidence) : `${line}
`;
  await reg.git.createAnnotatedTag(plan.name, plan.commit, message);
  if (push === void 0) return { tag: plan.name, pushed: false };
  const r = await reg.git.pushTag(push, plan.name);
  if (!r.ok) {
    await reg.git.deleteLocalTag(plan.name);
    throw new ExternalError(`${push} refused tag ${plan.name}: ${r.reason}`, {
      hint: "someone created that tag first (tag creation is the lock): fetch tags (git fetch --tags) and look at `llmops registry show` before trying again"
    });
  }
  return { tag: plan.name, pushed: true };
}

// src/cli/commands/registry.ts
var COMMON = ["repo", "json", "quiet"];
var WRITE = [...COMMON, "push", "message"];
var subcommands = {
  show: { run: runShow, options: [...COMMON, "deprecated", "ref"], max: 1 },
  history: { run: runHistory, options: COMMON, max: 1 },
  register: { run: runRegister, options: [...WRITE, "version", "bump", "force", "data-manifest", "eval-summary", "gate"], max: 2 },
  assign: { run: runAssign, options: [...WRITE, "version", "stage", "force", "simple"], max: 2 },
  deprecate: { run: runDeprecate, options: WRITE, max: 3 }
};
var registryCommand = {
  name: "registry",
  summary: "model versions and stages as annotated git tags (GTO-compatible), with evidence",
  help: `usage: llmops registry <subcommand> [options]

subcommands:
  show [NAME|NAME#stage|NAME@latest|NAME@vX.Y.Z]   the registry (name, latest, one column per stage),
        or one artifact's versions; --ref prints the tag to check out; --deprecated includes retired artifacts
  history [NAME]                        every registry event, newest first (as gto history)
  register NAME [REF]                   tag REF (default HEAD) as NAME@vX.Y.Z with its evidence
        --version vX.Y.Z | --bump major|minor|patch (default: patch of the greatest, or v0.0.1)
        --data-manifest FILE  --eval-summary FILE (an eval run's summary.json)  --gate FILE (comparison.json)
        --force (a second version on one commit)
  assign NAME --version vX.Y.Z --stage STAGE   tag NAME#STAGE#N on that version's commit (--simple: NAME#STAGE)
  deprecate NAME [VERSION [STAGE]]      NAME@deprecated; with VERSION, NAME@VERSION! (deregister);
                                        with STAGE, NAME#STAGE!#N (unassign)

options:
  --repo DIR        the repository (default: the current directory)
  --push REMOTE     push the new tag (e.g. origin); a tag the remote already has is refused
  --message TEXT    the annotation's first line (default: GTO's wording)
  --json            print JSON on stdout

Tags are annotated; a lightweight tag in the registry's grammar is ignored and reported. Artifacts
are declared in artifacts.yaml (GTO's format). See docs/release.md.
`,
  options: {
    repo: { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    deprecated: { type: "boolean" },
    ref: { type: "boolean" },
    push: { type: "string" },
    message: { type: "string" },
    version: { type: "string" },
    bump: { type: "string" },
    force: { type: "boolean" },
    simple: { type: "boolean" },
    stage: { type: "string" },
    "data-manifest": { type: "string" },
    "eval-summary": { type: "string" },
    gate: { type: "string" }
  },
  async run(ctx, { values, positionals }) {
    const [name, ...rest] = positionals;
    const sub = name === void 0 ? void 0 : subcommands[name];
    if (!sub) {
      throw new InputError(name === void 0 ? "llmops registry: missing subcommand" : `llmops registry: unknown subcommand "${name}"`, { hint: `one of: ${Object.keys(subcommands).join(", ")}` });
    }
    for (const k of Object.keys(values)) {
      if (k !== "help" && values[k] !== void 0 && !sub.options.includes(k)) throw new InputError(`llmops registry ${name}: option --${k} does not apply here`, { hint: `run "llmops registry --help"` });
    }
    if (rest.length > sub.max) throw new InputError(`llmops registry ${name}: unexpected argument ${JSON.stringify(rest[sub.max])}`, { hint: `run "llmops registry --help"` });
    return sub.run(ctx, values, rest);
  }
};
async function load(ctx, values) {
  const reg = await loadRegistry(values.repo ? ctx.resolvePath(values.repo) : ctx.cwd);
  for (const i of reg.state.ignored) ctx.logger.warn(`tag ${i.tag} ignored: ${i.reason}; recreate it with git tag -a`);
  return reg;
}
async function runShow(ctx, values, [target]) {
  const reg = await load(ctx, values);
  if (target === void 0) {
    if (values.json) ctx.printJson(registryJson(reg.state));
    else ctx.stdout.write(`${renderRegistryTable(reg.state, { deprecated: Boolean(values.deprecated) })}
`);
    return 0;
  }
  const sc = parseShortcut(target);
  if (!sc) throw new InputError(`"${target}" is not an artifact name or shortcut`, { hint: "NAME, NAME#stage, NAME@latest, NAME@greatest or NAME@vX.Y.Z" });
  const a = findArtifact(reg.state, sc.artifact);
  if (!a) throw new InputError(`there is no artifact ${sc.artifact} in the registry`, { hint: `known: ${reg.state.artifacts.map((x) => x.name).join(", ") || "none (register one with llmops registry register)"}` });
  let versions = a.versions;
  if (sc.kind === "stage") versions = versions.filter((v) => v.stages.includes(sc.stage));
  else if (sc.kind === "latest" || sc.kind === "greatest") versions = versions.filter((v) => v.version === a.latest);
  else if (sc.kind === "version") versions = versions.filter((v) => v.version === sc.version);
  const picked = { ...a, versions };
  if (values.ref) {
    if (versions.length === 0) throw new InputError(`${target} names no version`);
    ctx.stdout.write(`${versions.map((v) => v.tag ?? v.commit).join("\n")}
`);
    return 0;
  }
  if (values.json) ctx.printJson(registryJson({ artifacts: [picked], stages: reg.state.stages, ignored: reg.state.ignored }).artifacts[a.name]);
  else ctx.stdout.write(`${renderArtifactTable(picked)}
`);
  return 0;
}
async function runHistory(ctx, values, [name]) {
  const reg = await load(ctx, values);
  const artifacts = name === void 0 ? reg.state.artifacts : reg.state.artifacts.filter((a) => a.name === name);
  if (name !== void 0 && artifacts.length === 0) throw new InputError(`there is no artifact ${name} in the registry`);
  const dates = /* @__PURE__ */ new Map();
  for (const a of artifacts) for (const v of a.versions) if (v.tag) dates.set(v.commit, await reg.git.commitDate(v.commit));
  const rows = artifacts.flatMap((a) => computeHistory(a, dates)).sort((x, y) => x.timestamp < y.timestamp ? 1 : x.timestamp > y.timestamp ? -1 : 0);
  if (values.json) ctx.printJson(rows);
  else ctx.stdout.write(`${renderHistoryTable(rows)}
`);
  return 0;
}
function need(values, key, what) {
  const v = values[key];
  if (typeof v !== "string" || v === "") throw new InputError(`--${key} is required: ${what}`, { hint: 'run "llmops registry --help"' });
  return v;
}
async function runRegister(ctx, values, [name, ref]) {
  if (name === void 0) throw new InputError("llmops registry register: missing the artifact NAME", { hint: "declare it in artifacts.yaml, then: llmops registry register NAME [REF] --version vX.Y.Z" });
  const bump = values.bump;
  if (bump !== void 0 && !["major", "minor", "patch"].includes(bump)) throw new InputError(`--bump must be major, minor or patch, got ${JSON.stringify(bump)}`);
  if (bump !== void 0 && values.version !== void 0) throw new InputError("--bump and --version exclude each other");
  const reg = await load(ctx, values);
  const commit = await reg.git.resolveCommit(ref ?? "HEAD");
  const plan = planRegister({ tags: reg.tags, artifact: name, commit, ...values.version ? { version: values.version } : {}, ...bump ? { bump } : {}, force: Boolean(values.force) });
  const spec = await artifactAt(reg, commit, name);
  const resolved = spec.virtual ? null : await resolveAt(reg, spec, commit, resolveEnv(ctx));
  const file = (k) => values[k] ? ctx.resolvePath(values[k]) : void 0;
  const evidence = await gatherEvidence({
    reg,
    event: "registration",
    plan,
    stage: null,
    resolved,
    files: { ...file("data-manifest") ? { datasetManifest: file("data-manifest") } : {}, ...file("eval-summary") ? { evalSummary: file("eval-summary") } : {}, ...file("gate") ? { gateFile: file("gate") } : {} },
    previousVersion: null
  });
  const r = await writeTag(reg, plan, evidence, values.push, values.message);
  return report(ctx, values, { ...r, commit, version: plan.version, evidence }, `Created git tag '${r.tag}' that registers version ${plan.version} of ${name} (${resolved ? resolved.sha256 : "virtual"})`);
}
async function runAssign(ctx, values, [name, ref]) {
  if (name === void 0) throw new InputError("llmops registry assign: missing the artifact NAME");
  const reg = await load(ctx, values);
  const stage = need(values, "stage", "the stage to assign (e.g. staging, prod)");
  let version = values.version;
  if (version === void 0) {
    if (ref === void 0) throw new InputError("--version is required (or a REF whose commit has a registered version)");
    const commit = await reg.git.resolveCommit(ref);
    version = findArtifact(reg.state, name)?.versions.find((v) => v.commit === commit && v.registered)?.version;
    if (!version) throw new InputError(`${ref} has no registered version of ${name}`, { hint: `register it first: llmops registry register ${name} ${ref}` });
  }
  const plan = planAssign({ tags: reg.tags, artifact: name, version, stage, force: Boolean(values.force), simple: Boolean(values.simple) });
  const registration = findArtifact(reg.state, name).versions.find((v) => v.version === version);
  const base = registration.evidence.status === "ok" ? registration.evidence.evidence : null;
  const evidence = await gatherEvidence({
    reg,
    event: "assignment",
    plan,
    stage,
    resolved: null,
    files: base?.gate ? { gate: base.gate } : {},
    previousVersion: plan.previous
  });
  const withModel = base ? { ...evidence, model: base.model, dataset_manifest: base.dataset_manifest, eval: base.eval } : evidence;
  const r = await writeTag(reg, plan, withModel, values.push, values.message);
  return report(ctx, values, { ...r, commit: plan.commit, version, stage, previous: plan.previous, evidence: withModel }, `Created git tag '${r.tag}' that assigns stage '${stage}' to ${name} ${version}${plan.previous ? ` (was ${plan.previous})` : ""}`);
}
async function runDeprecate(ctx, values, [name, version, stage]) {
  if (name === void 0) throw new InputError("llmops registry deprecate: missing the artifact NAME");
  const reg = await load(ctx, values);
  const head = await reg.git.resolveCommit("HEAD");
  const plan = planDeprecate({ tags: reg.tags, artifact: name, headCommit: head, ...version ? { version } : {}, ...stage ? { stage } : {} });
  const event = plan.tag.action === "unassign" ? "unassignment" : plan.tag.action === "deregister" ? "deregistration" : "deprecation";
  const evidence = await gatherEvidence({ reg, event, plan, stage: stage ?? null, resolved: null, files: {}, previousVersion: null });
  const r = await writeTag(reg, plan, evidence, values.push, values.message);
  return report(ctx, values, { ...r, commit: plan.commit, version: plan.version, event }, `Created git tag '${r.tag}' (${event})`);
}
function report(ctx, values, result, line) {
  if (values.json) ctx.printJson(result);
  else ctx.stdout.write(`${line}${result.pushed ? " and pushed it" : "\nTo push it: git push origin " + JSON.stringify(`refs/tags/${String(result.tag)}`)}
`);
  return 0;
}
function resolveEnv(ctx) {
  const e = ctx.env;
  return {
    ...e.GITHUB_API_URL ? { githubApiUrl: e.GITHUB_API_URL } : {},
    ...e.GITHUB_TOKEN ? { githubToken: e.GITHUB_TOKEN } : {},
    ...e.HF_ENDPOINT ? { hfEndpoint: e.HF_ENDPOINT } : {},
    ...e.HF_TOKEN ? { hfToken: e.HF_TOKEN } : {}
  };
}

export {
  parseRegistryTag,
  explainMalformedTag,
  formatRegistryTag,
  findArtifact,
  planAssign,
  planUnassign,
  parseStorageUri,
  loadRegistry,
  artifactAt,
  gatherEvidence,
  resolveAt,
  writeTag,
  registryCommand,
  resolveEnv
};

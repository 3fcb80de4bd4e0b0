// `llmops registry show|history|register|assign|deprecate`: the model registry in git tags, with
// GTO's grammar; register and assign write the evidence into the tag's annotation.
import { planAssign, planDeprecate, planRegister } from "../../core/registry/plan.js";
import { computeHistory, registryJson, renderArtifactTable, renderHistoryTable, renderRegistryTable } from "../../core/registry/render.js";
import { findArtifact } from "../../core/registry/state.js";
import { parseShortcut } from "../../core/registry/tag-grammar.js";
import { artifactAt, gatherEvidence, loadRegistry, resolveAt, writeTag, type LoadedRegistry } from "../../app/registry/local-registry.js";
import { InputError } from "../../errors.js";
import type { CliContext } from "../context.js";
import type { Command } from "../command.js";

type Values = Record<string, unknown>;
type Sub = (ctx: CliContext, values: Values, positionals: string[]) => Promise<number>;

const COMMON = ["repo", "json", "quiet"];
const WRITE = [...COMMON, "push", "message"];
const subcommands: Record<string, { run: Sub; options: readonly string[]; max: number }> = {
  show: { run: runShow, options: [...COMMON, "deprecated", "ref"], max: 1 },
  history: { run: runHistory, options: COMMON, max: 1 },
  register: { run: runRegister, options: [...WRITE, "version", "bump", "force", "data-manifest", "eval-summary", "gate"], max: 2 },
  assign: { run: runAssign, options: [...WRITE, "version", "stage", "force", "simple"], max: 2 },
  deprecate: { run: runDeprecate, options: WRITE, max: 3 },
};

export const registryCommand: Command = {
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
    gate: { type: "string" },
  },
  async run(ctx, { values, positionals }) {
    const [name, ...rest] = positionals;
    const sub = name === undefined ? undefined : subcommands[name];
    if (!sub) {
      throw new InputError(name === undefined ? "llmops registry: missing subcommand" : `llmops registry: unknown subcommand "${name}"`, { hint: `one of: ${Object.keys(subcommands).join(", ")}` });
    }
    for (const k of Object.keys(values)) {
      if (k !== "help" && values[k] !== undefined && !sub.options.includes(k)) throw new InputError(`llmops registry ${name}: option --${k} does not apply here`, { hint: `run "llmops registry --help"` });
    }
    if (rest.length > sub.max) throw new InputError(`llmops registry ${name}: unexpected argument ${JSON.stringify(rest[sub.max])}`, { hint: `run "llmops registry --help"` });
    return sub.run(ctx, values, rest);
  },
};

async function load(ctx: CliContext, values: Values): Promise<LoadedRegistry> {
  const reg = await loadRegistry(values.repo ? ctx.resolvePath(values.repo as string) : ctx.cwd);
  for (const i of reg.state.ignored) ctx.logger.warn(`tag ${i.tag} ignored: ${i.reason}; recreate it with git tag -a`);
  return reg;
}

async function runShow(ctx: CliContext, values: Values, [target]: string[]): Promise<number> {
  const reg = await load(ctx, values);
  if (target === undefined) {
    if (values.json) ctx.printJson(registryJson(reg.state));
    else ctx.stdout.write(`${renderRegistryTable(reg.state, { deprecated: Boolean(values.deprecated) })}\n`);
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
    ctx.stdout.write(`${versions.map((v) => v.tag ?? v.commit).join("\n")}\n`);
    return 0;
  }
  if (values.json) ctx.printJson((registryJson({ artifacts: [picked], stages: reg.state.stages, ignored: reg.state.ignored }).artifacts as Record<string, unknown>)[a.name]);
  else ctx.stdout.write(`${renderArtifactTable(picked)}\n`);
  return 0;
}

async function runHistory(ctx: CliContext, values: Values, [name]: string[]): Promise<number> {
  const reg = await load(ctx, values);
  const artifacts = name === undefined ? reg.state.artifacts : reg.state.artifacts.filter((a) => a.name === name);
  if (name !== undefined && artifacts.length === 0) throw new InputError(`there is no artifact ${name} in the registry`);
  const dates = new Map<string, string>();
  for (const a of artifacts) for (const v of a.versions) if (v.tag) dates.set(v.commit, await reg.git.commitDate(v.commit));
  const rows = artifacts.flatMap((a) => computeHistory(a, dates)).sort((x, y) => (x.timestamp < y.timestamp ? 1 : x.timestamp > y.timestamp ? -1 : 0));
  if (values.json) ctx.printJson(rows);
  else ctx.stdout.write(`${renderHistoryTable(rows)}\n`);
  return 0;
}

function need(values: Values, key: string, what: string): string {
  const v = values[key];
  if (typeof v !== "string" || v === "") throw new InputError(`--${key} is required: ${what}`, { hint: 'run "llmops registry --help"' });
  return v;
}

async function runRegister(ctx: CliContext, values: Values, [name, ref]: string[]): Promise<number> {
  if (name === undefined) throw new InputError("llmops registry register: missing the artifact NAME", { hint: "declare it in artifacts.yaml, then: llmops registry register NAME [REF] --version vX.Y.Z" });
  const bump = values.bump as string | undefined;
  if (bump !== undefined && !["major", "minor", "patch"].includes(bump)) throw new InputError(`--bump must be major, minor or patch, got ${JSON.stringify(bump)}`);
  if (bump !== undefined && values.version !== undefined) throw new InputError("--bump and --version exclude each other");
  const reg = await load(ctx, values);
  const commit = await reg.git.resolveCommit(ref ?? "HEAD");
  const plan = planRegister({ tags: reg.tags, artifact: name, commit, ...(values.version ? { version: values.version as string } : {}), ...(bump ? { bump: bump as "patch" } : {}), force: Boolean(values.force) });
  const spec = await artifactAt(reg, commit, name);
  const resolved = spec.virtual ? null : await resolveAt(reg, spec, commit, resolveEnv(ctx));
  const file = (k: string) => (values[k] ? ctx.resolvePath(values[k] as string) : undefined);
  const evidence = await gatherEvidence({
    reg,
    event: "registration",
    plan,
    stage: null,
    resolved,
    files: { ...(file("data-manifest") ? { datasetManifest: file("data-manifest")! } : {}), ...(file("eval-summary") ? { evalSummary: file("eval-summary")! } : {}), ...(file("gate") ? { gateFile: file("gate")! } : {}) },
    previousVersion: null,
  });
  const r = await writeTag(reg, plan, evidence, values.push as string | undefined, values.message as string | undefined);
  return report(ctx, values, { ...r, commit, version: plan.version, evidence }, `Created git tag '${r.tag}' that registers version ${plan.version} of ${name} (${resolved ? resolved.sha256 : "virtual"})`);
}

async function runAssign(ctx: CliContext, values: Values, [name, ref]: string[]): Promise<number> {
  if (name === undefined) throw new InputError("llmops registry assign: missing the artifact NAME");
  const reg = await load(ctx, values);
  const stage = need(values, "stage", "the stage to assign (e.g. staging, prod)");
  let version = values.version as string | undefined;
  if (version === undefined) {
    if (ref === undefined) throw new InputError("--version is required (or a REF whose commit has a registered version)");
    const commit = await reg.git.resolveCommit(ref);
    version = findArtifact(reg.state, name)?.versions.find((v) => v.commit === commit && v.registered)?.version;
    if (!version) throw new InputError(`${ref} has no registered version of ${name}`, { hint: `register it first: llmops registry register ${name} ${ref}` });
  }
  const plan = planAssign({ tags: reg.tags, artifact: name, version, stage, force: Boolean(values.force), simple: Boolean(values.simple) });
  const registration = findArtifact(reg.state, name)!.versions.find((v) => v.version === version)!;
  const base = registration.evidence.status === "ok" ? registration.evidence.evidence : null;
  const evidence = await gatherEvidence({
    reg,
    event: "assignment",
    plan,
    stage,
    resolved: null,
    files: base?.gate ? { gate: base.gate } : {},
    previousVersion: plan.previous,
  });
  // An assignment restates the registration's hashes so the stage tag alone carries what was assigned.
  const withModel = base ? { ...evidence, model: base.model, dataset_manifest: base.dataset_manifest, eval: base.eval } : evidence;
  const r = await writeTag(reg, plan, withModel, values.push as string | undefined, values.message as string | undefined);
  return report(ctx, values, { ...r, commit: plan.commit, version, stage, previous: plan.previous, evidence: withModel }, `Created git tag '${r.tag}' that assigns stage '${stage}' to ${name} ${version}${plan.previous ? ` (was ${plan.previous})` : ""}`);
}

async function runDeprecate(ctx: CliContext, values: Values, [name, version, stage]: string[]): Promise<number> {
  if (name === undefined) throw new InputError("llmops registry deprecate: missing the artifact NAME");
  const reg = await load(ctx, values);
  const head = await reg.git.resolveCommit("HEAD");
  const plan = planDeprecate({ tags: reg.tags, artifact: name, headCommit: head, ...(version ? { version } : {}), ...(stage ? { stage } : {}) });
  const event = plan.tag.action === "unassign" ? "unassignment" : plan.tag.action === "deregister" ? "deregistration" : "deprecation";
  const evidence = await gatherEvidence({ reg, event, plan, stage: stage ?? null, resolved: null, files: {}, previousVersion: null });
  const r = await writeTag(reg, plan, evidence, values.push as string | undefined, values.message as string | undefined);
  return report(ctx, values, { ...r, commit: plan.commit, version: plan.version, event }, `Created git tag '${r.tag}' (${event})`);
}

function report(ctx: CliContext, values: Values, result: Record<string, unknown>, line: string): number {
  if (values.json) ctx.printJson(result);
  else ctx.stdout.write(`${line}${result.pushed ? " and pushed it" : "\nTo push it: git push origin " + JSON.stringify(`refs/tags/${String(result.tag)}`)}\n`);
  return 0;
}

/** Where storage URIs resolve: GitHub's API and the Hub, from the environment (tokens stay in headers). */
export function resolveEnv(ctx: CliContext): { githubApiUrl?: string; githubToken?: string; hfEndpoint?: string; hfToken?: string } {
  const e = ctx.env;
  return {
    ...(e.GITHUB_API_URL ? { githubApiUrl: e.GITHUB_API_URL } : {}),
    ...(e.GITHUB_TOKEN ? { githubToken: e.GITHUB_TOKEN } : {}),
    ...(e.HF_ENDPOINT ? { hfEndpoint: e.HF_ENDPOINT } : {}),
    ...(e.HF_TOKEN ? { hfToken: e.HF_TOKEN } : {}),
  };
}

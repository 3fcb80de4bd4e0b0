// The registry over a local clone: read tags and artifacts.yaml, gather evidence, write annotated
// tags (and push them when asked). The CLI and the promote action both go through here.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { writeEvidenceAnnotation, type RegistryEvidence } from "../../core/contracts/registry-evidence.js";
import { parseArtifactsYaml, type ArtifactSpec } from "../../core/registry/artifacts.js";
import { buildEvidence, parseEvalSummaryForEvidence, parseGateVerdictFile } from "../../core/registry/evidence.js";
import type { PlannedTag } from "../../core/registry/plan.js";
import { computeRegistryState, type RegistryState, type TagRecord } from "../../core/registry/state.js";
import { defaultTagMessage } from "../../core/registry/tag-grammar.js";
import { ConfigError, ExternalError, InputError } from "../../errors.js";
import { VERSION } from "../../version.js";
import { GitCli } from "../../adapters/git/git-cli.js";
import { readHashed, resolveArtifact, type ResolveOptions, type ResolvedArtifact } from "./resolve-artifact.js";

export interface LoadedRegistry {
  git: GitCli;
  dir: string;
  tags: TagRecord[];
  artifacts: ArtifactSpec[];
  state: RegistryState;
}

export async function loadRegistry(dir: string): Promise<LoadedRegistry> {
  const git = new GitCli(dir);
  const top = await git.run(["rev-parse", "--show-toplevel"], { allowFail: true });
  if (top.code !== 0) throw new InputError(`${dir} is not inside a git repository`, { hint: "run llmops registry in a clone of your repository, or pass --repo DIR" });
  const root = top.stdout.toString().trim();
  const rootGit = new GitCli(root);
  const file = join(root, "artifacts.yaml");
  const artifacts = existsSync(file) ? parseArtifactsYaml(readFileSync(file, "utf8"), relative(process.cwd(), file) || "artifacts.yaml") : [];
  const tags = await rootGit.listTags();
  return { git: rootGit, dir: root, tags, artifacts, state: computeRegistryState(tags, artifacts.map((a) => a.name)) };
}

/** artifacts.yaml as committed at `commit` (the one the version is registered on), not the work tree's. */
export async function artifactAt(reg: LoadedRegistry, commit: string, name: string): Promise<ArtifactSpec> {
  const tree = await reg.git.listTree(commit, "artifacts.yaml");
  if (tree.length !== 1) throw new ConfigError(`artifacts.yaml is not committed at ${commit.slice(0, 7)}`, { hint: `declare ${name} in artifacts.yaml at the repository root and commit it` });
  const text = new TextDecoder().decode(await reg.git.readBlob(tree[0]!.blob));
  const spec = parseArtifactsYaml(text, `artifacts.yaml@${commit.slice(0, 7)}`).find((a) => a.name === name);
  if (!spec) throw new ConfigError(`artifacts.yaml at ${commit.slice(0, 7)} does not declare ${name}`, { hint: `add "${name}:" with its type and path` });
  return spec;
}

export interface EvidenceFiles {
  datasetManifest?: string;
  evalSummary?: string;
  gateFile?: string;
  /** Resolved by the caller (an API lookup) instead of a file. */
  gate?: RegistryEvidence["gate"];
}

export async function gatherEvidence(input: {
  reg: LoadedRegistry;
  event: RegistryEvidence["event"];
  plan: PlannedTag;
  stage: string | null;
  resolved: ResolvedArtifact | null;
  files: EvidenceFiles;
  previousVersion: string | null;
  now?: string;
}): Promise<RegistryEvidence> {
  const rel = (f: string) => relative(input.reg.dir, f) || f;
  let datasetManifest: RegistryEvidence["dataset_manifest"] = null;
  if (input.files.datasetManifest) {
    const h = readHashed(input.files.datasetManifest);
    datasetManifest = { path: rel(input.files.datasetManifest), sha256: h.sha256 };
  }
  let evalSummary = null;
  if (input.files.evalSummary) {
    const h = readHashed(input.files.evalSummary);
    evalSummary = { path: rel(input.files.evalSummary), sha256: h.sha256, ...parseEvalSummaryForEvidence(h.text, input.files.evalSummary) };
  }
  let gate: RegistryEvidence["gate"] = input.files.gate ?? null;
  if (!gate && input.files.gateFile) {
    gate = { verdict: parseGateVerdictFile(readFileSync(input.files.gateFile, "utf8"), input.files.gateFile), source: "file", check: rel(input.files.gateFile), url: null };
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
    now: input.now ?? new Date().toISOString(),
  });
}

/** Resolve and hash an artifact at a commit, in a scratch directory removed afterwards unless kept. */
export async function resolveAt(reg: LoadedRegistry, spec: ArtifactSpec, commit: string, extra: Partial<ResolveOptions> & { keepDir?: string } = {}): Promise<ResolvedArtifact> {
  const workDir = extra.keepDir ?? mkdtempSync(join(tmpdir(), "llmops-artifact-"));
  try {
    return await resolveArtifact(spec.path, { git: reg.git, commit, workDir, ...extra });
  } finally {
    if (!extra.keepDir) rmSync(workDir, { recursive: true, force: true });
  }
}

export async function writeTag(reg: LoadedRegistry, plan: PlannedTag, evidence: RegistryEvidence | null, push: string | undefined, headline?: string): Promise<{ tag: string; pushed: boolean }> {
  const line = headline ?? defaultTagMessage(plan.tag, plan.version);
  const message = evidence ? writeEvidenceAnnotation(line, evidence) : `${line}\n`;
  await reg.git.createAnnotatedTag(plan.name, plan.commit, message);
  if (push === undefined) return { tag: plan.name, pushed: false };
  const r = await reg.git.pushTag(push, plan.name);
  if (!r.ok) {
    await reg.git.deleteLocalTag(plan.name);
    throw new ExternalError(`${push} refused tag ${plan.name}: ${r.reason}`, {
      hint: "someone created that tag first (tag creation is the lock): fetch tags (git fetch --tags) and look at `llmops registry show` before trying again",
    });
  }
  return { tag: plan.name, pushed: true };
}

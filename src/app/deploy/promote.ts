// A promotion, end to end: check the request (an annotated, well-formed tag or a CLI request), the
// evidence, that the commit is on the default branch, that its trusted `llmops / gate` check passed
// (through the API), that the artifact's bytes hash to the gated hash; take the lock (the stage
// tag); change the environment's manifest the GitOps way; smoke-test the endpoint; on success
// publish the release, on failure unassign the stage and say why.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { RegistryEvidence } from "../../core/contracts/registry-evidence.js";
import { parseEnvironments, type EnvironmentSpec } from "../../core/deploy/environments.js";
import { k8sName, servedNames, type DeployArtifact } from "../../core/deploy/model-ref.js";
import type { ReleaseClient } from "../../core/ports/release-client.js";
import { renderDeployment } from "../../core/deploy/render.js";
import { baseServedName } from "../../core/deploy/server-args.js";
import { renderChecksums, renderModelCard, renderReleaseBody, type PromotionFacts } from "../../core/registry/model-card.js";
import { planAssign, planUnassign, type PlannedTag } from "../../core/registry/plan.js";
import { findArtifact, type ArtifactState, type VersionState } from "../../core/registry/state.js";
import { parseStorageUri } from "../../core/registry/storage.js";
import { explainMalformedTag, formatRegistryTag, parseRegistryTag } from "../../core/registry/tag-grammar.js";
import type { Clock, Logger } from "../../core/ports/index.js";
import { ExternalError, GateFailedError, InputError } from "../../errors.js";
import { GitCli } from "../../adapters/git/git-cli.js";
import { artifactAt, gatherEvidence, loadRegistry, resolveAt, writeTag, type LoadedRegistry } from "../registry/local-registry.js";
import type { ResolveOptions } from "../registry/resolve-artifact.js";
import { applyManifest, type GitOpsChange } from "./gitops.js";
import { runSmokeTest, type SmokeReport } from "./smoke-test.js";

export const GATE_CHECK_NAME = "llmops / gate";

export interface PromoteOptions {
  repoDir: string;
  remote: string;
  /** owner/name on GitHub. */
  repository: string;
  github: ReleaseClient;
  /** The pushed registry tag that asked for this (tag mode), or artifact + stage (+ version) (CLI mode). */
  requestTag?: string;
  artifact?: string;
  stage?: string;
  version?: string;
  /** Roll the stage back to the version it held before the current one. */
  rollback?: boolean;
  gateCheckName?: string;
  /** Apps whose check runs count as the trusted gate (default: github-actions). */
  trustedApps?: string[];
  endpoint?: string;
  apiKey?: string;
  resolve?: Partial<ResolveOptions>;
  /** Largest weights file attached to the release (default 1 GiB; GitHub's limit is 2 GiB). */
  maxAssetBytes?: number;
  logger: Logger;
  clock: Clock;
}

export interface PromotionResult {
  status: "promoted" | "registration-verified" | "ignored";
  event: string;
  artifact: string;
  version: string | null;
  stage: string | null;
  tag: string | null;
  commit: string | null;
  sha256: string | null;
  previousVersion: string | null;
  gate: { conclusion: string; url: string } | null;
  change: GitOpsChange | null;
  smoke: SmokeReport | null;
  release: { url: string; assets: string[] } | null;
  summary: string;
}

function refuse(condition: string, message: string, fix: string): never {
  throw new InputError(`promotion refused (${condition}): ${message}`, { hint: fix });
}

export async function runPromotion(o: PromoteOptions): Promise<PromotionResult> {
  const gateName = o.gateCheckName ?? GATE_CHECK_NAME;
  const trusted = o.trustedApps ?? ["github-actions"];
  const fetchTags = await new GitCli(o.repoDir).run(["fetch", "--quiet", "--force", "--end-of-options", o.remote, "+refs/tags/*:refs/tags/*"], { allowFail: true });
  if (fetchTags.code !== 0) o.logger.warn(`could not fetch tags from ${o.remote}: ${fetchTags.stderr.trim()}`);
  const defaultBranch = await o.github.defaultBranch();
  let reg = await loadRegistry(o.repoDir);
  await reg.git.fetch(o.remote, [`+refs/heads/${defaultBranch}:refs/remotes/${o.remote}/${defaultBranch}`]);
  const trustedRef = `refs/remotes/${o.remote}/${defaultBranch}`;

  // 1. What is asked.
  let artifactName: string;
  let stage: string | null;
  let version: string;
  let requestTag = o.requestTag ?? null;
  if (requestTag !== null) {
    const why = explainMalformedTag(requestTag);
    if (why) refuse("malformed tag", why, "delete the tag and push one in the registry grammar (name@vX.Y.Z, name#stage#N)");
    const rec = reg.tags.find((t) => t.tag === requestTag);
    if (!rec) refuse("tag not found", `${requestTag} is not in ${reg.dir} after fetching tags from ${o.remote}`, "push the tag first; in a workflow check out with fetch-depth: 0");
    if (!rec.annotated) {
      refuse("tag not annotated", `${requestTag} is a lightweight tag; the registry reads only annotated tags, which record who created them, when, and the evidence`, `recreate it annotated: git tag -d '${requestTag}' && git push ${o.remote} ':refs/tags/${requestTag}', then llmops registry ${requestTag.includes("#") ? "assign" : "register"} … --push ${o.remote}`);
    }
    const p = parseRegistryTag(requestTag)!;
    artifactName = p.artifact;
    if (p.action === "assign") {
      stage = p.stage;
      const v = findArtifact(reg.state, p.artifact)?.versions.find((x) => x.commit === rec.commit && x.registered);
      if (!v) refuse("no registered version", `${requestTag} points at ${rec.commit.slice(0, 12)}, which has no registered version of ${p.artifact}`, `register it first: llmops registry register ${p.artifact} ${rec.commit.slice(0, 12)} --push ${o.remote}`);
      version = v.version;
      const newer = findArtifact(reg.state, p.artifact)!.events.filter((e) => e.stage === stage && e.parsed.action === "assign");
      const last = newer.at(-1);
      if (last && last.tag !== requestTag) refuse("superseded", `${last.tag} (for ${last.version}) was pushed after ${requestTag}`, "nothing to do: the newer assignment is promoted by its own run");
    } else if (p.action === "register") {
      stage = null;
      version = p.version;
    } else {
      return { ...emptyResult(p.artifact), status: "ignored", event: p.action, tag: requestTag, summary: `${requestTag} is a ${p.action}; nothing to deploy` };
    }
  } else {
    if (!o.artifact || !o.stage) throw new InputError("promote needs a registry tag, or an artifact and a stage");
    artifactName = o.artifact;
    stage = o.stage;
    const a = findArtifact(reg.state, artifactName);
    if (!a) refuse("unknown artifact", `there is no artifact ${artifactName} in the registry`, `register a version first: llmops registry register ${artifactName}`);
    version = o.version ?? (o.rollback ? rollbackTarget(a, stage) : refuse("no version", "which version to promote was not said", "pass --version vX.Y.Z"));
  }
  const art = findArtifact(reg.state, artifactName)!;
  const v = art.versions.find((x) => x.version === version && x.registered);
  if (!v) refuse("not registered", `${artifactName} ${version} is not a registered version`, `register it: llmops registry register ${artifactName} --version ${version}`);

  // 2. The evidence, the branch, the gate, the bytes.
  const evidence = checkEvidence(v, artifactName);
  if (!(await reg.git.isAncestor(v.commit, trustedRef))) {
    refuse("commit not on the default branch", `${artifactName} ${version} is commit ${v.commit.slice(0, 12)}, which is not on ${defaultBranch}`, `merge it into ${defaultBranch} through a reviewed pull request, then register the merged commit`);
  }
  const gate = await checkGate(o.github, v.commit, gateName, trusted);
  const spec = await artifactAt(reg, v.commit, artifactName);
  const workDir = mkdtempSync(join(tmpdir(), "llmops-promote-"));
  try {
    const resolved = await resolveAt(reg, spec, v.commit, { ...o.resolve, keepDir: workDir });
    if (resolved.sha256 !== evidence.model!.sha256) {
      refuse("artifact hash differs from the gated hash", `${spec.path} at ${v.commit.slice(0, 12)} hashes to ${resolved.sha256}, but ${v.tag} recorded ${evidence.model!.sha256}`, "the bytes changed after registration (a moved hf revision or a replaced release asset): register a new version from the gated bytes");
    }
    if (stage === null) {
      return { ...emptyResult(artifactName), status: "registration-verified", event: "registration", version, tag: requestTag, commit: v.commit, sha256: resolved.sha256, gate, summary: `${artifactName} ${version} verified: evidence present, on ${defaultBranch}, gate ${gate.conclusion}, content ${resolved.sha256}` };
    }
    const envs = await environmentsAt(reg, trustedRef);
    const env = envs[stage];
    if (!env) refuse("no environment", `deploy/environments.yaml on ${defaultBranch} has no environment "${stage}"`, `add environments.${stage} (target, manifest, endpoint) to deploy/environments.yaml`);
    const previous = art.stages[stage] && art.stages[stage] !== version ? art.stages[stage]! : null;

    // 3. The lock: the stage tag. In tag mode the push that created it was the lock.
    if (requestTag === null) {
      const plan = planAssign({ tags: reg.tags, artifact: artifactName, version, stage, force: true });
      const ev = await gatherEvidence({ reg, event: "assignment", plan, stage, resolved: null, files: { gate: { verdict: "pass", source: "check-run", check: gateName, url: gate.url } }, previousVersion: previous });
      try {
        await writeTag(reg, plan, { ...ev, model: evidence.model, dataset_manifest: evidence.dataset_manifest, eval: evidence.eval }, o.remote, o.rollback ? `Rolling back stage ${stage} of ${artifactName} to ${version}` : undefined);
      } catch (err) {
        throw new ExternalError(`another promotion of ${artifactName} to ${stage} took ${plan.name} first: ${err instanceof Error ? err.message : String(err)}`, { hint: "tag creation is the lock; look at `llmops registry show` and promote again if still needed" });
      }
      requestTag = plan.name;
      reg = await loadRegistry(o.repoDir);
    }

    // 4. Render and apply the desired state.
    const deployArt: DeployArtifact = {
      name: artifactName,
      type: spec.type ?? "model",
      version,
      uri: spec.path,
      storage: parseStorageUri(spec.path),
      sha256: resolved.sha256,
      commit: v.commit,
      baseModel: spec.custom?.base_model ?? null,
      loraRank: spec.custom?.lora_rank ?? null,
      gguf: spec.custom?.format === "gguf" || /\.gguf$/i.test(spec.path),
      repository: o.repository,
    };
    const manifest = renderDeployment(deployArt, env);
    const title = `${o.rollback ? "Roll back" : "Promote"} ${artifactName} ${version} to ${stage}`;
    const change = await applyManifest({
      git: reg.git,
      remote: o.remote,
      base: env.branch ?? defaultBranch,
      path: env.manifest,
      content: manifest,
      title,
      body: `${requestTag}: ${artifactName} ${version} (${resolved.sha256}), commit ${v.commit}, gate ${gate.conclusion} (${gate.url}).${previous ? ` Replaces ${previous}.` : ""}\n\nRendered by llmops from deploy/environments.yaml (${env.target}).`,
      mode: env.apply,
      branch: `llmops/promote/${k8sName(deployArt)}/${stage}-${version}`,
      github: o.github,
    });
    o.logger.info(change.mode === "pull-request" ? `opened ${change.pullRequest!.url} changing ${env.manifest}` : change.mode === "direct" ? `committed ${env.manifest} to ${change.branch} (${change.commit!.slice(0, 12)})` : `${env.manifest} already holds this version`);

    // 5. Smoke test.
    const endpoint = o.endpoint ?? env.endpoint;
    if (!endpoint) refuse("no endpoint", `environment ${stage} has no endpoint to smoke-test`, `set environments.${stage}.endpoint in deploy/environments.yaml, or pass --endpoint URL`);
    const smoke = await runSmokeTest({ baseUrl: endpoint, model: servedNames(deployArt).versioned, baseModel: baseServedName(deployArt), spec: env.smoke, clock: o.clock, ...(o.apiKey ? { apiKey: o.apiKey } : {}) });
    if (!smoke.ok) {
      await undo(o, change, artifactName, version, stage, smoke);
      const failed = smoke.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`).join("; ");
      throw new GateFailedError(`smoke test of ${smoke.endpoint} failed, so ${artifactName} ${version} is not in ${stage}: ${failed}`, { hint: "fix the deployment (or the expected answers in deploy/environments.yaml) and push a new stage tag" });
    }

    // 6. The release for the version, with the model card and assets.
    const facts: PromotionFacts = {
      artifact: artifactName,
      type: deployArt.type,
      description: spec.description ?? null,
      version,
      stage,
      assignmentTag: requestTag!,
      registrationTag: v.tag!,
      repository: o.repository,
      evidence,
      gate,
      manifest: { path: env.manifest, target: env.target, change: change.pullRequest ? `pull request #${change.pullRequest.number}` : change.mode === "direct" ? `commit ${change.commit!.slice(0, 12)}` : "unchanged" },
      smoke: { endpoint: smoke.endpoint, checks: smoke.checks },
      previousVersion: previous,
      assets: [],
      limitations: [],
    };
    const release = await publishRelease(o, reg, facts, resolved.localPath && resolved.single ? resolved.localPath : null, resolved.bytes, v.commit);
    return {
      status: "promoted",
      event: "assignment",
      artifact: artifactName,
      version,
      stage,
      tag: requestTag,
      commit: v.commit,
      sha256: resolved.sha256,
      previousVersion: previous,
      gate,
      change,
      smoke,
      release,
      summary: `${artifactName} ${version} promoted to ${stage}${previous ? ` (was ${previous})` : ""}: ${facts.manifest.change}, smoke test passed, release ${release.url}`,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function emptyResult(artifact: string): PromotionResult {
  return { status: "ignored", event: "", artifact, version: null, stage: null, tag: null, commit: null, sha256: null, previousVersion: null, gate: null, change: null, smoke: null, release: null, summary: "" };
}

/** The version the stage held before its current one (skipping versions since deregistered). */
export function rollbackTarget(a: ArtifactState, stage: string): string {
  const current = a.stages[stage];
  if (!current) refuse("nothing to roll back", `${a.name} has no version in ${stage}`, `promote one: llmops promote ${a.name} --version vX.Y.Z --stage ${stage}`);
  const registered = new Set(a.versions.filter((v) => v.registered).map((v) => v.version));
  const assigned = a.events.filter((e) => e.stage === stage && e.parsed.action === "assign" && e.version !== null).map((e) => e.version!);
  for (let i = assigned.length - 1; i >= 0; i--) if (assigned[i] !== current && registered.has(assigned[i]!)) return assigned[i]!;
  return refuse("nothing to roll back", `${stage} has held only ${current} of ${a.name}`, "promote another version instead");
}

function checkEvidence(v: VersionState, artifact: string): RegistryEvidence {
  if (v.evidence.status === "absent") refuse("no evidence", `${v.tag} carries no llmops evidence (was it created by gto or git tag?)`, `register the version with llmops: llmops registry register ${artifact} ${v.commit.slice(0, 12)} --version <new version>`);
  if (v.evidence.status === "invalid") refuse("invalid evidence", `${v.tag}: ${v.evidence.problem}`, "register a new version with llmops");
  const e = v.evidence.evidence;
  if (e.commit !== v.commit) refuse("evidence for another commit", `${v.tag} points at ${v.commit.slice(0, 12)} but its evidence names ${e.commit.slice(0, 12)}`, "register a new version; do not copy annotations between tags");
  if (!e.model) refuse("no artifact hash", `${v.tag} records no model hash (a virtual artifact)`, "give the artifact a path or storage URI in artifacts.yaml and register again");
  return e;
}

async function checkGate(github: ReleaseClient, commit: string, name: string, trusted: string[]): Promise<{ conclusion: string; url: string }> {
  const runs = (await github.checkRuns(commit, name)).filter((r) => trusted.includes(r.app));
  const latest = runs[0];
  if (!latest) refuse("gate not passed", `commit ${commit.slice(0, 12)} has no "${name}" check run from ${trusted.join(", ")}`, "let the trusted gate workflow run on that commit (llmops-pr.yml) and promote a commit where it passed");
  if (latest.status !== "completed") refuse("gate not passed", `"${name}" on ${commit.slice(0, 12)} is still ${latest.status}`, "wait for it to finish, then push the tag again");
  if (latest.conclusion !== "success") refuse("gate not passed", `"${name}" on ${commit.slice(0, 12)} concluded ${latest.conclusion} (${latest.url})`, "fix the regression and promote a commit whose gate passed");
  return { conclusion: latest.conclusion, url: latest.url };
}

async function environmentsAt(reg: LoadedRegistry, ref: string): Promise<Record<string, EnvironmentSpec>> {
  const commit = await reg.git.resolveCommit(ref);
  const files = await reg.git.listTree(commit, "deploy/environments.yaml");
  if (files.length !== 1) refuse("no environments", `deploy/environments.yaml is not committed on ${ref.split("/").pop()}`, "add deploy/environments.yaml (see docs/release.md) through a pull request");
  return parseEnvironments(new TextDecoder().decode(await reg.git.readBlob(files[0]!.blob)), "deploy/environments.yaml");
}

/** A failed smoke test leaves the stage unassigned (an unassign tag, history kept) and closes the PR. */
async function undo(o: PromoteOptions, change: GitOpsChange, artifact: string, version: string, stage: string, smoke: SmokeReport): Promise<void> {
  if (change.pullRequest) await o.github.closePullRequest(change.pullRequest.number).catch((err: unknown) => o.logger.warn(`could not close ${change.pullRequest!.url}: ${String(err)}`));
  const fresh = await loadRegistry(o.repoDir);
  const plan: PlannedTag = planUnassign({ tags: fresh.tags, artifact, version, stage });
  const ev = await gatherEvidence({ reg: fresh, event: "unassignment", plan, stage, resolved: null, files: {}, previousVersion: null });
  const failed = smoke.checks.filter((c) => !c.ok).map((c) => c.name).join(", ");
  try {
    await writeTag(fresh, plan, ev, o.remote, `Unassigning stage '${stage}' from '${artifact}' version '${version}': smoke test failed (${failed})`);
    o.logger.warn(`${formatRegistryTag(plan.tag)} pushed: ${stage} no longer names ${version}`);
  } catch (err) {
    o.logger.error(`could not push the unassign tag ${plan.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function publishRelease(o: PromoteOptions, reg: LoadedRegistry, facts: PromotionFacts, weights: string | null, bytes: number, commit: string): Promise<{ url: string; assets: string[] }> {
  const files: Array<{ name: string; data: Uint8Array; type: string }> = [];
  const max = o.maxAssetBytes ?? 1024 ** 3;
  if (weights && bytes <= max) files.push({ name: basename(weights), data: readFileSync(weights), type: "application/octet-stream" });
  else if (weights) facts.limitations.push(`The weights (${bytes} bytes) are larger than the release asset limit set (${max}); fetch them from ${facts.evidence.model!.uri}.`);
  if (facts.evidence.eval) {
    const tree = await reg.git.listTree(commit, facts.evidence.eval.path);
    if (tree.length === 1) files.push({ name: "eval-summary.json", data: await reg.git.readBlob(tree[0]!.blob), type: "application/json" });
  }
  files.push({ name: "model-card.md", data: new TextEncoder().encode(renderModelCard(facts)), type: "text/markdown" });
  facts.assets = files.map((f) => ({ name: f.name, sha256: `sha256:${createHash("sha256").update(f.data).digest("hex")}`, bytes: f.data.length }));
  files.push({ name: "SHA256SUMS", data: new TextEncoder().encode(renderChecksums(facts.assets)), type: "text/plain" });
  const body = renderReleaseBody(facts);
  let release = await o.github.getRelease(facts.registrationTag);
  if (release) {
    // A later promotion of the same version (staging, then prod): add its section, keep the assets.
    await o.github.updateReleaseBody(release.id, `${release.body.trimEnd()}\n\n${body.slice(body.indexOf("## Promotions"))}`);
  } else {
    release = await o.github.createRelease({ tag: facts.registrationTag, name: `${facts.artifact} ${facts.version}`, body, commit, prerelease: /-/.test(facts.version) });
  }
  const have = new Set(release.assets.map((a) => a.name));
  for (const f of files) if (!have.has(f.name)) await o.github.uploadAsset(release, f.name, f.data, f.type);
  return { url: release.url, assets: files.map((f) => f.name) };
}

// What `register`, `assign` and `deprecate` will write, decided from the current tags alone, with
// GTO's rules: auto-bumped versions, one active version per commit, artifact-wide `#N` counters.
import { InputError } from "../../errors.js";
import { computeRegistryState, findArtifact, nextCounter, type ArtifactState, type TagRecord } from "./state.js";
import { bumpVersion, compareVersions, formatRegistryTag, isValidArtifactName, isValidName, isValidVersion, type RegistryTag } from "./tag-grammar.js";

export interface PlannedTag {
  tag: RegistryTag;
  name: string;
  commit: string;
  version: string | null;
}

function artifactOrNull(tags: readonly TagRecord[], artifact: string): ArtifactState | null {
  if (!isValidArtifactName(artifact)) {
    throw new InputError(`artifact name "${artifact}" is not valid`, { hint: 'use lowercase letters, digits, "-" and "/", starting and ending with a letter or digit; a model in a subfolder as dir:name' });
  }
  return findArtifact(computeRegistryState(tags), artifact) ?? null;
}

export function planRegister(input: { tags: readonly TagRecord[]; artifact: string; commit: string; version?: string; bump?: "major" | "minor" | "patch"; force?: boolean }): PlannedTag {
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
  // A version registered before and deregistered since needs a counter to get a fresh tag name.
  const wasUsed = input.tags.some((t) => t.tag === formatRegistryTag({ action: "register", artifact: input.artifact, version, counter: null }));
  const tag: RegistryTag = { action: "register", artifact: input.artifact, version, counter: wasUsed ? nextCounter(input.tags, input.artifact) : null };
  return { tag, name: formatRegistryTag(tag), commit: input.commit, version };
}

export function planAssign(input: { tags: readonly TagRecord[]; artifact: string; version: string; stage: string; force?: boolean; simple?: boolean }): PlannedTag & { previous: string | null } {
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
  const tag: RegistryTag = { action: "assign", artifact: input.artifact, stage: input.stage, counter: input.simple ? null : nextCounter(input.tags, input.artifact) };
  return { tag, name: formatRegistryTag(tag), commit: v.commit, version: input.version, previous };
}

export function planUnassign(input: { tags: readonly TagRecord[]; artifact: string; version: string; stage: string }): PlannedTag {
  const a = artifactOrNull(input.tags, input.artifact);
  const v = a?.versions.find((x) => x.version === input.version);
  if (!a || !v) throw new InputError(`${input.artifact} has no version ${input.version}`);
  const tag: RegistryTag = { action: "unassign", artifact: input.artifact, stage: input.stage, counter: nextCounter(input.tags, input.artifact) };
  return { tag, name: formatRegistryTag(tag), commit: v.commit, version: input.version };
}

/** `deprecate NAME` retires the artifact; `deprecate NAME VERSION` deregisters; with a stage, unassigns. */
export function planDeprecate(input: { tags: readonly TagRecord[]; artifact: string; version?: string; stage?: string; headCommit: string }): PlannedTag {
  if (input.stage !== undefined) return planUnassign({ tags: input.tags, artifact: input.artifact, version: input.version ?? "", stage: input.stage });
  const a = artifactOrNull(input.tags, input.artifact);
  if (!a) throw new InputError(`there is no artifact ${input.artifact} in the registry`, { hint: "run `llmops registry show` for the list" });
  if (input.version !== undefined) {
    const v = a.versions.find((x) => x.version === input.version && x.registered);
    if (!v) throw new InputError(`${input.artifact} ${input.version} is not a registered version`);
    const tag: RegistryTag = { action: "deregister", artifact: input.artifact, version: input.version, counter: null };
    return { tag, name: formatRegistryTag(tag), commit: v.commit, version: input.version };
  }
  if (a.deprecated) throw new InputError(`${input.artifact} is already deprecated`);
  const used = input.tags.some((t) => t.tag === `${input.artifact.replace(":", "=")}@deprecated`);
  const tag: RegistryTag = { action: "deprecate", artifact: input.artifact, counter: used ? nextCounter(input.tags, input.artifact) : null };
  return { tag, name: formatRegistryTag(tag), commit: input.headCommit, version: null };
}

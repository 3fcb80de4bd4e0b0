// The registry's state rebuilt from its tags, with GTO's rules: events ordered by tag creation time;
// a version is registered while its newest direct event is a registration; a (version, stage) pair
// is assigned while its newest event is an assignment; a stage shows its most recently assigned
// version; `latest` is the greatest registered version; an artifact is deprecated until a later
// registration or assignment.
import { readEvidenceAnnotation, type EvidenceRead } from "../contracts/registry-evidence.js";
import { compareVersions, EVENT_NAMES, parseRegistryTag, type RegistryTag } from "./tag-grammar.js";

/** One tag as git reports it. */
export interface TagRecord {
  tag: string;
  /** false for a lightweight tag: GTO ignores those, llmops reports them. */
  annotated: boolean;
  /** The commit the tag points at (peeled). */
  commit: string;
  /** Tagger date (ISO 8601) for annotated tags, commit date for lightweight ones. */
  createdAt: string;
  commitDate: string;
  author: string | null;
  message: string;
}

export interface RegistryEvent {
  tag: string;
  parsed: RegistryTag;
  event: string;
  artifact: string;
  /** The version the event is about: its own for (de)registrations, the commit's for assignments. */
  version: string | null;
  stage: string | null;
  commit: string;
  createdAt: string;
  author: string | null;
  evidence: EvidenceRead;
}

export interface VersionState {
  version: string;
  commit: string;
  createdAt: string;
  tag: string | null;
  registered: boolean;
  /** Stages this version currently holds (most recently assigned wins a stage). */
  stages: string[];
  evidence: EvidenceRead;
}

export interface ArtifactState {
  name: string;
  deprecated: boolean;
  latest: string | null;
  /** stage → version currently in it */
  stages: Record<string, string>;
  versions: VersionState[];
  events: RegistryEvent[];
}

export interface IgnoredTag {
  tag: string;
  reason: string;
}

export interface RegistryState {
  artifacts: ArtifactState[];
  /** Every stage used by any artifact, sorted (the `#stage` columns of `show`). */
  stages: string[];
  ignored: IgnoredTag[];
}

function byTime(a: { createdAt: string; counter: number | null; tag: string }, b: typeof a): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if ((a.counter ?? -1) !== (b.counter ?? -1)) return (a.counter ?? -1) - (b.counter ?? -1);
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}

/** Discovered (unregistered) versions are named by their commit, as GTO does. */
function shortSha(commit: string): string {
  return commit.slice(0, 7);
}

export function computeRegistryState(tags: readonly TagRecord[], declared: readonly string[] = []): RegistryState {
  const ignored: IgnoredTag[] = [];
  const parsed: Array<TagRecord & { p: RegistryTag; counter: number | null }> = [];
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
  const names = [...new Set([...declared, ...parsed.map((t) => t.p.artifact)])];
  const artifacts = names.map((name) => artifactState(name, parsed.filter((t) => t.p.artifact === name)));
  const stages = [...new Set(artifacts.flatMap((a) => a.events.filter((e) => e.stage !== null).map((e) => e.stage!)))].sort();
  return { artifacts, stages, ignored };
}

function artifactState(name: string, tags: ReadonlyArray<TagRecord & { p: RegistryTag }>): ArtifactState {
  // Registrations first fix which version lives on which commit.
  const versions = new Map<string, VersionState>();
  const versionOfCommit = new Map<string, string>();
  for (const t of tags) {
    if (t.p.action !== "register" && t.p.action !== "deregister") continue;
    const v = versions.get(t.p.version) ?? { version: t.p.version, commit: t.commit, createdAt: t.createdAt, tag: t.tag, registered: false, stages: [], evidence: { status: "absent" } as EvidenceRead };
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
  const events: RegistryEvent[] = [];
  const pairActive = new Map<string, { active: boolean; at: number }>();
  let deprecated = false;
  tags.forEach((t, i) => {
    const p = t.p;
    let version: string | null = null;
    let stage: string | null = null;
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
  // A stage shows the active assignment made last; deregistered versions hold no stage.
  const stages: Record<string, { version: string; at: number }> = {};
  for (const [key, s] of pairActive) {
    const [version, stage] = key.split("\0") as [string, string];
    const v = versions.get(version)!;
    if (!s.active || (v.tag !== null && !v.registered)) continue;
    if (!stages[stage] || stages[stage]!.at < s.at) stages[stage] = { version, at: s.at };
  }
  for (const [stage, { version }] of Object.entries(stages)) versions.get(version)!.stages.push(stage);
  for (const v of versions.values()) v.stages.sort();
  const registered = [...versions.values()].filter((v) => v.registered);
  const latest = registered.map((v) => v.version).sort(compareVersions).pop() ?? null;
  const ordered = [...versions.values()].filter((v) => v.registered || v.tag === null).sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1));
  return {
    name,
    deprecated,
    latest,
    stages: Object.fromEntries(Object.entries(stages).sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, { version }]) => [s, version])),
    versions: ordered,
    events,
  };
}

export function findArtifact(state: RegistryState, name: string): ArtifactState | undefined {
  return state.artifacts.find((a) => a.name === name);
}

/** The highest counter over all of an artifact's tags (GTO's `#N` is artifact-wide). */
export function nextCounter(tags: readonly TagRecord[], artifact: string): number {
  let max = 0;
  for (const t of tags) {
    const p = parseRegistryTag(t.tag);
    if (p && p.artifact === artifact && p.counter !== null) max = Math.max(max, p.counter);
  }
  return max + 1;
}

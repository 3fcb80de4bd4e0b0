// GTO's git-tag grammar for a model registry, so GTO, DVC Studio and llmops read the same tags:
// `name@vX.Y.Z` registers, `name@vX.Y.Z!` deregisters, `name#stage#N` (or `name#stage`) assigns,
// `name#stage!#N` unassigns, `name@deprecated` retires; `dir:name` is written `dir=name` in a tag.

export type RegistryAction = "register" | "deregister" | "assign" | "unassign" | "deprecate";

export type RegistryTag =
  | { action: "register" | "deregister"; artifact: string; version: string; counter: number | null }
  | { action: "assign" | "unassign"; artifact: string; stage: string; counter: number | null }
  | { action: "deprecate"; artifact: string; counter: number | null };

/** GTO's event names (`gto check-ref --event`, gto-action's `event` output). */
export const EVENT_NAMES: Record<RegistryAction, string> = {
  register: "registration",
  deregister: "deregistration",
  assign: "assignment",
  unassign: "unassignment",
  deprecate: "deprecation",
};

const NAME = "[a-z0-9](?:[a-z0-9\\-/]*[a-z0-9])?";
const DIRNAME = "[a-z0-9\\-_./]+";
const NUM = "(?:0|[1-9]\\d*)";
const PRE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
const SEMVER = `${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?`;

const NAME_RE = new RegExp(`^${NAME}$`);
const FULLNAME_RE = new RegExp(`^(?:${DIRNAME}:)?${NAME}$`);
const SEMVER_RE = new RegExp(`^v${SEMVER}$`);
const TAG_RE = new RegExp(
  `^(?<artifact>(?:${DIRNAME}=)?${NAME})` +
    `(?:(?:#(?<stage>${NAME})|@(?<version>v${SEMVER}))(?<cancel>!?)|@(?<deprecated>deprecated)|@(?<created>created))` +
    `(?:#(?<counter>[0-9]+))?$`,
);
const SHORTCUT_RE = new RegExp(`^(?<artifact>(?:${DIRNAME}:)?${NAME})(?:#(?<stage>${NAME})|@(?<version>latest|greatest|v${SEMVER}))$`);

export function isValidName(value: string): boolean {
  return NAME_RE.test(value);
}

/** An artifact name: `name`, or `dir/sub:name` for one declared in a subfolder. */
export function isValidArtifactName(value: string): boolean {
  return FULLNAME_RE.test(value) && value.split(":").length <= 2;
}

export function isValidVersion(value: string): boolean {
  return SEMVER_RE.test(value);
}

/** A tag name as a registry event, or null when it is not one (an ordinary tag such as v1.0.0). */
export function parseRegistryTag(tag: string): RegistryTag | null {
  const m = TAG_RE.exec(tag);
  if (!m?.groups) return null;
  const g = m.groups;
  const artifact = g.artifact!.replace("=", ":");
  const counter = g.counter === undefined ? null : Number(g.counter);
  if (g.created) return null; // GTO reads `@created` but never writes it; llmops does not use it
  if (g.deprecated) return { action: "deprecate", artifact, counter };
  const cancel = g.cancel === "!";
  if (g.version) return { action: cancel ? "deregister" : "register", artifact, version: g.version, counter };
  return { action: cancel ? "unassign" : "assign", artifact, stage: g.stage!, counter };
}

/** Why a tag that looks meant for the registry is not well-formed, or null when it parses. */
export function explainMalformedTag(tag: string): string | null {
  if (parseRegistryTag(tag)) return null;
  const at = tag.indexOf("@");
  const hash = tag.indexOf("#");
  const cut = [at, hash].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (cut === undefined) return `"${tag}" has neither "@" (a version) nor "#" (a stage): write name@vX.Y.Z or name#stage#N`;
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

export function formatRegistryTag(t: RegistryTag): string {
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

/** GTO's default annotation first line for each action. */
export function defaultTagMessage(t: RegistryTag, version: string | null): string {
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

export type Shortcut =
  | { artifact: string; kind: "stage"; stage: string }
  | { artifact: string; kind: "latest" | "greatest" }
  | { artifact: string; kind: "version"; version: string }
  | { artifact: string; kind: "artifact" };

/** `name`, `name@latest`, `name@greatest`, `name@v1.2.3`, `name#stage` — what `gto show` accepts. */
export function parseShortcut(value: string): Shortcut | null {
  const m = SHORTCUT_RE.exec(value);
  if (m?.groups) {
    const { artifact, stage, version } = m.groups as { artifact: string; stage?: string; version?: string };
    if (stage) return { artifact, kind: "stage", stage };
    if (version === "latest" || version === "greatest") return { artifact, kind: version };
    return { artifact, kind: "version", version: version! };
  }
  return isValidArtifactName(value) ? { artifact: value, kind: "artifact" } : null;
}

/** SemVer precedence (§11): numeric fields, then a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.replace(/^v/, "").split("+")[0]!.split(/-(.*)/s) as [string, string | undefined];
    return { nums: core.split(".").map(Number), pre: pre === undefined ? [] : pre.split(".") };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i]! - y.nums[i]!;
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

/** The next version when none is given: GTO bumps the patch of the greatest, or starts at v0.0.1. */
export function bumpVersion(greatest: string | null, part: "major" | "minor" | "patch" = "patch"): string {
  if (greatest === null) return part === "major" ? "v1.0.0" : part === "minor" ? "v0.1.0" : "v0.0.1";
  const [maj, min, pat] = greatest.replace(/^v/, "").split(/[-+]/)[0]!.split(".").map(Number) as [number, number, number];
  if (part === "major") return `v${maj + 1}.0.0`;
  if (part === "minor") return `v${maj}.${min + 1}.0`;
  return `v${maj}.${min}.${pat + 1}`;
}

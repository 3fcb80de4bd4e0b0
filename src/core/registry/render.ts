// `registry show` and `history` as tables with the columns `gto show` / `gto history` print, and the
// JSON twins of both.
import { markdownTable } from "markdown-table";
import type { ArtifactState, RegistryState } from "./state.js";

/** GTO prints UTC as `YYYY-MM-DD HH:MM:SS`. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace("T", " ").slice(0, 19);
}

export function renderRegistryTable(state: RegistryState, opts: { deprecated?: boolean; declaredOnly?: readonly string[] } = {}): string {
  const rows = state.artifacts.filter((a) => opts.deprecated || !a.deprecated);
  const header = ["name", "latest", ...state.stages.map((s) => `#${s}`)];
  const body = rows.map((a) => {
    const unregistered = a.events.length === 0;
    return [unregistered ? `*${a.name}` : a.name, a.latest ?? "-", ...state.stages.map((s) => a.stages[s] ?? "-")];
  });
  return markdownTable([header, ...body]);
}

export function renderArtifactTable(a: ArtifactState): string {
  const rows = a.versions.map((v) => [a.name, v.version, v.stages.length ? v.stages.join(", ") : "-", formatTimestamp(v.createdAt), v.tag ?? v.commit.slice(0, 7)]);
  return markdownTable([["artifact", "version", "stage", "created_at", "ref"], ...rows]);
}

export interface HistoryRow {
  timestamp: string;
  artifact: string;
  event: string;
  version: string;
  stage: string;
  commit: string;
  ref: string;
}

/** Newest first, with a `commit` row for each registered version's commit, as `gto history` lists. */
export function computeHistory(a: ArtifactState, commitDates: ReadonlyMap<string, string>): HistoryRow[] {
  const rows: Array<HistoryRow & { at: string }> = a.events.map((e) => ({
    at: e.createdAt,
    timestamp: formatTimestamp(e.createdAt),
    artifact: a.name,
    event: e.event,
    version: e.version ?? "-",
    stage: e.stage ?? "-",
    commit: e.commit.slice(0, 7),
    ref: e.tag,
  }));
  for (const v of a.versions) {
    const at = commitDates.get(v.commit);
    if (at === undefined || v.tag === null) continue;
    rows.push({ at, timestamp: formatTimestamp(at), artifact: a.name, event: "commit", version: v.version, stage: "-", commit: v.commit.slice(0, 7), ref: v.commit.slice(0, 7) });
  }
  rows.sort((x, y) => (x.at === y.at ? (x.event === "commit" ? 1 : y.event === "commit" ? -1 : 0) : x.at < y.at ? 1 : -1));
  return rows.map(({ at: _at, ...r }) => r);
}

export function renderHistoryTable(rows: readonly HistoryRow[]): string {
  return markdownTable([["timestamp", "artifact", "event", "version", "stage", "commit", "ref"], ...rows.map((r) => [r.timestamp, r.artifact, r.event, r.version, r.stage, r.commit, r.ref])]);
}

/** `show --json`: GTO's shape (artifact → version/stage maps) plus what llmops adds. */
export function registryJson(state: RegistryState): Record<string, unknown> {
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
            evidence: v.evidence.status === "ok" ? v.evidence.evidence : v.evidence.status === "invalid" ? { invalid: v.evidence.problem } : null,
          })),
        },
      ]),
    ),
    stages: state.stages,
    ignored_tags: state.ignored,
  };
}

// Pure markdown renderers: the data diff for a PR comment and the dataset card (counts, length
// histograms as a Mermaid xychart and a table, roles, turns, duplicates, leakage).
import type { DedupeSummary } from "./dedupe.js";
import type { DataDiff, FileDiff } from "./diff.js";
import type { LeakageSummary } from "./leakage.js";
import type { DataManifest } from "./manifest.js";
import { LENGTH_BINS, type FileStats } from "./stats.js";
import { escapeHtmlText, escapeMarkdownText, renderCodeSpan, sanitizeMermaidLabel } from "../report/escape.js";
import { fmtInt, fmtSigned, table } from "./markdown.js";
import { formatLocation } from "./types.js";

/** Untrusted names (paths, ids, fields, roles) through the report domain's one escaping function. */
const code = (s: string) => renderCodeSpan(s, { maxLength: 200 });
const text = (s: string) => escapeMarkdownText(s, { maxLength: 300 });

export function renderDataDiffMarkdown(diff: DataDiff): string {
  const out: string[] = [`### Data changes since ${code(diff.baseRef)}`, ""];
  if (!diff.hasBase) out.push(`No data manifest at ${code(diff.baseRef)}: every file below is new.`, "");
  const changed = diff.files.filter((f) => f.status !== "unchanged");
  if (changed.length === 0) {
    out.push(`No data changed (${fmtInt(diff.totals.head)} records in ${diff.files.length} file(s)).`);
    return `${out.join("\n")}\n`;
  }
  out.push(
    table(
      ["file", "status", "records", "added", "removed", "modified"],
      diff.files.map((f) => {
        const r = f.records;
        const recs = `${f.base ? fmtInt(f.base.records) : "—"} → ${f.head ? fmtInt(f.head.records) : "—"}`;
        const added = r ? fmtInt(r.added) : f.status === "added" ? fmtInt(f.head!.records) : f.status === "removed" ? "0" : "?";
        const removed = r ? fmtInt(r.removed) : f.status === "removed" ? fmtInt(f.base!.records) : f.status === "added" ? "0" : "?";
        const modified = r ? (r.by === "id" ? fmtInt(r.modified) : "n/a (no ids)") : f.status === "unchanged" ? "0" : f.status === "changed" ? "?" : "—";
        return [code(f.path), f.status, recs, f.status === "unchanged" ? "0" : added, f.status === "unchanged" ? "0" : removed, modified];
      }),
    ),
    "",
    `Total: ${fmtInt(diff.totals.base)} → ${fmtInt(diff.totals.head)} records (${fmtSigned(diff.totals.head - diff.totals.base)}).`,
  );
  for (const f of changed) out.push(...renderFileDetails(f));
  return `${out.join("\n")}\n`;
}

function renderFileDetails(f: FileDiff): string[] {
  const lines: string[] = [];
  if (f.base && f.head && f.base.format !== f.head.format) lines.push(`- format changed: ${f.base.format ?? "unknown"} → ${f.head.format ?? "unknown"}`);
  if (f.fieldsAdded.length) lines.push(`- fields added: ${f.fieldsAdded.map(code).join(", ")}`);
  if (f.fieldsRemoved.length) lines.push(`- fields removed: ${f.fieldsRemoved.map(code).join(", ")}`);
  for (const s of f.shifts) if (s.metric !== "records") lines.push(`- ${s.metric}: ${s.base} → ${s.head}`);
  const r = f.records;
  if (r) {
    const ex = (label: string, xs: string[]) => (xs.length ? [`- ${label} (${r.by}): ${xs.map(code).join(", ")}${xs.length >= 5 ? ", …" : ""}`] : []);
    lines.push(...ex("added", r.examples.added), ...ex("removed", r.examples.removed), ...ex("modified", r.examples.modified));
  } else if (f.status === "changed") lines.push("- record-level changes unknown: a manifest has no per-record index (over the index limit)");
  if (lines.length === 0) return [];
  return ["", `<details><summary>${escapeHtmlText(f.path, { maxLength: 200 })}</summary>`, "", ...lines, "", "</details>"];
}

export interface CardInput {
  title: string;
  manifest: DataManifest;
  duplicates?: DedupeSummary | null;
  leakage?: LeakageSummary | null;
}

function binLabel(i: number): string {
  const lo = i === 0 ? 0 : LENGTH_BINS[i - 1]! + 1;
  return i < LENGTH_BINS.length ? `${lo}-${LENGTH_BINS[i]}` : `>${LENGTH_BINS[LENGTH_BINS.length - 1]}`;
}

/** Index of the last non-empty bin: empty bins at the high end are left out so short data reads well. */
function lastBin(h: number[]): number {
  let last = h.length - 1;
  while (last > 0 && h[last] === 0) last--;
  return last;
}

export function renderLengthChart(title: string, stats: FileStats): string {
  const h = stats.lengths.histogram;
  const last = lastBin(h);
  const labels = h.slice(0, last + 1).map((_, i) => `"${binLabel(i)}"`);
  const max = Math.max(1, ...h);
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${sanitizeMermaidLabel(title, 60)}"`,
    `    x-axis "${stats.lengths.unit}" [${labels.join(", ")}]`,
    `    y-axis "records" 0 --> ${max}`,
    `    bar [${h.slice(0, last + 1).join(", ")}]`,
    "```",
  ].join("\n");
}

export function renderDataCard(input: CardInput): string {
  const m = input.manifest;
  const out: string[] = [`## Dataset card: ${text(input.title)}`, ""];
  out.push(
    table(
      ["file", "format", "records", "valid", "invalid", "size", "sha256"],
      m.files.map((f) => [code(f.path), f.stats.format ?? "unknown", fmtInt(f.records), fmtInt(f.valid), fmtInt(f.invalid), `${fmtInt(f.bytes)} B`, code(f.sha256.slice(0, 12))]),
    ),
    "",
    `Total: ${fmtInt(m.totals.records)} records in ${m.totals.files} file(s), ${fmtInt(m.totals.valid)} valid.`,
  );
  for (const f of m.files) {
    const s = f.stats;
    out.push("", `### ${text(f.path)}`, "");
    out.push(`Length (${s.lengths.unit}): mean ${s.lengths.mean}, median ${s.lengths.p50}, p95 ${s.lengths.p95}, max ${s.lengths.max}.`, "");
    out.push(renderLengthChart(`${f.path}: record length`, s), "");
    out.push(
      table(
        ["length", "records"],
        s.lengths.histogram.map((c, i) => [binLabel(i), fmtInt(c)]).slice(0, lastBin(s.lengths.histogram) + 1),
      ),
    );
    const roleTotal = Object.values(s.roles).reduce((a, c) => a + c, 0);
    if (roleTotal > 0) {
      out.push("", table(["role", "messages", "share"], Object.entries(s.roles).map(([r, c]) => [text(r), fmtInt(c), `${((c / roleTotal) * 100).toFixed(1)}%`])));
      out.push("", table(["messages per record", "records"], Object.entries(s.turns).map(([t, c]) => [t, fmtInt(c)])));
    }
    out.push("", `Fields: ${Object.entries(s.fields).map(([k, t]) => `${code(k)} (${t.join("|")})`).join(", ") || "none"}.`);
  }
  out.push("", "### Duplicates", "");
  const d = input.duplicates;
  if (!d) out.push("Not checked.");
  else {
    out.push(`${fmtInt(d.exact)} exact and ${fmtInt(d.near)} near duplicate(s) in ${fmtInt(d.records)} records (${fmtInt(d.unique)} unique). Method: ${text(d.method)}.`);
    if (d.examples.length) out.push("", table(["record", "duplicates", "kind", "similarity"], d.examples.map((e) => [code(formatLocation(e.at)), code(formatLocation(e.of)), e.kind, e.similarity.toFixed(2)])));
  }
  out.push("", "### Leakage (training data vs evaluation cases)", "");
  const l = input.leakage;
  if (!l) out.push("Not checked (no eval cases given).");
  else {
    out.push(
      l.exact + l.near + (l.contained ?? 0) === 0
        ? `None found: ${fmtInt(l.records)} records checked against ${fmtInt(l.cases)} eval case(s) (exact, near at Jaccard ≥ ${l.threshold}, and contained).`
        : `**${fmtInt(l.exact + l.near + (l.contained ?? 0))} leaked record(s)** (${fmtInt(l.exact)} exact, ${fmtInt(l.near)} near, ${fmtInt(l.contained ?? 0)} contained) covering ${fmtInt(l.casesLeaked)} of ${fmtInt(l.cases)} eval case(s).`,
    );
    if (l.examples.length) out.push("", table(["record", "eval case", "kind", "matched on", "similarity"], l.examples.map((e) => [code(formatLocation(e.at)), code(e.caseId), e.kind, e.on, e.similarity.toFixed(2)])));
  }
  return `${out.join("\n")}\n`;
}

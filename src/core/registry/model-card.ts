// The release's model card and the GitHub release body: what the version is, the exact bytes, the
// data it was trained on, its eval results with intervals, the gate verdict, the deployment and the
// smoke test, and the limitations. Text from tags and evals is escaped (it is untrusted).
import type { RegistryEvidence } from "../contracts/registry-evidence.js";
import { markdownTable } from "markdown-table";
import { escapeMarkdownText as escapeMarkdown, renderCodeSpan } from "../report/escape.js";

/** Cells are escaped by the caller; rows stay one line each (no column padding) so long text stays readable in the source. */
const table = (rows: string[][]): string => markdownTable(rows, { alignDelimiters: false });

/** The smoke test's checks (release body and the promote action's job summary). Names and details are untrusted. */
export function renderSmokeChecks(checks: readonly { name: string; ok: boolean; detail: string }[]): string {
  return table([["smoke check", "result", "detail"], ...checks.map((c) => [escapeMarkdown(c.name), c.ok ? "pass" : "FAIL", escapeMarkdown(c.detail)])]);
}

export interface PromotionFacts {
  artifact: string;
  type: string;
  description: string | null;
  version: string;
  stage: string;
  assignmentTag: string;
  registrationTag: string;
  repository: string;
  evidence: RegistryEvidence;
  gate: { conclusion: string; url: string };
  manifest: { path: string; target: string; change: string };
  smoke: { endpoint: string; checks: Array<{ name: string; ok: boolean; detail: string }> };
  previousVersion: string | null;
  assets: Array<{ name: string; sha256: string; bytes: number }>;
  limitations: string[];
}

const pct = (x: number) => (Math.abs(x) <= 1 ? `${(x * 100).toFixed(1)}%` : x.toFixed(3));

export function renderModelCard(f: PromotionFacts): string {
  const e = f.evidence;
  const lines = [
    `# ${escapeMarkdown(f.artifact)} ${escapeMarkdown(f.version)}`,
    "",
    f.description ? escapeMarkdown(f.description) : `A ${f.type} registered in ${f.repository}.`,
    "",
    table([
      ["", ""],
      ["type", escapeMarkdown(f.type)],
      ["commit", `\`${e.commit}\``],
      ["weights", renderCodeSpan(e.model?.uri ?? "virtual")],
      ["content hash", `\`${e.model?.sha256 ?? "-"}\` (${e.model ? `${e.model.bytes} bytes` : "-"})`],
      ["dataset manifest", e.dataset_manifest ? `${renderCodeSpan(e.dataset_manifest.path)} \`${e.dataset_manifest.sha256}\`` : "not recorded"],
      ["registered by", `llmops ${escapeMarkdown(e.llmops_version)}, tag ${renderCodeSpan(f.registrationTag)}`],
    ]),
    "",
    "## Evaluation",
    "",
  ];
  if (e.eval && Object.keys(e.eval.metrics).length > 0) {
    const rows = Object.entries(e.eval.metrics).map(([name, m]) => [escapeMarkdown(name), pct(m.mean), m.ci_low !== null && m.ci_high !== null ? `${pct(m.ci_low)} – ${pct(m.ci_high)}` : "-", String(m.n)]);
    lines.push(`Suite ${renderCodeSpan(e.eval.suite ?? "?")} (${renderCodeSpan(e.eval.path)}, \`${e.eval.sha256}\`).`, "", table([["metric", "mean", "95% interval", "n"], ...rows]));
  } else lines.push("No eval summary was recorded with this version.");
  lines.push("", "## Gate", "", `The trusted check \`llmops / gate\` on \`${e.commit.slice(0, 12)}\` concluded **${escapeMarkdown(f.gate.conclusion)}** (${f.gate.url || "no link"}).`);
  lines.push("", "## Limitations", "", ...(f.limitations.length ? f.limitations.map((l) => `- ${escapeMarkdown(l)}`) : ["- Evaluated only on the suite above; behaviour outside it is not measured."]));
  return `${lines.join("\n")}\n`;
}

export function renderReleaseBody(f: PromotionFacts): string {
  const ok = f.smoke.checks.every((c) => c.ok);
  const lines = [
    renderModelCard(f).trimEnd(),
    "",
    "## Promotions",
    "",
    `- **${escapeMarkdown(f.stage)}** via ${renderCodeSpan(f.assignmentTag)}${f.previousVersion ? ` (replacing ${escapeMarkdown(f.previousVersion)})` : ""}: ${escapeMarkdown(f.manifest.target)} manifest ${renderCodeSpan(f.manifest.path)} (${escapeMarkdown(f.manifest.change)}); smoke test ${ok ? "passed" : "FAILED"} against ${escapeMarkdown(f.smoke.endpoint)}`,
    "",
    renderSmokeChecks(f.smoke.checks),
  ];
  if (f.assets.length) {
    lines.push("", "## Assets", "", table([["file", "sha256", "bytes"], ...f.assets.map((a) => [escapeMarkdown(a.name), `\`${a.sha256.replace(/^sha256:/, "")}\``, String(a.bytes)])]));
    lines.push("", "Verify with `sha256sum -c SHA256SUMS`.");
  }
  return `${lines.join("\n")}\n`;
}

/** `sha256sum -c` format. */
export function renderChecksums(assets: ReadonlyArray<{ name: string; sha256: string }>): string {
  return assets.map((a) => `${a.sha256.replace(/^sha256:/, "")}  ${a.name}\n`).join("");
}

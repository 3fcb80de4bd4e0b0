// `prompts diff` as terminal text: per changed prompt its versions, the template diff and the
// rendered diff of each sample case.
import type { PromptDiffReport } from "./diff-model.js";

const v = (s: { version: string; semver: string | null } | null) => (s ? `sha256:${s.version.slice(0, 12)}${s.semver ? ` v${s.semver}` : ""}` : "none");

export function renderPromptDiffText(r: PromptDiffReport): string {
  if (r.changes.length === 0) return `no prompt differs from ${r.base} (${r.base_commit.slice(0, 12)})\n`;
  const out: string[] = [];
  for (const c of r.changes) {
    out.push(`== ${c.file} (${c.status}): ${v(c.base)} → ${v(c.head)}`, c.template_diff.replace(/\n+$/, ""));
    if (c.cases_from === null) out.push("(no sample cases: no suite uses this prompt and it has no examples:)");
    for (const x of c.rendered) out.push(x.changed ? `-- rendered, case ${x.case}${x.where ? ` (${x.where})` : ""}:\n${x.diff.replace(/\n+$/, "")}` : `-- rendered, case ${x.case}: unchanged`);
    for (const n of c.notes) out.push(`note: ${n}`);
    out.push("");
  }
  out.push(`${r.changes.length} prompt${r.changes.length === 1 ? " differs" : "s differ"} from ${r.base} (${r.base_commit.slice(0, 12)})`);
  return `${out.join("\n")}\n`;
}

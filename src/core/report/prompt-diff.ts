// The PR comment's section for a pull request that changes prompts/: per changed prompt its
// versions, the template diff and the rendered diff on sample cases, folded. Prompt text comes from
// the pull request: every piece goes through the one escaping module, sizes are capped.
import type { PromptDiffReport } from "../prompts/diff-model.js";
import { escapeMarkdownText, renderCodeBlock, renderCodeSpan } from "./escape.js";

const MAX_PROMPTS = 10;
const MAX_CASES = 3;
const TEMPLATE_CHARS = 3000;
const CASE_CHARS = 1500;

const version = (v: { version: string; semver: string | null } | null) => (v ? `sha256:${v.version.slice(0, 12)}${v.semver ? ` v${v.semver}` : ""}` : "none");

export function renderPromptDiffSection(diff: PromptDiffReport | undefined): string {
  if (!diff || diff.changes.length === 0) return "";
  const out = [`#### Prompts changed (${diff.changes.length}, against ${renderCodeSpan(diff.base_commit.slice(0, 12))})`, ""];
  for (const c of diff.changes.slice(0, MAX_PROMPTS)) {
    const changedCases = c.rendered.filter((r) => r.changed);
    const summary = `${renderCodeSpan(c.file, { maxLength: 200 })} ${c.status}: ${renderCodeSpan(version(c.base))} → ${renderCodeSpan(version(c.head))}${c.cases_from ? `, rendered on ${c.rendered.length} case${c.rendered.length === 1 ? "" : "s"} of ${renderCodeSpan(c.cases_from, { maxLength: 200 })} (${changedCases.length} differ)` : ""}`;
    out.push("<details>", `<summary>${summary}</summary>`, "", "Template:", "", renderCodeBlock(c.template_diff, { lang: "diff", maxLength: TEMPLATE_CHARS }));
    for (const r of changedCases.slice(0, MAX_CASES)) out.push(`Rendered, case ${renderCodeSpan(r.case, { maxLength: 100 })}:`, "", renderCodeBlock(r.diff, { lang: "diff", maxLength: CASE_CHARS }));
    if (changedCases.length > MAX_CASES) out.push(`… and ${changedCases.length - MAX_CASES} more cases render differently (\`llmops prompts diff\` shows them).`, "");
    for (const n of c.notes.slice(0, 3)) out.push(`> ${escapeMarkdownText(n.slice(0, 500))}`, "");
    out.push("</details>", "");
  }
  if (diff.changes.length > MAX_PROMPTS) out.push(`… and ${diff.changes.length - MAX_PROMPTS} more prompts (\`llmops prompts diff --base ${diff.base_commit.slice(0, 12)}\`).`, "");
  return out.join("\n");
}

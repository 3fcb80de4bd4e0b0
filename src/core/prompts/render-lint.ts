// The text `prompts lint` prints: per prompt its version and uses, each finding at file:line:col,
// and each target's token budget (longest case + max_tokens against the context).
import type { BudgetResult, LintFinding, PromptLintResult } from "./lint.js";

const n = (x: number) => x.toLocaleString("en-US");

export function renderFinding(f: LintFinding): string {
  return `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message} [${f.rule}]${f.hint ? `\n    hint: ${f.hint}` : ""}`;
}

export function renderBudget(b: BudgetResult): string {
  const head = `tokens, ${b.use} (${b.model}${b.tokenizer ? `; ${b.tokenizer}` : ""})`;
  if (!b.longest) return `${head}: ${b.note ?? "not counted"}`;
  const longest = `longest case "${b.longest.case}" ${n(b.longest.tokens)}`;
  if (b.context === null) return `${head}: ${longest}; ${b.note ?? "no context declared"}`;
  const total = b.longest.tokens + (b.max_tokens ?? 0);
  const verdict = b.spare! >= 0 ? `${n(b.spare!)} spare` : `${n(-b.spare!)} OVER`;
  return `${head}: ${longest} + max_tokens ${n(b.max_tokens ?? 0)} = ${n(total)} of ${n(b.context)} → ${verdict}${b.note ? ` (${b.note})` : ""}`;
}

export function renderLintReport(r: { prompts: PromptLintResult[]; findings: LintFinding[]; errors: number; warnings: number; suites: string[] }): string {
  const out: string[] = [];
  for (const p of r.prompts) {
    const version = p.version ? `sha256:${p.version.slice(0, 12)}${p.semver ? ` v${p.semver}` : ""}` : "unreadable";
    out.push(`${p.file}  ${version}${p.owner ? `  owner ${p.owner}` : ""}  ${p.uses.length ? `used by ${p.uses.join(", ")}` : "used by no suite"}`);
    for (const f of p.findings) out.push(`  ${renderFinding(f)}`);
    for (const b of p.budgets) out.push(`  ${renderBudget(b)}`);
  }
  for (const f of r.findings) out.push(renderFinding(f));
  const s = (k: number, w: string) => `${k} ${w}${k === 1 ? "" : "s"}`;
  out.push(`${s(r.prompts.length, "prompt")} against ${s(r.suites.length, "suite")}: ${s(r.errors, "error")}, ${s(r.warnings, "warning")}`);
  return `${out.join("\n")}\n`;
}

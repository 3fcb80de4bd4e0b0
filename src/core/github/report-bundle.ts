// The report bundle a comparison leaves for the comment step (and, for fork PRs, uploads as an
// artifact): report.md, comparison.json, pull-request.json. Everything in it is untrusted: each
// file is size-capped by the reader and schema-checked here; the markdown is sanitized before use.
import { comparisonFormat } from "../contracts/comparison.js";
import type { GateResult } from "../contracts/gate-verdict.js";
import { pullRequestFormat, type PullRequestRef } from "../contracts/report-bundle.js";
import type { CheckConclusion } from "../ports/github-client.js";

export const BUNDLE_FILES = { report: "report.md", comparison: "comparison.json", pullRequest: "pull-request.json" } as const;
/** Byte caps for each file (a fork controls their size). */
export const BUNDLE_LIMITS = { report: 1024 * 1024, comparison: 16 * 1024 * 1024, pullRequest: 4 * 1024 } as const;

export { PullRequestRefSchema as pullRequestRefSchema, type PullRequestRef } from "../contracts/report-bundle.js";

export type ComparisonGate = Pick<GateResult, "verdict" | "conclusion" | "blocking" | "reasons" | "checks">;

export function parsePullRequestRef(text: string, where: string): PullRequestRef {
  return pullRequestFormat.parse(text, where);
}

/** The gate's decision in a bundle's comparison.json, read by the comparison's one reader. */
export function parseComparisonGate(text: string, where: string): ComparisonGate | null {
  return comparisonFormat.parse(text, where).gate;
}

export type VerdictInput = "pass" | "fail" | "inconclusive";

/** Conclusion and a one-line headline for the check, from the gate (or a verdict given as input). */
export function summarizeGate(gate: Pick<ComparisonGate, "verdict" | "conclusion" | "reasons" | "checks"> | null, verdictInput: VerdictInput | undefined): { conclusion: CheckConclusion; headline: string } | null {
  if (gate) {
    // Each reason starts with its own check's verdict ("FAIL: …"): say the overall verdict once.
    const first = gate.reasons[0]?.replace(/^(PASS|FAIL|INCONCLUSIVE): /, "");
    const more = gate.reasons.length > 1 ? ` (+${gate.reasons.length - 1} more)` : "";
    const unchanged = gate.verdict === "pass" ? gate.checks?.find((c) => c.kind === "unchanged") : undefined;
    const detail = first ? `${first}${more}` : unchanged ? unchanged.message : "every gated check passed";
    return { conclusion: gate.conclusion, headline: `${gate.verdict.toUpperCase()}: ${detail}` };
  }
  if (!verdictInput) return null;
  const conclusion: CheckConclusion = verdictInput === "pass" ? "success" : verdictInput === "fail" ? "failure" : "neutral";
  return { conclusion, headline: verdictInput.toUpperCase() };
}

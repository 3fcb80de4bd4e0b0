// The report bundle a comparison leaves for the comment step (and, for fork PRs, uploads as an
// artifact): report.md, comparison.json, pull-request.json. Everything in it is untrusted: each
// file is size-capped by the reader and schema-checked here; the markdown is sanitized before use.
import { comparisonFormat } from "../contracts/comparison.js";
import type { GateResult } from "../contracts/gate-verdict.js";
import { pullRequestFormat, type PullRequestRef } from "../contracts/report-bundle.js";
import { DataInvalidError } from "../../errors.js";
import { conclusionFor } from "../gate/evaluate.js";
import type { CheckConclusion } from "../ports/github-client.js";

export const BUNDLE_FILES = { report: "report.md", comparison: "comparison.json", pullRequest: "pull-request.json" } as const;
/** Byte caps for each file (a fork controls their size). */
export const BUNDLE_LIMITS = { report: 1024 * 1024, comparison: 16 * 1024 * 1024, pullRequest: 4 * 1024 } as const;

export { PullRequestRefSchema as pullRequestRefSchema, type PullRequestRef } from "../contracts/report-bundle.js";

export type ComparisonGate = Pick<GateResult, "verdict" | "conclusion" | "blocking" | "reasons" | "policy" | "checks">;

export function parsePullRequestRef(text: string, where: string): PullRequestRef {
  return pullRequestFormat.parse(text, where);
}

/** The gate's decision in a bundle's comparison.json, read by the comparison's one reader. */
export function parseComparisonGate(text: string, where: string): ComparisonGate | null {
  return comparisonFormat.parse(text, where).gate;
}

export type VerdictInput = "pass" | "fail" | "inconclusive";

/**
 * Conclusion and a one-line headline for the check, from the gate (or a verdict given as input).
 * The conclusion is derived from the verdict (and the policy's inconclusive rule), never read from
 * the bundle: a bundle whose own `conclusion` disagrees was not written by actions/compare and is refused.
 */
export function summarizeGate(gate: Pick<ComparisonGate, "verdict" | "conclusion" | "reasons" | "policy" | "checks"> | null, verdictInput: VerdictInput | undefined): { conclusion: CheckConclusion; headline: string } | null {
  if (gate) {
    const inconclusive = gate.policy?.inconclusive ?? "fail";
    const conclusion = conclusionFor(gate.verdict, inconclusive);
    if (gate.conclusion !== conclusion) {
      throw new DataInvalidError(
        `comparison.json says verdict "${gate.verdict}" but conclusion "${gate.conclusion}" (verdict "${gate.verdict}" under inconclusive: ${inconclusive} means "${conclusion}"); refusing to publish a forged or corrupted gate`,
        { hint: "the report bundle is untrusted input; regenerate it with actions/compare" },
      );
    }
    // Each reason starts with its own check's verdict ("FAIL: …"): say the overall verdict once.
    const first = gate.reasons[0]?.replace(/^(PASS|FAIL|INCONCLUSIVE): /, "");
    const more = gate.reasons.length > 1 ? ` (+${gate.reasons.length - 1} more)` : "";
    const unchanged = gate.verdict === "pass" ? gate.checks?.find((c) => c.kind === "unchanged") : undefined;
    const detail = first ? `${first}${more}` : unchanged ? unchanged.message : "every gated check passed";
    return { conclusion, headline: `${gate.verdict.toUpperCase()}: ${detail}` };
  }
  if (!verdictInput) return null;
  const conclusion: CheckConclusion = verdictInput === "pass" ? "success" : verdictInput === "fail" ? "failure" : "neutral";
  return { conclusion, headline: verdictInput.toUpperCase() };
}

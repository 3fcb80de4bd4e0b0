// The report bundle a comparison leaves for the comment step (and, for fork PRs, uploads as an
// artifact): report.md, comparison.json, pull-request.json. Everything in it is untrusted: each
// file is size-capped by the reader and schema-checked here; the markdown is sanitized before use.
import { z } from "zod";
import { DataInvalidError } from "../../errors.js";
import { conclusionFor } from "../gate/evaluate.js";
import type { CheckConclusion } from "../ports/github-client.js";

export const BUNDLE_FILES = { report: "report.md", comparison: "comparison.json", pullRequest: "pull-request.json" } as const;
/** Byte caps for each file (a fork controls their size). */
export const BUNDLE_LIMITS = { report: 1024 * 1024, comparison: 16 * 1024 * 1024, pullRequest: 4 * 1024 } as const;

const sha = z.string().regex(/^[0-9a-f]{40}$/, "expected a 40-hex commit SHA");
const repoName = z.string().regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, "expected owner/name");

/**
 * Written by actions/compare on pull_request events: which PR, head commit and repositories the
 * report is about. actions/comment posts it only where all of them match the PR's current head.
 * (v1 had no repositories, so a bundle could be attached to a PR of another repository.)
 */
export const pullRequestRefSchema = z.strictObject({
  schema: z.literal("llmops.pull-request/v2"),
  number: z.number().int().positive(),
  head_sha: sha,
  /** owner/name the head commit lives in; null when the fork was deleted. */
  head_repo: repoName.nullable(),
  /** owner/name of the repository the pull request is in. */
  base_repo: repoName,
});
export type PullRequestRef = z.infer<typeof pullRequestRefSchema>;

/** The part of comparison.json (llmops.comparison/v1) the comment step reads: the gate's decision. */
const gateSchema = z.looseObject({
  verdict: z.enum(["pass", "fail", "inconclusive"]),
  conclusion: z.enum(["success", "failure", "neutral"]),
  blocking: z.boolean(),
  reasons: z.array(z.string().max(2000)).max(200),
  policy: z.looseObject({ inconclusive: z.enum(["fail", "pass", "neutral"]).default("fail") }).optional(),
  checks: z.array(z.looseObject({ kind: z.string().max(100), message: z.string().max(2000) })).max(1000).optional(),
});
export const comparisonGateSchema = z.looseObject({
  schema: z.literal("llmops.comparison/v1"),
  gate: gateSchema.nullable(),
});
export type ComparisonGate = z.infer<typeof gateSchema>;

export function parsePullRequestRef(text: string, where: string): PullRequestRef {
  return parseJson(pullRequestRefSchema, text, where);
}

export function parseComparisonGate(text: string, where: string): ComparisonGate | null {
  return parseJson(comparisonGateSchema, text, where).gate;
}

function parseJson<T extends z.ZodType>(schema: T, text: string, where: string): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DataInvalidError(`${where} is not valid JSON: ${(err as Error).message}`);
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new DataInvalidError(`${where} does not match its schema: ${issues}`, { hint: "the bundle must come from actions/compare of the same llmops version" });
  }
  return r.data;
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

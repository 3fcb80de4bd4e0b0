// The required gate's model under test (issue 8): which model judges a pull request, decided by
// trusted code. When the PR changes nothing the base's pipeline keys training on, the candidate
// model is the baseline's; when it does, the base's code trains from the PR's data only for a
// trusted author or a collaborator-approved head, and otherwise the gate fails closed, saying how
// to approve. Pure: keys, the trust verdict and the spec comparison come in as data.
import type { GateModel } from "../contracts/gate-model.js";

export type GateModelDecision = GateModel["decision"];

export interface GateTrainingInput {
  /** Stage → key over the base's files, and over the base's files with the PR's data in place. */
  baselineKeys: Record<string, string>;
  candidateKeys: Record<string, string>;
  /** Why the PR's data cannot be used as data at all (it changes how training runs), if it cannot. */
  codeChange: string | null;
  /** The API-checked trust verdict for the PR's current head (asked only when keys differ). */
  trust: () => Promise<{ allowed: boolean; reason: string; approvedBy?: string }>;
  headSha: string;
}

export interface GateTrainingDecision {
  decision: GateModelDecision;
  reason: string;
  approvedBy: string | null;
  /** The stages whose key the PR's data changes. */
  changedStages: string[];
}

/** The comment that approves a head for trusted training (what the runner guard also accepts). */
export const approvalCommand = (headSha: string) => `/llmops train ${headSha}`;

export async function decideGateTraining(i: GateTrainingInput): Promise<GateTrainingDecision> {
  const changedStages = Object.keys(i.candidateKeys).filter((s) => i.candidateKeys[s] !== i.baselineKeys[s]);
  if (i.codeChange !== null) {
    return {
      decision: "refused",
      reason: `the pull request changes how training runs (${i.codeChange}); that is code, which the required gate never builds from a pull request. Change it in a separate pull request that a maintainer merges, or revert it here`,
      approvedBy: null,
      changedStages,
    };
  }
  if (changedStages.length === 0) {
    return { decision: "unchanged", reason: "the pull request changes nothing the training reads (every stage key equals the base's): the candidate model is the baseline model", approvedBy: null, changedStages };
  }
  const trust = await i.trust();
  const what = `training inputs changed (stages ${changedStages.join(", ")})`;
  if (!trust.allowed) {
    return {
      decision: "needs-approval",
      reason: `${what}; needs approval: a collaborator with write access comments \`${approvalCommand(i.headSha)}\` on the pull request (it approves exactly this head; a later push needs a new approval). Only a pull request from this repository by an OWNER, MEMBER or COLLABORATOR trains without one`,
      approvedBy: null,
      changedStages,
    };
  }
  return { decision: "trained", reason: `${what}; trained by the base's code from the pull request's data: ${trust.reason}`, approvedBy: trust.approvedBy ?? null, changedStages };
}

/**
 * Fields of a training spec that decide WHAT RUNS (program, interpreter, launcher, environment,
 * extra flags): a pull request's spec must leave them as the base has them. Everything else
 * (hyperparameters, data paths, architecture) is data.
 */
export const SPEC_CODE_FIELDS = ["backend", "launcher", "command", "python", "pass_env", "backend_args", "torchtune", "axolotl"] as const;

/** The first code field the PR's (parsed, defaulted) spec changes against the base's, or null. */
export function specCodeChange(base: Record<string, unknown>, pr: Record<string, unknown>): string | null {
  for (const f of SPEC_CODE_FIELDS) {
    if (JSON.stringify(base[f] ?? null) !== JSON.stringify(pr[f] ?? null)) return f;
  }
  // Which weights and tokenizer are loaded (a local path anywhere, or a hub id fetched over the
  // network) is the base's choice too; the architecture of a from-scratch model is data.
  const b = (base.base ?? {}) as Record<string, unknown>;
  const p = (pr.base ?? {}) as Record<string, unknown>;
  for (const f of ["model", "tokenizer"]) if ((b[f] ?? null) !== (p[f] ?? null)) return `base.${f}`;
  return null;
}

/** The heading of the gate's report: which model the verdict was computed on. */
export function gateReportTitle(r: Pick<GateModel, "decision" | "approved_by" | "pull_request" | "baseline_model">): string {
  const head = r.pull_request.head_sha.slice(0, 12);
  if (r.decision === "trained") return `llmops gate: the model the base's code trained from this pull request's data at ${head}${r.approved_by ? ` (approved by ${r.approved_by})` : " (a trusted author)"}`;
  // Nothing built (an external endpoint): the report keeps its default heading.
  if (r.decision === "unchanged" && r.baseline_model) return "llmops gate: this pull request's prompts and sampling on the baseline model (no training input changed)";
  return "";
}

/** The report the gate posts when it does not judge a model (needs approval, or refused). */
export function renderGateModelBlocked(r: Pick<GateModel, "decision" | "reason" | "pr_data" | "pull_request">): string {
  const title = r.decision === "needs-approval" ? "training inputs changed; needs approval" : "training changes the gate does not build";
  const changed = r.pr_data.filter((f) => f.changed).map((f) => `\`${f.path}\``);
  const lines = [
    `## llmops gate: FAIL — ${title}`,
    "",
    r.reason,
    "",
    changed.length ? `Changed training inputs: ${changed.join(", ")}.` : "",
  ];
  if (r.decision === "needs-approval") {
    lines.push(
      "",
      "To approve training this exact head with the base branch's code (the PR's data and training spec are read as data; none of its scripts run), a collaborator with write access comments:",
      "",
      "```",
      approvalCommand(r.pull_request.head_sha),
      "```",
      "",
      "The gate then runs again, trains, and judges the model trained from this pull request.",
    );
  }
  return lines.filter((l, i, a) => !(l === "" && a[i - 1] === "")).join("\n") + "\n";
}

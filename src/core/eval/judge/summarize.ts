// summary.json's `judges`: per judge or embedding scorer what it asked and what it cost, its
// failures (one raw example), its verdicts' distribution, position bias (pairwise) and its
// agreement with human labels (calibration).
import type { JudgeSummary } from "../../contracts/summary.js";
import { cohenKappa, kappaBootstrap, observedAgreement, wilsonInterval } from "../../stats/index.js";
import type { Scorer } from "../scorers/types.js";
import type { RemoteUsage } from "./remote.js";
import type { JudgeTally } from "./tally.js";

/** Human labels read for one scorer: case id → category index, and where they came from. */
export interface HumanLabels {
  file: string;
  sha256: string;
  labels: ReadonlyMap<string, number>;
  minKappa: number;
}

export const CALIBRATION_RESAMPLES = 2000;

export function computeCalibration(tally: JudgeTally, human: HumanLabels, ordinal: boolean): NonNullable<JudgeSummary["calibration"]> {
  const a: number[] = [];
  const b: number[] = [];
  let unmatched = 0;
  for (const [caseId, label] of human.labels) {
    const judged = tally.labels.get(caseId);
    if (!judged) {
      unmatched++;
      continue;
    }
    a.push(label);
    b.push(judged.label);
  }
  const weights = ordinal ? "quadratic" : "none";
  const k = tally.categories.length;
  const kappa = cohenKappa(a, b, k, weights);
  const { ci } = kappaBootstrap(a, b, k, weights, CALIBRATION_RESAMPLES, 1);
  return {
    labels_file: human.file,
    labels_sha256: human.sha256,
    n: a.length,
    statistic: "cohen_kappa",
    weights,
    kappa,
    ci95: ci,
    interval_method: "bootstrap-percentile",
    resamples: CALIBRATION_RESAMPLES,
    observed_agreement: observedAgreement(a, b),
    min_kappa: human.minKappa,
    below_min: kappa === null ? null : kappa < human.minKappa,
    unmatched_labels: unmatched,
  };
}

export interface JudgeContext {
  usage: ReadonlyMap<string, RemoteUsage>;
  /** Human labels by scorer name, for scorers with `calibration`. */
  labels: ReadonlyMap<string, HumanLabels>;
}

/** The `judges` section, or undefined when the suite has no remote scorer. */
export function summarizeJudges(scorers: readonly Scorer[], ctx: JudgeContext): Record<string, JudgeSummary> | undefined {
  const out: Record<string, JudgeSummary> = {};
  for (const s of scorers) {
    if (!s.remote || !s.tally) continue;
    const t = s.tally();
    const u = ctx.usage.get(s.name) ?? { requests: 0, cached: 0, retries: 0, prompt_tokens: 0, completion_tokens: 0, cost: s.remote.target.prices ? 0 : null };
    const j: JudgeSummary = {
      type: s.type,
      target: { base_url: s.remote.target.base_url, model: s.remote.target.model },
      prompt: t.prompt,
      samples: t.samples,
      errors: { ...t.errors },
      error_example: t.error_example,
      distribution: { ...t.distribution },
      usage: { ...u, currency: s.remote.target.prices?.currency ?? null },
    };
    if (t.pairwise) {
      const p = t.pairwise;
      j.position_bias = {
        ...p,
        flip_rate: p.pairs > 0 ? p.inconsistent / p.pairs : null,
        first_position_win_rate: p.decisive_verdicts > 0 ? p.first_position_wins / p.decisive_verdicts : null,
        first_position_ci95: p.decisive_verdicts > 0 ? wilsonInterval(p.first_position_wins, p.decisive_verdicts) : null,
      };
    }
    const human = ctx.labels.get(s.name);
    // A 1–N rubric and a pairwise preference are ordinal (quadratic weights); pass/fail is nominal.
    if (human) j.calibration = computeCalibration(t, human, t.categories.length > 2);
    out[s.name] = j;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Warnings a run should print about its judges: failures and agreement below the suite's minimum. */
export function judgeWarnings(judges: Record<string, JudgeSummary> | undefined): string[] {
  const out: string[] = [];
  for (const [name, j] of Object.entries(judges ?? {})) {
    const failed = j.errors.parse + j.errors.request;
    if (failed > 0) out.push(`scorer ${name}: ${failed} of ${j.samples} sample(s) have no verdict (${j.errors.parse} unparseable answer(s), ${j.errors.request} failed request(s)); first: ${j.error_example?.message ?? "?"}`);
    const c = j.calibration;
    if (c?.below_min) out.push(`scorer ${name}: agreement with human labels is below the suite's minimum — Cohen's kappa ${c.kappa!.toFixed(3)} (95% CI ${fmtCi(c.ci95)}, n = ${c.n}) < min_kappa ${c.min_kappa}; do not trust this judge's scores until its prompt or model agrees better`);
    else if (c && c.kappa === null) out.push(`scorer ${name}: agreement with human labels is undefined (n = ${c.n}${c.n > 0 ? ", every label in one category" : ""}); add labels for more cases (${c.labels_file})`);
  }
  return out;
}

function fmtCi(ci: [number, number] | null): string {
  return ci ? `${ci[0].toFixed(3)} to ${ci[1].toFixed(3)}` : "n/a";
}

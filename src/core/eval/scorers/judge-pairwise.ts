// judge_pairwise: another model says which of two answers is better — the output, or a reference
// (the case's expected answer, or a baseline answer in one of its vars). Each pair is judged in
// both orders; a preference counts only when it survives the swap (1 = output preferred both times,
// 0 = reference both times, 0.5 = tie or a verdict that flipped with the order). How often verdicts
// flip, and how often the first-shown answer wins, are reported as the judge's position bias.
import { z } from "zod";
import type { ScorerDefinition, SampleScore, ScoreInput } from "./types.js";
import { scorerBase, scorerSchema } from "./common.js";
import { calibrationSchema, judgePromptSchema, remoteTargetSchema } from "../judge/target.js";
import { judgePrompt, type LoadedJudgePrompt } from "../judge/prompt.js";
import { parsePairwiseVerdict, type PairwiseChoice } from "../judge/parse.js";
import { requestFailure, sampleKey, type Ask } from "../judge/remote.js";
import { emptyTally, noteError, noteLabel, rawExcerpt, type JudgeTally } from "../judge/tally.js";

const schema = scorerSchema("judge_pairwise", {
  target: remoteTargetSchema,
  /** The judge's prompt; omitted: templates/judges/pairwise.jinja. */
  prompt: judgePromptSchema.optional(),
  /** What makes one answer better, in words; the template shows it to the judge. */
  criteria: z.string().min(1).max(20_000),
  /** The answer the output is compared with: the case's expected value, or a variable of the case. */
  against: z.union([z.literal("expected"), z.strictObject({ var: z.string().min(1) })]).default("expected"),
  calibration: calibrationSchema.optional(),
});

export type JudgePairwiseConfig = z.output<typeof schema> & { loaded_prompt?: LoadedJudgePrompt };

/** Ordinal labels of a pairwise verdict (calibration): the reference better < tie < the output better. */
export const PAIRWISE_CATEGORIES = ["reference", "tie", "output"] as const;

type Side = "output" | "reference" | "tie";

export const judgePairwise: ScorerDefinition<typeof schema> = {
  type: "judge_pairwise",
  schema,
  create(config) {
    const c = config as JudgePairwiseConfig;
    const name = c.name ?? c.type;
    const prompt = c.loaded_prompt ? judgePrompt(c.loaded_prompt, name, c.target) : undefined;
    const tally = emptyTally(PAIRWISE_CATEGORIES, prompt, true);
    const verdicts = new Map<string, SampleScore>();
    const referenceOf = (input: ScoreInput): string | null => {
      const v = c.against === "expected" ? input.expected : input.vars[c.against.var];
      if (v === undefined || v === null) return null;
      return typeof v === "string" ? v : JSON.stringify(v);
    };
    const requestFor = (input: ScoreInput, first: string, second: string) =>
      (prompt ?? judgePrompt(c.loaded_prompt, name, c.target)).render({ input: input.prompt, output_a: first, output_b: second, criteria: c.criteria, expected: input.expected ?? null, vars: input.vars }, input.caseId);
    return {
      ...scorerBase(c),
      signature: `judge_pairwise|model:${c.target.model}|against:${c.against === "expected" ? "expected" : `var.${c.against.var}`}|orders:both|prompt:${prompt ? `${prompt.source}@${prompt.hash.slice(0, 12)}` : "-"}`,
      tally: () => tally,
      score(input) {
        if (referenceOf(input) === null) return { value: null };
        return verdicts.get(sampleKey(input)) ?? { value: null, detail: { error: "not judged yet" } };
      },
      remote: {
        target: c.target,
        preview(input) {
          const reference = referenceOf(input);
          return reference === null ? null : requestFor(input, input.output, reference);
        },
        async prepare(input, ask) {
          const reference = referenceOf(input);
          if (reference === null) return;
          tally.samples++;
          const [ab, ba] = await Promise.all([judgeOnce(ask, requestFor(input, input.output, reference)), judgeOnce(ask, requestFor(input, reference, input.output))]);
          const key = sampleKey(input);
          for (const [order, r] of [["output first", ab], ["reference first", ba]] as const) {
            if (!r.ok) {
              noteError(tally, r.kind, `${r.message} (${order})`, r.raw);
              verdicts.set(key, { value: null, detail: { error: `${r.message} (${order})`, ...(r.raw !== null ? { raw: rawExcerpt(r.raw) } : {}) } });
              return;
            }
          }
          if (!ab.ok || !ba.ok) return;
          // In the first order the output is A; in the second it is B.
          const sideAb: Side = ab.choice === "tie" ? "tie" : ab.choice === "A" ? "output" : "reference";
          const sideBa: Side = ba.choice === "tie" ? "tie" : ba.choice === "B" ? "output" : "reference";
          const outcome = countPair(tally, ab.choice, ba.choice, sideAb, sideBa);
          const value = outcome === "win" ? 1 : outcome === "loss" ? 0 : 0.5;
          noteLabel(tally, input.caseId, input.repeat, outcome === "win" ? 2 : outcome === "loss" ? 0 : 1);
          const reasons = [ab.reason, ba.reason].filter((r): r is string => r !== null);
          verdicts.set(key, { value, detail: { verdict: outcome, output_first: sideAb, reference_first: sideBa, ...(reasons.length ? { reason: reasons.join(" | ") } : {}) } });
        },
      },
    };
  },
};

type Once = { ok: true; choice: PairwiseChoice; reason: string | null } | { ok: false; kind: "parse" | "request"; message: string; raw: string | null };

async function judgeOnce(ask: Ask, request: Parameters<Ask["complete"]>[0]): Promise<Once> {
  let text: string;
  try {
    text = (await ask.complete(request)).text;
  } catch (err) {
    return { ok: false, kind: "request", message: `judge request failed: ${requestFailure(err)}`, raw: null };
  }
  const v = parsePairwiseVerdict(text);
  return v.ok ? v : { ok: false, kind: "parse", message: `judge answer did not parse: ${v.error}`, raw: text };
}

/** Count one pair judged in both orders; the outcome after the swap. */
export function countPair(t: JudgeTally, abChoice: PairwiseChoice, baChoice: PairwiseChoice, sideAb: Side, sideBa: Side): "win" | "loss" | "tie" | "inconsistent" {
  const pw = t.pairwise!;
  pw.pairs++;
  for (const choice of [abChoice, baChoice]) {
    if (choice === "tie") continue;
    pw.decisive_verdicts++;
    if (choice === "A") pw.first_position_wins++;
  }
  const outcome = sideAb !== sideBa ? "inconsistent" : sideAb === "output" ? "win" : sideAb === "reference" ? "loss" : "tie";
  if (outcome === "win") pw.wins++;
  else if (outcome === "loss") pw.losses++;
  else if (outcome === "tie") pw.ties++;
  else pw.inconsistent++;
  t.distribution[outcome] = (t.distribution[outcome] ?? 0) + 1;
  return outcome;
}

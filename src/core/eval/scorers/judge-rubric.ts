// judge_rubric: another model grades each output against a rubric, 1–N (scaled to [0,1]) or
// pass/fail, with its reason. A verdict that does not parse is that sample's error with the raw
// answer kept (value null, counted in summary.json's judges), never a silent 0.
import { z } from "zod";
import type { ScorerDefinition, SampleScore, ScoreInput } from "./types.js";
import { scorerBase, scorerSchema } from "./common.js";
import { calibrationSchema, judgePromptSchema, remoteTargetSchema } from "../judge/target.js";
import { judgePrompt, type LoadedJudgePrompt } from "../judge/prompt.js";
import { parseRubricVerdict } from "../judge/parse.js";
import { requestFailure, sampleKey } from "../judge/remote.js";
import { emptyTally, noteError, noteLabel, rawExcerpt } from "../judge/tally.js";

const schema = scorerSchema("judge_rubric", {
  /** The judge: any OpenAI-compatible chat endpoint. */
  target: remoteTargetSchema,
  /** The judge's prompt; omitted: templates/judges/rubric.jinja. */
  prompt: judgePromptSchema.optional(),
  /** What a good answer is, in words; the template shows it to the judge. */
  rubric: z.string().min(1).max(20_000),
  /** 1..N (N from 2 to 10), or pass_fail. */
  scale: z.union([z.number().int().min(2).max(10), z.literal("pass_fail")]).default(5),
  calibration: calibrationSchema.optional(),
});

export type JudgeRubricConfig = z.output<typeof schema> & { loaded_prompt?: LoadedJudgePrompt };

export const judgeRubric: ScorerDefinition<typeof schema> = {
  type: "judge_rubric",
  schema,
  create(config) {
    const c = config as JudgeRubricConfig;
    const prompt = c.loaded_prompt ? judgePrompt(c.loaded_prompt, c.name ?? c.type, c.target) : undefined;
    const categories = c.scale === "pass_fail" ? ["fail", "pass"] : Array.from({ length: c.scale }, (_, i) => String(i + 1));
    const tally = emptyTally(categories, prompt);
    const verdicts = new Map<string, SampleScore>();
    const requestFor = (input: ScoreInput) =>
      (prompt ?? judgePrompt(c.loaded_prompt, c.name ?? c.type, c.target)).render(
        { input: input.prompt, output: input.output, expected: input.expected ?? null, vars: input.vars, rubric: c.rubric, scale: c.scale, pass_fail: c.scale === "pass_fail" },
        input.caseId,
      );
    return {
      ...scorerBase(c),
      signature: `judge_rubric|model:${c.target.model}|scale:${c.scale}|prompt:${prompt ? `${prompt.source}@${prompt.hash.slice(0, 12)}` : "-"}`,
      tally: () => tally,
      score(input) {
        return verdicts.get(sampleKey(input)) ?? { value: null, detail: { error: "not judged yet" } };
      },
      remote: {
        target: c.target,
        preview: (input) => requestFor(input),
        async prepare(input, ask) {
          const request = requestFor(input);
          tally.samples++;
          let text: string;
          try {
            text = (await ask.complete(request)).text;
          } catch (err) {
            const message = `judge request failed: ${requestFailure(err)}`;
            noteError(tally, "request", message, null);
            verdicts.set(sampleKey(input), { value: null, detail: { error: message } });
            return;
          }
          const v = parseRubricVerdict(text, c.scale);
          if (!v.ok) {
            const message = `judge answer did not parse: ${v.error}`;
            noteError(tally, "parse", message, text);
            verdicts.set(sampleKey(input), { value: null, detail: { error: message, raw: rawExcerpt(text) } });
            return;
          }
          const label = c.scale === "pass_fail" ? v.score : v.score - 1;
          const shown = categories[label]!;
          tally.distribution[shown] = (tally.distribution[shown] ?? 0) + 1;
          noteLabel(tally, input.caseId, input.repeat, label);
          const value = c.scale === "pass_fail" ? v.score : (v.score - 1) / (c.scale - 1);
          verdicts.set(sampleKey(input), { value, detail: { verdict: shown, ...(v.reason !== null ? { reason: v.reason } : {}) } });
        },
      },
    };
  },
};

// Human labels for calibrating a judge (the file a judge scorer's calibration.labels names): one
// JSON object per line, {"case_id": …, "label": …}. Written by people, so read with file:line
// errors; the `schema` field may be left out of each line.
import { z } from "zod";
import { defineFormat } from "./format.js";

export const JUDGE_LABELS_TAG = "llmops.judge-labels/v1";

const fields = {
  case_id: z.union([z.string().min(1), z.number()]).transform(String).describe("The case's id in the suite"),
  label: z
    .union([z.number().int(), z.string().min(1)])
    .describe('The human verdict: 1..N for a 1–N rubric, "pass"/"fail" for pass/fail, "output"/"reference"/"tie" for pairwise'),
  rater: z.string().max(200).optional().describe("Who labelled it (for the record)"),
  note: z.string().max(10_000).optional(),
};

export const JudgeLabelSchema = z.strictObject({ schema: z.literal(JUDGE_LABELS_TAG), ...fields });
export type JudgeLabel = z.infer<typeof JudgeLabelSchema>;

export const judgeLabelsFormat = defineFormat({
  kind: "judge-labels",
  version: 1,
  schema: JudgeLabelSchema,
  title: "one human label of a judge calibration file",
  file: "a judge scorer's calibration.labels (JSONL)",
  writer: "people (by hand or a labelling tool)",
  readers: "llmops eval (app/eval/judge-calibration.ts)",
  hint: 'each line is {"case_id": "<a case id of the suite>", "label": <1..N | "pass" | "fail" | "output" | "reference" | "tie">}',
  lines: true,
  untagged: { version: 1, schema: z.strictObject(fields), upgrade: (l: Omit<JudgeLabel, "schema">): JudgeLabel => ({ schema: JUDGE_LABELS_TAG, ...l }) },
});

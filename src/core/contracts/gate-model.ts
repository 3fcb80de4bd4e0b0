// What the required gate judged a pull request's model with: which model is under test (the
// baseline's, or one the base's code trained from the PR's data), why, who approved the training,
// and the content hashes of every input and model. Written by actions/gate-model in the trusted
// pull_request_target job; shown in the job summary and kept with the report bundle.
import { z } from "zod";
import { defineFormat } from "./format.js";

const sha = z.string().regex(/^[0-9a-f]{40}$/, "expected a 40-hex commit SHA");
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a sha256 hex digest");

const StageOutcomeSchema = z.strictObject({
  name: z.string().min(1),
  key: z.string().min(1),
  outcome: z.string().min(1),
});

const ModelRefSchema = z.strictObject({
  path: z.string().min(1),
  sha256,
  /** How the stages that make it ended here: ran, restored (from main's stage cache), up-to-date. */
  stages: z.array(StageOutcomeSchema),
});

export const GateModelSchema = z.strictObject({
  schema: z.literal("llmops.gate-model/v1"),
  pull_request: z.strictObject({ number: z.number().int().positive(), head_sha: sha, head_repo: z.string().nullable() }),
  /** The commit whose code (pipeline, stage programs, trainer, llmops) built both models. */
  base_commit: sha,
  /**
   * unchanged: the PR changes nothing training reads, the candidate is the baseline model;
   * trained: a trusted run trained the candidate from the PR's data with the base's code;
   * needs-approval: training inputs changed and nobody trusted approved this head (the gate fails);
   * refused: the PR changes how training runs (code), or its training data are links; the gate never builds that (it fails).
   */
  decision: z.enum(["unchanged", "trained", "needs-approval", "refused"]),
  reason: z.string(),
  /** The collaborator whose `/llmops train <sha>` approved this head, when that is why it trained. */
  approved_by: z.string().nullable(),
  /** The PR's files read as training data, with their hashes (null: absent in the PR). */
  pr_data: z.array(z.strictObject({ path: z.string().min(1), sha256: sha256.nullable(), changed: z.boolean() })),
  /** Stage keys the base's pipeline computes over the base's files and over the PR's data. */
  keys: z.strictObject({ baseline: z.record(z.string(), z.string()), candidate: z.record(z.string(), z.string()) }),
  baseline_model: ModelRefSchema.nullable(),
  candidate_model: ModelRefSchema.nullable(),
  llmops_version: z.string(),
  created_at: z.string(),
});
export type GateModel = z.infer<typeof GateModelSchema>;

export const gateModelFormat = defineFormat({
  kind: "gate-model",
  version: 1,
  schema: GateModelSchema,
  title: "which model the required gate judged a pull request with, and why (trusted training provenance)",
  file: "<out>/gate-model.json (actions/gate-model)",
  writer: "actions/gate-model",
  readers: "people and tools auditing a gate run (the job summary renders it)",
  hint: "written by actions/gate-model in llmops-gate.yml; rerun the gate to get a new one",
});

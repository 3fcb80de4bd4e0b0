// Every option spec the two shells share: which action reads it and which CLI commands parse it.
// The build generates each action.yml's inputs block from these (scripts/action-inputs.ts).
import { COMPARE_OPTIONS } from "./compare.js";
import { DATA_VALIDATE_OPTIONS } from "./data-validate.js";
import { EVAL_OPTIONS } from "./eval.js";
import { GATE_MODEL_OPTIONS } from "./gate-model.js";
import { PROMOTE_OPTIONS } from "./promote.js";
import { REPORT_OPTIONS } from "./report.js";
import { RUN_OPTIONS } from "./run.js";
import type { OptionSpecs } from "./spec.js";
import { TRAIN_OPTIONS } from "./train.js";

export interface SharedSpec {
  /** actions/<action> reads the action side. */
  action: string;
  /** The CLI commands that parse the CLI side (`llmops <command>`); none for a workflow-only action. */
  commands: readonly string[];
  specs: OptionSpecs;
}

export const SHARED_SPECS: readonly SharedSpec[] = [
  { action: "evaluate", commands: ["eval"], specs: EVAL_OPTIONS },
  { action: "compare", commands: ["compare", "gate"], specs: COMPARE_OPTIONS },
  { action: "comment", commands: ["report"], specs: REPORT_OPTIONS },
  { action: "train", commands: ["train"], specs: TRAIN_OPTIONS },
  { action: "validate-dataset", commands: ["data"], specs: DATA_VALIDATE_OPTIONS },
  { action: "pipeline", commands: ["run"], specs: RUN_OPTIONS },
  { action: "promote", commands: ["promote", "rollback"], specs: PROMOTE_OPTIONS },
  { action: "gate-model", commands: [], specs: GATE_MODEL_OPTIONS },
];

// The inputs of actions/evaluate, derived from the option spec it shares with the CLI (`llmops eval` ↔ actions/evaluate:
// src/core/options/eval.ts). action.yml's inputs block is generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { EVAL_OPTIONS } from "../../core/options/eval.js";

export const INPUTS = actionInputs(EVAL_OPTIONS);

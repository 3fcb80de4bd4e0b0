// The inputs of actions/pipeline, derived from the option spec it shares with the CLI (`llmops run` ↔ actions/pipeline:
// src/core/options/run.ts). action.yml's inputs block is generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { RUN_OPTIONS } from "../../core/options/run.js";

export const INPUTS = actionInputs(RUN_OPTIONS);

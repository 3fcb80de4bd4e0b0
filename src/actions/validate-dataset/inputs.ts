// The inputs of actions/validate-dataset, derived from the option spec it shares with the CLI (`llmops data validate` ↔ actions/validate-dataset:
// src/core/options/data-validate.ts). action.yml's inputs block is generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { DATA_VALIDATE_OPTIONS } from "../../core/options/data-validate.js";

export const INPUTS = actionInputs(DATA_VALIDATE_OPTIONS);

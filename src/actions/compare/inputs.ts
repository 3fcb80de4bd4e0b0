// The inputs of actions/compare, derived from the option spec it shares with the CLI (`llmops compare` / `llmops gate` ↔ actions/compare:
// src/core/options/compare.ts). action.yml's inputs block is generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { COMPARE_OPTIONS } from "../../core/options/compare.js";

export const INPUTS = actionInputs(COMPARE_OPTIONS);

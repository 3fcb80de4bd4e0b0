// The inputs of actions/promote, derived from the option spec it shares with the CLI (`llmops promote` ↔ actions/promote:
// src/core/options/promote.ts). action.yml's inputs block is generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { PROMOTE_OPTIONS } from "../../core/options/promote.js";

export const INPUTS = actionInputs(PROMOTE_OPTIONS);

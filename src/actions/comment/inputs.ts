// The inputs of actions/comment, derived from the option spec it shares with the CLI (`llmops report` ↔ actions/comment:
// src/core/options/report.ts). action.yml's inputs block is generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { REPORT_OPTIONS } from "../../core/options/report.js";

export const INPUTS = actionInputs(REPORT_OPTIONS);

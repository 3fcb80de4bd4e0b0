// The inputs of actions/train, derived from the option spec it shares with the CLI (`llmops train` ↔ actions/train:
// src/core/options/train.ts). action.yml's inputs block is generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { TRAIN_OPTIONS } from "../../core/options/train.js";

export const INPUTS = actionInputs(TRAIN_OPTIONS);

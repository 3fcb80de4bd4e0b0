// The inputs of actions/gate-model, derived from its option spec (src/core/options/gate-model.ts;
// an action-only spec: the gate's model build has no CLI counterpart). action.yml's inputs block is
// generated from the same spec by the build.
import { actionInputs } from "../../core/options/spec.js";
import { GATE_MODEL_OPTIONS } from "../../core/options/gate-model.js";

export const INPUTS = actionInputs(GATE_MODEL_OPTIONS);

// `llmops gate`: compare two eval runs and decide PASS / FAIL / INCONCLUSIVE under a policy.
import type { Command } from "../command.js";
import { runCompare } from "./compare-runs.js";
import { COMPARE_OPTIONS } from "../../core/options/compare.js";
import { cliParseConfig, renderCliHelp } from "../../core/options/spec.js";
import { runGatePlan } from "./gate-plan.js";

export const gateCommand: Command = {
  name: "gate",
  maxPositionals: 0,
  summary: "decide pass/fail/inconclusive for a candidate run against a baseline under a policy",
  help: `
usage: llmops gate --baseline DIR --candidate DIR [--policy FILE] [--out DIR] [--json]
       llmops gate --plan SUITE [--policy FILE] [--json]

Compares the runs like "llmops compare" and decides from confidence bounds: PASS when every
gated check's interval clears its limit, FAIL when one lies wholly beyond it (or a floor is
broken), INCONCLUSIVE otherwise — with the number of cases or repeats that would likely decide.
When the candidate is unchanged (every record came from the same request with the same output,
or both runs used the same model hash, prompt and cases) the verdict is PASS "unchanged".

--plan SUITE sizes a suite for its gate (or --policy) before any run: for each gated 0/1 metric,
the smallest regression the suite's cases can rule out even when nothing changed, and the cases
a narrower max_regression needs. Exit 1 when a margin is too narrow to ever be decided.

options:
${renderCliHelp(COMPARE_OPTIONS, { command: "gate" })}

Exit codes: 0 pass (or inconclusive under inconclusive: pass|neutral), 1 fail (or inconclusive
under inconclusive: fail, the default), 2 bad arguments, policy or run directories.
See docs/compare-and-gate.md.`,
  options: cliParseConfig(COMPARE_OPTIONS, "gate"),
  run: (ctx, { values }) => (typeof values.plan === "string" ? runGatePlan(ctx, values) : runCompare(ctx, values, "gate")),
};

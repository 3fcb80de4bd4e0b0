// `llmops compare`: pair two eval runs by case id and write comparison.json and report.md.
import type { Command } from "../command.js";
import { runCompareArms } from "./compare-arms.js";
import { runCompare } from "./compare-runs.js";
import { COMPARE_OPTIONS } from "../../core/options/compare.js";
import { cliParseConfig, renderCliHelp } from "../../core/options/spec.js";

export const compareCommand: Command = {
  name: "compare",
  maxPositionals: 0,
  summary: "compare a candidate eval run with a baseline (paired statistics, flips, deltas)",
  help: `
usage: llmops compare --baseline DIR --candidate DIR [--policy FILE] [--out DIR] [--prompts-base REV] [--json]
       llmops compare --control [NAME=]DIR --arm [NAME=]DIR [--arm …] [--out DIR] [--json]

Pairs the two runs' records by case id (repeats averaged within a case), and for every metric
reports the means, Δ with a paired interval and the p-value of the test it inverts (they never
disagree), Holm's adjusted p with its matching interval, n, the minimum detectable effect, cases
that broke or were fixed, and latency/token/cost deltas.

options:
${renderCliHelp(COMPARE_OPTIONS, { command: "compare" })}

Exit codes: 0 ok (or gate passed), 1 gate failed or invalid data, 2 bad arguments or policy, or a missing or empty run directory.
See docs/compare-and-gate.md.`,
  options: cliParseConfig(COMPARE_OPTIONS, "compare"),
  run: (ctx, { values }) => (values.control !== undefined || values.arm !== undefined ? runCompareArms(ctx, values) : runCompare(ctx, values, "compare")),
};

// `llmops compare`: pair two eval runs by case id and write comparison.json and report.md.
import type { Command } from "../command.js";
import { runCompareArms } from "./compare-arms.js";
import { compareOptions, runCompare } from "./compare-runs.js";

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
  --baseline DIR    eval run directory (results.jsonl, summary.json) of the baseline
  --candidate DIR   eval run directory of the candidate
  --policy FILE     gate policy YAML (or a suite file with a gate: key): also decide the gate,
                    and exit 1 when it blocks
  --out DIR         where to write comparison.json and report.md (default: .llmops/comparison)
  --prompts-base REV  report.md also shows the prompts/ files this working tree changes against
                    the git revision REV, rendered on the first cases of the suites in evals/
  --control, --arm  k arms (a control and variants run on the same cases): every pair compared,
                    Holm across pairs × metrics, a winner per metric only when its interval
                    excludes the control and every rival; writes arms.json and arms.md
  --json            print comparison.json (arms.json) on stdout instead of the summary
  -q, --quiet       no progress or info lines on stderr

Exit codes: 0 ok (or gate passed), 1 gate failed or invalid data, 2 bad arguments or policy, or a missing or empty run directory.
See docs/compare-and-gate.md.`,
  options: { ...compareOptions, "prompts-base": { type: "string" }, control: { type: "string" }, arm: { type: "string", multiple: true } },
  run: (ctx, { values }) => (values.control !== undefined || values.arm !== undefined ? runCompareArms(ctx, values) : runCompare(ctx, values, "compare")),
};

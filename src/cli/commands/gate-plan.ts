// `llmops gate --plan SUITE`: size a suite for its gate before anyone relies on it — for each
// gated 0/1 metric, the smallest regression the suite can rule out and the cases a margin needs.
import { loadPolicyFile } from "../../app/compare/run-compare.js";
import { loadSuite } from "../../app/eval/load-suite.js";
import { createScorers } from "../../core/eval/scorers/registry.js";
import { planMargins, type GatePolicy, type MarginPlan } from "../../core/gate/index.js";
import { ConfigError } from "../../errors.js";
import type { CliContext } from "../context.js";

export async function runGatePlan(ctx: CliContext, values: Record<string, unknown>): Promise<number> {
  const suitePath = values.plan as string;
  const loaded = await loadSuite(suitePath, ctx.cwd);
  const policyFile = typeof values.policy === "string" ? values.policy : undefined;
  const policy: GatePolicy | undefined = policyFile ? (await loadPolicyFile(ctx.resolvePath(policyFile), policyFile, `policy file not found: ${ctx.resolvePath(policyFile)}`)).policy : loaded.suite.gate as GatePolicy | undefined;
  if (!policy) throw new ConfigError(`${loaded.displayFile}: this suite has no gate: key`, { hint: "add a gate: mapping to the suite or pass --policy FILE" });
  const types = new Map(createScorers(loaded.suite.scorers).map((s) => [s.name, s.type]));
  const plans = planMargins(policy, types, loaded.cases.count, loaded.suite.repeats);
  const undecidable = plans.filter((p) => !p.decidable);
  if (values.json) ctx.printJson({ suite: loaded.suite.name, cases: loaded.cases.count, repeats: loaded.suite.repeats, confidence: policy.confidence, margins: plans, decidable: undecidable.length === 0 });
  else ctx.stdout.write(`${renderPlan(loaded.displayFile, loaded.cases.count, loaded.suite.repeats, plans)}\n`);
  return undecidable.length ? 1 : 0;
}

function renderPlan(file: string, cases: number, repeats: number, plans: MarginPlan[]): string {
  const head = `${file}: ${cases} case(s) × ${repeats} repeat(s)`;
  if (plans.length === 0) return `${head}\nno gated absolute max_regression on a 0/1 metric with one repeat: nothing to size (continuous metrics and repeats are decided from the observed spread)`;
  return [head, ...plans.map((p) => `${p.decidable ? "ok  " : "TOO NARROW  "}${p.message}`)].join("\n");
}

#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  COMPARE_OPTIONS,
  loadPolicyFile,
  runCompare
} from "./chunk-U7V4P7FL.js";
import "./chunk-PL4RDUIU.js";
import "./chunk-CJUN5WKK.js";
import "./chunk-3EOHBWH5.js";
import "./chunk-7BB4NWCM.js";
import {
  createScorers,
  loadSuite,
  planMargins
} from "./chunk-4H2JUU47.js";
import "./chunk-6W2UH7JM.js";
import "./chunk-P72PG663.js";
import "./chunk-6OGLGLVE.js";
import "./chunk-OMAMCZPV.js";
import "./chunk-FEQYUUYF.js";
import "./chunk-XJB2EXL5.js";
import "./chunk-6IFSKJTY.js";
import "./chunk-SDLTUNJ6.js";
import "./chunk-6SZRFP6W.js";
import "./chunk-RXEJENBW.js";
import "./chunk-LXJ4T7MW.js";
import "./chunk-GUNOHTC3.js";
import "./chunk-YIDI3EDI.js";
import "./chunk-UO2TN4KU.js";
import "./chunk-EI544OTC.js";
import "./chunk-XYQJ7XHL.js";
import {
  cliParseConfig,
  renderCliHelp
} from "./chunk-KG2AKHTK.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import "./chunk-VQI3AYYW.js";
import "./chunk-U3RUJJS6.js";
import "./chunk-XQ6Z47X5.js";
import {
  ConfigError
} from "./chunk-LXVW643N.js";
import "./chunk-H2E2EDID.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/gate-plan.ts
async function runGatePlan(ctx, values) {
  const suitePath = values.plan;
  const loaded = await loadSuite(suitePath, ctx.cwd);
  const policyFile = typeof values.policy === "string" ? values.policy : void 0;
  const policy = policyFile ? (await loadPolicyFile(ctx.resolvePath(policyFile), policyFile, `policy file not found: ${ctx.resolvePath(policyFile)}`)).policy : loaded.suite.gate;
  if (!policy) throw new ConfigError(`${loaded.displayFile}: this suite has no gate: key`, { hint: "add a gate: mapping to the suite or pass --policy FILE" });
  const types = new Map(createScorers(loaded.suite.scorers).map((s) => [s.name, s.type]));
  const plans = planMargins(policy, types, loaded.cases.count, loaded.suite.repeats);
  const undecidable = plans.filter((p) => !p.decidable);
  if (values.json) ctx.printJson({ suite: loaded.suite.name, cases: loaded.cases.count, repeats: loaded.suite.repeats, confidence: policy.confidence, margins: plans, decidable: undecidable.length === 0 });
  else ctx.stdout.write(`${renderPlan(loaded.displayFile, loaded.cases.count, loaded.suite.repeats, plans)}
`);
  return undecidable.length ? 1 : 0;
}
function renderPlan(file, cases, repeats, plans) {
  const head = `${file}: ${cases} case(s) \xD7 ${repeats} repeat(s)`;
  if (plans.length === 0) return `${head}
no gated absolute max_regression on a 0/1 metric with one repeat: nothing to size (continuous metrics and repeats are decided from the observed spread)`;
  return [head, ...plans.map((p) => `${p.decidable ? "ok  " : "TOO NARROW  "}${p.message}`)].join("\n");
}

// src/cli/commands/gate.ts
var gateCommand = {
  name: "gate",
  maxPositionals: 0,
  summary: "decide pass/fail/inconclusive for a candidate run against a baseline under a policy",
  help: `
usage: llmops gate --baseline DIR --candidate DIR [--policy FILE] [--out DIR] [--json]
       llmops gate --plan SUITE [--policy FILE] [--json]

Compares the runs like "llmops compare" and decides from confidence bounds: PASS when every
gated check's interval clears its limit, FAIL when one lies wholly beyond it (or a floor is
broken), INCONCLUSIVE otherwise \u2014 with the number of cases or repeats that would likely decide.
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
  run: (ctx, { values }) => typeof values.plan === "string" ? runGatePlan(ctx, values) : runCompare(ctx, values, "gate")
};
export {
  gateCommand
};

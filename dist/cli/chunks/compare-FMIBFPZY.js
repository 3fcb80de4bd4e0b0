#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  COMPARE_OPTIONS,
  aggregateFor,
  computeArms,
  readEvalRun,
  runCompare
} from "./chunk-U7V4P7FL.js";
import "./chunk-PL4RDUIU.js";
import "./chunk-CJUN5WKK.js";
import {
  renderArmsMarkdown
} from "./chunk-3EOHBWH5.js";
import "./chunk-7BB4NWCM.js";
import {
  defaultPolicy
} from "./chunk-4H2JUU47.js";
import "./chunk-6W2UH7JM.js";
import "./chunk-P72PG663.js";
import "./chunk-6OGLGLVE.js";
import {
  armsFormat
} from "./chunk-466LK4FJ.js";
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
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import "./chunk-XQ6Z47X5.js";
import {
  InputError
} from "./chunk-LXVW643N.js";
import "./chunk-H2E2EDID.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/compare-arms.ts
import { basename } from "node:path";

// src/app/compare/run-arms.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
async function compareArms(o) {
  const runs = await Promise.all(o.arms.map((a, i) => readEvalRun(a.dir, i === 0 ? "control" : "arm")));
  runs.forEach((run, i) => {
    for (const w of run.warnings) o.logger.warn(`${o.arms[i].name}: ${w}`);
  });
  const defaults = defaultPolicy();
  const arms = computeArms(
    o.arms.map((a, i) => ({ name: a.name, run: runs[i] })),
    { confidence: defaults.confidence, resamples: defaults.bootstrap_resamples, seed: defaults.seed, aggregateFor, llmopsVersion: VERSION, createdAt: (/* @__PURE__ */ new Date()).toISOString() }
  );
  const text = armsFormat.serialize(arms);
  for (const [arm, ids] of Object.entries(arms.not_shared)) o.logger.warn(`${arm}: ${ids.length} case(s) not in every arm were left out`);
  const markdown = renderArmsMarkdown(arms);
  let files = null;
  if (o.outDir !== null) {
    await mkdir(o.outDir, { recursive: true });
    files = { arms: join(o.outDir, "arms.json"), report: join(o.outDir, "arms.md") };
    await writeFile(files.arms, text);
    await writeFile(files.report, markdown);
  }
  return { arms, markdown, files };
}

// src/cli/commands/compare-arms.ts
function parseArmSpec(spec, flag) {
  const eq = spec.indexOf("=");
  const name = eq > 0 ? spec.slice(0, eq) : basename(spec.replace(/[\\/]+$/, ""));
  const dir = eq > 0 ? spec.slice(eq + 1) : spec;
  if (!dir || !name) throw new InputError(`--${flag} ${JSON.stringify(spec)}: expected NAME=DIR or DIR`, { hint: "e.g. --arm concise=runs/concise" });
  return { name, dir };
}
async function runCompareArms(ctx, values) {
  for (const flag of ["baseline", "candidate", "policy"]) {
    if (values[flag] !== void 0) throw new InputError(`llmops compare: --${flag} cannot be combined with --control/--arm`, { hint: "a k-arm comparison takes --control [NAME=]DIR and one --arm [NAME=]DIR per variant; it compares and does not gate" });
  }
  if (typeof values.control !== "string" || values.control === "") throw new InputError("llmops compare: --arm needs --control [NAME=]DIR (the arm every variant is compared with)", { hint: 'run "llmops compare --help" for usage' });
  const armSpecs = values.arm ?? [];
  if (armSpecs.length === 0) throw new InputError("llmops compare: --control needs at least one --arm [NAME=]DIR", { hint: "e.g. llmops compare --control base=runs/base --arm concise=runs/concise --arm cot=runs/cot" });
  const arms = [parseArmSpec(values.control, "control"), ...armSpecs.map((s) => parseArmSpec(s, "arm"))].map((a) => ({ ...a, dir: ctx.resolvePath(a.dir) }));
  const seen = /* @__PURE__ */ new Set();
  for (const a of arms) {
    if (seen.has(a.name)) throw new InputError(`llmops compare: two arms are named ${JSON.stringify(a.name)}`, { hint: "name each arm: --arm NAME=DIR" });
    seen.add(a.name);
  }
  const outDir = typeof values.out === "string" ? ctx.resolvePath(values.out) : ctx.resolvePath(".llmops/comparison");
  const { arms: result, files } = await compareArms({ arms, outDir, logger: ctx.logger });
  if (files) ctx.logger.info(`wrote ${files.arms} and ${files.report}`);
  if (values.json) ctx.printJson(result);
  else {
    const lines = result.metrics.map((m) => `${m.name.padEnd(16)} ${m.verdict}`);
    ctx.stdout.write(`${result.shared_cases} shared cases, ${result.arms.length} arms (control ${result.arms[0].name}); Holm across ${result.holm_family} pairs \xD7 metrics
${lines.join("\n")}
`);
  }
  return 0;
}

// src/cli/commands/compare.ts
var compareCommand = {
  name: "compare",
  maxPositionals: 0,
  summary: "compare a candidate eval run with a baseline (paired statistics, flips, deltas)",
  help: `
usage: llmops compare --baseline DIR --candidate DIR [--policy FILE] [--out DIR] [--prompts-base REV] [--json]
       llmops compare --control [NAME=]DIR --arm [NAME=]DIR [--arm \u2026] [--out DIR] [--json]

Pairs the two runs' records by case id (repeats averaged within a case), and for every metric
reports the means, \u0394 with a paired interval and the p-value of the test it inverts (they never
disagree), Holm's adjusted p with its matching interval, n, the minimum detectable effect, cases
that broke or were fixed, and latency/token/cost deltas.

options:
${renderCliHelp(COMPARE_OPTIONS, { command: "compare" })}

Exit codes: 0 ok (or gate passed), 1 gate failed or invalid data, 2 bad arguments or policy, or a missing or empty run directory.
See docs/compare-and-gate.md.`,
  options: cliParseConfig(COMPARE_OPTIONS, "compare"),
  run: (ctx, { values }) => values.control !== void 0 || values.arm !== void 0 ? runCompareArms(ctx, values) : runCompare(ctx, values, "compare")
};
export {
  compareCommand
};

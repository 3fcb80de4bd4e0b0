// Shared by `llmops compare` and `llmops gate`: read both runs, load the policy, compare, write
// comparison.json and report.md, print a summary, and turn a blocking verdict into GateFailedError.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readEvalRun } from "../../adapters/fs/eval-run-reader.js";
import { aggregateForType, computeComparison, type Comparison, type LoadedRun } from "../../core/compare/index.js";
import { defaultGatePolicy, defaultPolicy, parseGatePolicy, type GatePolicy } from "../../core/gate/index.js";
import { buildCaseDetails, renderComment, type ReportRecord } from "../../core/report/index.js";
import { GateFailedError, InputError, exitCodeFor, formatError } from "../../errors.js";
import { VERSION } from "../../version.js";
import type { OptionSpec } from "../command.js";
import type { CliContext } from "../context.js";

export const compareOptions: OptionSpec = {
  baseline: { type: "string" },
  candidate: { type: "string" },
  policy: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
};

function required(values: Record<string, unknown>, name: string, cmd: string): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new InputError(`llmops ${cmd}: --${name} DIR is required`, { hint: `run "llmops ${cmd} --help" for usage` });
  return v;
}

function loadPolicy(ctx: CliContext, file: string): { policy: GatePolicy; source: string } {
  const path = ctx.resolvePath(file);
  if (!existsSync(path)) throw new InputError(`policy file not found: ${path}`, { hint: "pass a gate policy YAML file, or a suite file with a gate: key" });
  return parseGatePolicy(readFileSync(path, "utf8"), file);
}

export async function runCompare(ctx: CliContext, values: Record<string, unknown>, mode: "compare" | "gate"): Promise<number> {
  const baselineDir = required(values, "baseline", mode);
  const candidateDir = required(values, "candidate", mode);
  const policyFile = typeof values.policy === "string" ? values.policy : undefined;
  const loaded = policyFile ? loadPolicy(ctx, policyFile) : null;
  const [baseline, candidate] = await Promise.all([readEvalRun(ctx.resolvePath(baselineDir), "baseline"), readEvalRun(ctx.resolvePath(candidateDir), "candidate")]);
  for (const w of [...baseline.warnings, ...candidate.warnings]) ctx.logger.warn(w);

  const gate = loaded !== null || mode === "gate";
  const base = {
    aggregateFor: aggregateForType,
    llmopsVersion: VERSION,
    createdAt: new Date().toISOString(),
  };
  let comparison: Comparison;
  if (loaded) {
    comparison = computeComparison(baseline, candidate, { ...base, policy: loaded.policy, policySource: loaded.source, gate: true });
  } else {
    // No policy: compare with defaults; `gate` then applies the default rule to every shared metric.
    comparison = computeComparison(baseline, candidate, { ...base, policy: defaultPolicy(), policySource: "default", gate: false });
    if (gate) {
      const shared = comparison.metrics.filter((m) => m.n > 0).map((m) => m.name);
      const policy = defaultGatePolicy(shared);
      const source = "default (max_regression 0.02 on every metric both runs share)";
      comparison = computeComparison(baseline, candidate, { ...base, policy, policySource: source, gate: true });
    }
  }
  const outDir = typeof values.out === "string" ? ctx.resolvePath(values.out) : mode === "compare" ? ctx.resolvePath("comparison") : null;
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, "comparison.json"), `${JSON.stringify(comparison, null, 2)}\n`);
    const cases = buildCaseDetails(comparison, reportRecords(baseline), reportRecords(candidate));
    // report.md is the PR comment itself, as actions/compare writes it.
    writeFileSync(join(outDir, "report.md"), renderComment({ comparison, cases, context: {} }).markdown);
    ctx.logger.info(`wrote ${join(outDir, "comparison.json")} and report.md`);
  }
  if (values.json) ctx.printJson(comparison);
  else ctx.stdout.write(`${renderSummary(comparison)}\n`);

  const g = comparison.gate;
  if (g?.blocking) {
    const err = new GateFailedError(`gate ${g.verdict.toUpperCase()}${g.verdict === "inconclusive" ? " (inconclusive: fail in the policy)" : ""}:\n  ${g.reasons.join("\n  ")}`, {
      hint: g.verdict === "inconclusive" ? "add cases or repeats (see the estimates above), or set inconclusive: neutral|pass in the policy" : undefined,
    });
    // With --json, stdout already holds the comparison (verdict included): keep it one JSON
    // document, say the failure on stderr, and exit as the error class says.
    if (values.json) {
      ctx.stderr.write(`${formatError(err)}\n`);
      return exitCodeFor(err);
    }
    throw err;
  }
  return 0;
}

/** The records as the report renderers read them (the reader keeps every field of the file). */
function reportRecords(run: LoadedRun): ReportRecord[] {
  return run.records.map((r) => {
    const extra = r as Record<string, unknown>;
    return {
      case_id: r.case_id,
      repeat: r.repeat,
      input: typeof extra.input === "string" ? extra.input : "",
      expected: extra.expected ?? null,
      output: typeof extra.output === "string" ? extra.output : null,
      scores: r.scores,
      latency_ms: r.latency_ms,
      error: r.error,
    };
  });
}

/** A few lines for the terminal: one per metric, then the verdict. */
export function renderSummary(c: Comparison): string {
  const f = (x: number | null) => (x === null ? "–" : Number(x.toPrecision(4)).toString());
  const lines = c.metrics.map(
    (m) =>
      `${m.name.padEnd(16)} ${f(m.baseline.mean).padStart(8)} → ${f(m.candidate.mean).padStart(8)}  Δ ${f(m.delta).padStart(8)}  CI ${m.ci ? `[${f(m.ci[0])}, ${f(m.ci[1])}]` : "–"}  ${m.test} p=${f(m.p_value)}  n=${m.n}${m.broke !== null ? `  broke ${m.broke} fixed ${m.fixed}` : ""}`,
  );
  const os = c.one_sided;
  if (os.baseline_only.length || os.candidate_only.length) lines.push(`unpaired: ${os.baseline_only.length} baseline-only, ${os.candidate_only.length} candidate-only case(s)`);
  if (c.gate) lines.push(`gate: ${c.gate.verdict.toUpperCase()}${c.gate.reasons.length ? `\n  ${c.gate.reasons.join("\n  ")}` : ""}`);
  return lines.join("\n");
}

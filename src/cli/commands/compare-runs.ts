// Shared by `llmops compare` and `llmops gate`: the compare flow (src/app/compare/run-compare.ts,
// shared with actions/compare), then a printed summary, and a blocking verdict as GateFailedError.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { compareRuns, loadPolicyFile } from "../../app/compare/run-compare.js";
import { diffPrompts } from "../../app/prompts/diff-prompts.js";
import type { Comparison } from "../../core/compare/index.js";
import { GateFailedError, InputError, exitCodeFor, formatError } from "../../errors.js";
import type { CliContext } from "../context.js";

function required(values: Record<string, unknown>, name: string, cmd: string): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new InputError(`llmops ${cmd}: --${name} DIR is required`, { hint: `run "llmops ${cmd} --help" for usage` });
  return v;
}

export async function runCompare(ctx: CliContext, values: Record<string, unknown>, mode: "compare" | "gate"): Promise<number> {
  const baselineDir = required(values, "baseline", mode);
  const candidateDir = required(values, "candidate", mode);
  const policyFile = typeof values.policy === "string" ? values.policy : undefined;
  const policyPath = policyFile ? ctx.resolvePath(policyFile) : null;
  const loaded = policyFile && policyPath ? await loadPolicyFile(policyPath, policyFile, `policy file not found: ${policyPath}`) : null;
  if (ctx.resolvePath(baselineDir) === ctx.resolvePath(candidateDir)) {
    ctx.logger.warn(`--baseline and --candidate are the same run (${ctx.resolvePath(baselineDir)}): every difference is 0; pass the candidate's own --out directory`);
  }
  const outDir = typeof values.out === "string" ? ctx.resolvePath(values.out) : mode === "compare" ? ctx.resolvePath(".llmops/comparison") : null;
  const promptsBase = typeof values["prompts-base"] === "string" ? values["prompts-base"] : undefined;
  // The prompts this working tree changes against REV (compare only; the gate has no comment).
  const promptDiff = promptsBase !== undefined && existsSync(join(ctx.cwd, "prompts")) ? await diffPrompts({ cwd: ctx.cwd, base: promptsBase, paths: ["prompts"], suitesDir: join(ctx.cwd, "evals"), samples: 3 }) : undefined;
  const { comparison, files } = await compareRuns({
    baselineDir: ctx.resolvePath(baselineDir),
    candidateDir: ctx.resolvePath(candidateDir),
    policy: loaded,
    gate: mode === "gate",
    outDir,
    ...(promptDiff ? { promptDiff } : {}),
    logger: ctx.logger,
  });
  if (files) ctx.logger.info(`wrote ${files.comparison} and report.md`);
  if (values.json) ctx.printJson(comparison);
  else ctx.stdout.write(`${renderSummary(comparison)}\n`);

  const g = comparison.gate;
  if (g?.blocking) {
    const why = g.policy_source.startsWith("default") ? "INCONCLUSIVE blocks under the default policy" : `inconclusive: fail in ${g.policy_source}`;
    const err = new GateFailedError(`gate ${g.verdict.toUpperCase()}${g.verdict === "inconclusive" ? ` (${why})` : ""}:\n  ${g.reasons.join("\n  ")}`, {
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

/** A few lines for the terminal: one per metric, then the verdict. */
export function renderSummary(c: Comparison): string {
  const f = (x: number | null) => (x === null ? "–" : Number(x.toPrecision(4)).toString());
  const lines = c.metrics.map(
    (m) =>
      `${m.name.padEnd(16)} ${f(m.baseline.mean).padStart(8)} → ${f(m.candidate.mean).padStart(8)}  Δ ${f(m.delta).padStart(8)}  CI ${m.ci ? `[${f(m.ci[0])}, ${f(m.ci[1])}]` : "–"}  ${m.test} p=${f(m.p_value)}  n=${m.n}${m.broke !== null ? `  broke ${m.broke} fixed ${m.fixed}` : ""}`,
  );
  const os = c.one_sided;
  if (os.baseline_only.length || os.candidate_only.length) lines.push(`unpaired: ${os.baseline_only.length} baseline-only, ${os.candidate_only.length} candidate-only case(s)`);
  const unchanged = c.gate?.checks.find((k) => k.kind === "unchanged");
  if (c.gate) lines.push(`gate: ${c.gate.verdict.toUpperCase()}${unchanged ? ` (${unchanged.message})` : ""}${c.gate.reasons.length ? `\n  ${c.gate.reasons.join("\n  ")}` : ""}`);
  return lines.join("\n");
}

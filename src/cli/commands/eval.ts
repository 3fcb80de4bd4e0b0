// `llmops eval <suite.yaml>`: run a suite against an OpenAI-compatible server, write
// <out>/results.jsonl and <out>/summary.json, print the metric table.
import { assertSomeAnswered, planSuite, runSuite, type RunSuiteOptions } from "../../app/eval/run-suite.js";
import { abortOnSignals } from "../../app/process/abort-on-signals.js";
import { renderSummaryText } from "../../core/eval/render-summary.js";
import { InputError } from "../../errors.js";
import { requirePositional, type Command } from "../command.js";
import { EVAL_OPTIONS } from "../../core/options/eval.js";
import { cliParseConfig, readCliValues, renderCliHelp, type CliValuesOf } from "../../core/options/spec.js";
import type { TimeoutsConfig } from "../../core/eval/suite-schema.js";
import type { RunSummary } from "../../core/eval/types.js";
import { displayPath } from "./data-common.js";
import { mergeShards } from "../../app/eval/merge-shards.js";
import { parseShard } from "../../core/eval/shard.js";
import type { CliContext } from "../context.js";

async function runMerge(ctx: CliContext, values: Record<string, unknown>, dirs: string[]): Promise<number> {
  if (typeof values.out !== "string") throw new InputError("llmops eval merge: --out DIR is required (where the merged run goes)");
  const r = await mergeShards({ dirs, out: values.out, cwd: ctx.cwd });
  if (values.json) ctx.printJson({ out: r.outDir, shards: r.shards, records: r.records, summary: r.summary });
  else ctx.stdout.write(`${renderSummaryText(r.summary)}merged ${r.shards} shards, ${r.records} records → ${displayPath(ctx, r.outDir)}\n`);
  return 0;
}

export const evalCommand: Command = {
  name: "eval",
  summary: "run an eval suite against an OpenAI-compatible server",
  help: `
usage: llmops eval <suite.yaml> [options]
       llmops eval merge <shard-dir>… --out DIR

Runs every case × repeat of the suite against its target, streaming records to
<out>/results.jsonl (a killed run resumes where it stopped when run again) and
writing <out>/summary.json (means, standard errors, 95% intervals, latency,
tokens, cost, provenance).

options:
${renderCliHelp(EVAL_OPTIONS)}

\`llmops eval merge DIR… --out DIR\` joins the run directories of every shard 1..N of
one suite into one run (results in the suite's order, one summary), as if it had
run unsharded; it refuses overlapping or missing shards and shards of different
(or since changed) suites.
`,
  options: cliParseConfig(EVAL_OPTIONS),
  async run(ctx, { values, positionals }) {
    if (positionals[0] === "merge") return runMerge(ctx, values, positionals.slice(1));
    if (positionals.length > 1) {
      throw new InputError(`llmops eval: unexpected arguments ${positionals.slice(1).map((p) => JSON.stringify(p)).join(", ")} (it takes 1 suite file)`, { hint: 'run it once per suite; "llmops eval merge DIR… --out DIR" joins shards' });
    }
    const suitePath = requirePositional(this, positionals, "the suite file (e.g. evals/qa.yaml)");
    const v = readCliValues(EVAL_OPTIONS, values);
    const { concurrency, limit, "base-url": baseUrl } = v;
    const cacheDir = (values["cache-dir"] as string | undefined) ?? ctx.env.LLMOPS_CACHE_DIR;
    const options: RunSuiteOptions = {
      suitePath,
      cwd: ctx.cwd,
      ...(values.out ? { out: ctx.resolvePath(values.out as string) } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      ...(values.model ? { model: values.model as string } : {}),
      ...(values.variant ? { variant: values.variant as string } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(limit ? { limit } : {}),
      ...(typeof values.shard === "string" ? { shard: parseShard(values.shard) } : {}),
      ...timeoutOptions(v),
      ...(values["exact-percentiles"] ? { exactPercentiles: true } : {}),
      noCache: Boolean(values["no-cache"]),
      ...(cacheDir ? { cacheDir: ctx.resolvePath(cacheDir) } : {}),
      env: ctx.env,
      logger: ctx.logger,
      progress: ctx.progress,
    };
    if (values["dry-run"]) {
      const plan = await planSuite(options);
      if (values.json) ctx.printJson(plan);
      else {
        ctx.stdout.write(`${plan.requests} request(s): ${plan.cases} case(s) × ${plan.repeats} repeat(s) to ${plan.target.model} at ${plan.target.base_url} (${plan.target.api})\nfirst request, as it is sent:${plan.first_request ? ` POST ${plan.first_request.url}\n${JSON.stringify(plan.first_request.body, null, 2)}` : " none"}\n`);
        for (const j of plan.judges ?? []) ctx.stdout.write(`scorer ${j.scorer}, first request (first case, a placeholder output):${j.body ? ` POST ${j.url}\n${JSON.stringify(j.body, null, 2)}` : " none (the case has no reference)"}\n`);
      }
      return 0;
    }
    return abortOnSignals("interrupted", async (signal) => {
      const r = await runSuite({ ...options, signal });
      if (values.json) {
        ctx.printJson({ out: r.outDir, results: r.resultsPath, summary_path: r.summaryPath, summary: r.summary });
      } else {
        ctx.stdout.write(renderSummaryText(r.summary));
        const o = r.outcome;
        ctx.stdout.write(
          `requested ${o.requested}, from cache ${o.fromCache}, resumed ${o.reused}, ${renderNoise(r.summary)}; ${(r.wallMs / 1000).toFixed(1)}s\n` +
            `wrote ${displayPath(ctx, r.resultsPath)} and ${displayPath(ctx, r.summaryPath)}\n`,
        );
      }
      assertSomeAnswered(r);
      const errors = r.summary.counts.errors;
      if (errors > 0) ctx.logger.warn(`${errors} of ${r.summary.counts.records} records failed after retries; running the same command again retries only those`);
      return 0;
    });
  },
};

const TIMEOUT_PHASES = ["connect", "headers", "first_token", "idle", "request"] as const;

/** --timeout P=S (repeatable), --fixed-timeouts and --hedge as run-suite overrides. */
function timeoutOptions(values: CliValuesOf<typeof EVAL_OPTIONS>): Pick<RunSuiteOptions, "timeouts" | "hedge"> {
  const timeouts: Partial<TimeoutsConfig> = {};
  for (const item of values.timeout ?? []) {
    const m = /^([a-z_]+)=(.+)$/.exec(item.trim());
    const phase = m?.[1] as (typeof TIMEOUT_PHASES)[number] | undefined;
    const seconds = Number(m?.[2]);
    if (!m || !phase || !TIMEOUT_PHASES.includes(phase) || !Number.isFinite(seconds) || seconds <= 0) {
      throw new InputError(`--timeout must be PHASE=SECONDS with PHASE one of ${TIMEOUT_PHASES.join(", ")} and SECONDS > 0, got ${JSON.stringify(item)}`, {
        hint: "for example --timeout headers=10 --timeout idle=5",
      });
    }
    timeouts[`${phase}_s`] = seconds;
  }
  if (values["fixed-timeouts"]) timeouts.adaptive = false;
  const hedge = values.hedge;
  return {
    ...(Object.keys(timeouts).length ? { timeouts } : {}),
    ...(hedge === undefined ? {} : { hedge: hedge === "auto" ? "auto" : hedge === "on" }),
  };
}

/** "retries 7 (429 2, 5xx 3, deadline 2), abandoned 2 (first_token 2), hedges 1 (won 1)": how noisy the run was. */
function renderNoise(summary: RunSummary): string {
  const q = summary.requests;
  if (!q) return "retries 0";
  const byCause = (counts: Record<string, number>) => {
    const parts = Object.entries(counts).filter(([, n]) => n > 0);
    const total = parts.reduce((a, [, n]) => a + n, 0);
    return `${total}${parts.length ? ` (${parts.map(([k, n]) => `${k} ${n}`).join(", ")})` : ""}`;
  };
  const abandoned = Object.values(q.abandoned).some((n) => n > 0) ? `, abandoned ${byCause(q.abandoned)}` : "";
  const hedges = q.hedges.sent > 0 ? `, hedges ${q.hedges.sent} (won ${q.hedges.won})` : "";
  return `retries ${byCause(q.retries)}${abandoned}${hedges}`;
}

// `llmops eval <suite.yaml>`: run a suite against an OpenAI-compatible server, write
// <out>/results.jsonl and <out>/summary.json, print the metric table.
import { assertSomeAnswered, planSuite, runSuite, type RunSuiteOptions } from "../../app/eval/run-suite.js";
import { abortOnSignals } from "../../app/process/abort-on-signals.js";
import { renderSummaryText } from "../../core/eval/render-summary.js";
import { InputError } from "../../errors.js";
import { intOption, requirePositional, type Command } from "../command.js";
import { displayPath } from "./data-common.js";

export const evalCommand: Command = {
  name: "eval",
  maxPositionals: 1,
  summary: "run an eval suite against an OpenAI-compatible server",
  help: `
usage: llmops eval <suite.yaml> [options]

Runs every case × repeat of the suite against its target, streaming records to
<out>/results.jsonl (a killed run resumes where it stopped when run again) and
writing <out>/summary.json (means, standard errors, 95% intervals, latency,
tokens, cost, provenance).

options:
  --out DIR          run directory (default .llmops/eval/<suite name>)
  --base-url URL     override target.base_url (e.g. http://127.0.0.1:8000/v1)
  --model NAME       override target.model
  --concurrency N    override the suite's concurrency limit
  --limit N          evaluate only the first N cases
  --dry-run          print the plan and the first request; send nothing
  --no-cache         do not read or write the response cache
  --cache-dir DIR    response cache directory (default .llmops/cache; env LLMOPS_CACHE_DIR)
  --json             print the summary as JSON on stdout
  -q, --quiet        no progress or log lines
  -h, --help         this help
`,
  options: {
    out: { type: "string" },
    "base-url": { type: "string" },
    model: { type: "string" },
    concurrency: { type: "string" },
    limit: { type: "string" },
    "dry-run": { type: "boolean" },
    "no-cache": { type: "boolean" },
    "cache-dir": { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
  },
  async run(ctx, { values, positionals }) {
    const suitePath = requirePositional(this, positionals, "the suite file (e.g. evals/qa.yaml)");
    const concurrency = intOption(values, "concurrency");
    const limit = intOption(values, "limit");
    const baseUrl = values["base-url"] as string | undefined;
    if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
      throw new InputError(`--base-url must be an http(s) URL such as http://127.0.0.1:8000/v1, got ${JSON.stringify(baseUrl)}`);
    }
    const cacheDir = (values["cache-dir"] as string | undefined) ?? ctx.env.LLMOPS_CACHE_DIR;
    const options: RunSuiteOptions = {
      suitePath,
      cwd: ctx.cwd,
      ...(values.out ? { out: ctx.resolvePath(values.out as string) } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      ...(values.model ? { model: values.model as string } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(limit ? { limit } : {}),
      noCache: Boolean(values["no-cache"]),
      ...(cacheDir ? { cacheDir: ctx.resolvePath(cacheDir) } : {}),
      env: ctx.env,
      logger: ctx.logger,
      progress: ctx.progress,
    };
    if (values["dry-run"]) {
      const plan = await planSuite(options);
      if (values.json) ctx.printJson(plan);
      else ctx.stdout.write(`${plan.requests} request(s): ${plan.cases} case(s) × ${plan.repeats} repeat(s) to ${plan.target.model} at ${plan.target.base_url} (${plan.target.api})\nfirst request, as it is sent:${plan.first_request ? ` POST ${plan.first_request.url}\n${JSON.stringify(plan.first_request.body, null, 2)}` : " none"}\n`);
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
          `requested ${o.requested}, from cache ${o.fromCache}, resumed ${o.reused}, retries ${o.retries}; ${(r.wallMs / 1000).toFixed(1)}s\n` +
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

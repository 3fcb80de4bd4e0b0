// `llmops prompts <subcommand>`: lint, render and diff the prompt files (docs/prompts.md).
import { existsSync } from "node:fs";
import { loadSuite } from "../../app/eval/load-suite.js";
import { collectCases } from "../../core/eval/case-set.js";
import { diffPrompts } from "../../app/prompts/diff-prompts.js";
import { findSuiteFiles, lintPrompts, suiteUses } from "../../app/prompts/lint-prompts.js";
import { loadPromptFile } from "../../app/prompts/load-prompt-file.js";
import { didYouMean } from "../../core/config/suggest.js";
import { compilePrompt } from "../../core/eval/prompt.js";
import { describeVersion } from "../../core/prompts/prompt-file.js";
import { renderPromptDiffText } from "../../core/prompts/render-diff.js";
import { renderLintReport } from "../../core/prompts/render-lint.js";
import { renderAnnotation } from "../../core/report/escape-log.js";
import { InputError } from "../../errors.js";
import { intOption, type Command } from "../command.js";
import type { CliContext } from "../context.js";

type Values = Record<string, unknown>;

const SUBCOMMANDS: Record<string, { run: (ctx: CliContext, v: Values, rest: string[]) => Promise<number>; options: string[] }> = {
  lint: { run: runLint, options: ["json", "quiet", "suites"] },
  render: { run: runRender, options: ["json", "quiet", "suites", "case", "vars", "suite"] },
  diff: { run: runDiff, options: ["json", "quiet", "suites", "base", "samples"] },
};

export const promptsCommand: Command = {
  name: "prompts",
  summary: "lint, render and diff the prompt templates in prompts/ (variables, cases, token budgets)",
  help: `usage: llmops prompts <subcommand> [options]

subcommands:
  lint [PATH…]          check prompt files (default: prompts/): template syntax, variables used but not
                        declared or declared but unused, variables missing from or mistyped in the cases of
                        the suites that use each prompt, and the longest rendered case against each target's
                        context with max_tokens to spare (a real tokenizer); exit 1 on any error.
                        Under GitHub Actions each problem is also an annotation on its line.
  render PROMPT (--case ID [--suite FILE] | --vars JSON)
                        print the prompt rendered for one case of a suite that uses it, or for given variables
  diff --base REV [PATH…]
                        the prompts that differ from git revision REV: template diff, and the rendered diff
                        on sample cases (--samples N, default 3)

options:
  --suites DIR          where the eval suites are (default: evals/)
  --json                print the result as JSON
  -q, --quiet           print nothing but the result
`,
  options: {
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    suites: { type: "string" },
    case: { type: "string" },
    vars: { type: "string" },
    suite: { type: "string" },
    base: { type: "string" },
    samples: { type: "string" },
  },
  async run(ctx, { values, positionals }) {
    const [name, ...rest] = positionals;
    const sub = name === undefined ? undefined : SUBCOMMANDS[name];
    if (!sub) {
      throw new InputError(name === undefined ? "llmops prompts: missing subcommand" : `llmops prompts: unknown subcommand "${name}"${didYouMean(name, Object.keys(SUBCOMMANDS))}`, {
        hint: `one of: ${Object.keys(SUBCOMMANDS).join(", ")}`,
      });
    }
    for (const k of Object.keys(values)) {
      if (k !== "help" && values[k] !== undefined && !sub.options.includes(k)) throw new InputError(`llmops prompts ${name}: option --${k} does not apply here`, { hint: `run "llmops prompts --help"` });
    }
    return sub.run(ctx, values, rest);
  },
};

const suitesDir = (ctx: CliContext, v: Values) => ctx.resolvePath(typeof v.suites === "string" ? v.suites : "evals");

async function runLint(ctx: CliContext, v: Values, paths: string[]): Promise<number> {
  const report = await lintPrompts({ paths: paths.length ? paths : ["prompts"], suitesDir: suitesDir(ctx, v), cwd: ctx.cwd });
  if (v.json) ctx.printJson(report);
  else ctx.stdout.write(renderLintReport(report));
  if (ctx.env.GITHUB_ACTIONS === "true") {
    // Annotations are workflow commands of our own: written past the neutralising stream, with
    // every untrusted part encoded by renderAnnotation so none can start a command of its own.
    for (const f of [...report.prompts.flatMap((p) => p.findings), ...report.findings]) {
      process.stdout.write(`${renderAnnotation(f.severity, { file: f.file, line: f.line, col: f.col, title: `llmops prompts lint: ${f.rule}` }, f.hint ? `${f.message}\n${f.hint}` : f.message)}\n`);
    }
  }
  return report.errors > 0 ? 1 : 0;
}

async function runRender(ctx: CliContext, v: Values, rest: string[]): Promise<number> {
  const [promptArg, ...extra] = rest;
  if (promptArg === undefined || extra.length > 0) throw new InputError("llmops prompts render: name exactly one prompt file", { hint: "llmops prompts render prompts/qa.jinja --case 7" });
  if ((v.case === undefined) === (v.vars === undefined)) throw new InputError("llmops prompts render: give --case ID or --vars JSON (one of them)", { hint: `--vars '{"input": "2+2"}'` });
  const path = ctx.resolvePath(promptArg);
  if (!existsSync(path)) throw new InputError(`llmops prompts render: ${promptArg} does not exist`);
  const prompt = loadPromptFile(path, ctx.cwd);
  let vars: Record<string, unknown>;
  let label: string;
  if (typeof v.vars === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v.vars);
    } catch (err) {
      throw new InputError(`--vars is not JSON: ${err instanceof Error ? err.message : String(err)}`, { hint: `--vars '{"input": "2+2"}'` });
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new InputError("--vars must be a JSON object of template variables");
    vars = parsed as Record<string, unknown>;
    label = "--vars";
  } else {
    const id = String(v.case);
    const candidates = typeof v.suite === "string" ? [{ suite: await loadSuite(v.suite, ctx.cwd), label: v.suite }] : ((await suiteUses(findSuiteFiles(suitesDir(ctx, v)), ctx.cwd, [])).get(path) ?? []);
    if (candidates.length === 0) throw new InputError(`llmops prompts render: no suite under ${typeof v.suites === "string" ? v.suites : "evals/"} uses ${prompt.file}`, { hint: "name the suite with --suite FILE, or pass --vars JSON" });
    const all = await Promise.all(candidates.map(async (u) => ({ u, cases: await collectCases(u.suite.cases) })));
    const hit = all.map(({ u, cases }) => ({ u, c: cases.find((c) => c.id === id) })).find((x) => x.c);
    if (!hit) {
      const ids = all.flatMap(({ cases }) => cases.map((c) => c.id));
      throw new InputError(`llmops prompts render: no case "${id}" in ${candidates.map((u) => u.label).join(", ")}${didYouMean(id, ids)}`, { hint: `its cases start ${ids.slice(0, 5).join(", ")}` });
    }
    vars = hit.c!.input === undefined ? hit.c!.vars : { ...hit.c!.vars, input: hit.c!.input };
    label = `case "${id}" of ${hit.u.label}`;
  }
  const compiled = compilePrompt(prompt.spec, prompt.file, prompt.origins);
  const r = compiled.render(vars, { caseId: label, where: undefined });
  if (v.json) ctx.printJson({ prompt: prompt.file, version: prompt.version, semver: prompt.meta.semver ?? null, for: label, messages: r.messages, text: r.text });
  else {
    if (!v.quiet) ctx.stderr.write(`${prompt.file} ${describeVersion(prompt)}, ${label}:\n`);
    ctx.stdout.write(prompt.spec.kind === "template" ? `${r.text}\n` : `${r.messages.map((m) => `[${m.role}]\n${m.content}`).join("\n\n")}\n`);
  }
  return 0;
}

async function runDiff(ctx: CliContext, v: Values, paths: string[]): Promise<number> {
  if (typeof v.base !== "string" || v.base === "") throw new InputError("llmops prompts diff: --base REV is required", { hint: "llmops prompts diff --base origin/main" });
  const report = await diffPrompts({ cwd: ctx.cwd, base: v.base, paths: paths.length ? paths : ["prompts"], suitesDir: suitesDir(ctx, v), samples: intOption(v, "samples", 0) ?? 3 });
  if (v.json) ctx.printJson(report);
  else ctx.stdout.write(renderPromptDiffText(report));
  return 0;
}


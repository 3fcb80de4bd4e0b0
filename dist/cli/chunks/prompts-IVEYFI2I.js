#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  diffPrompts,
  findSuiteFiles,
  lintPrompts,
  suiteUses
} from "./chunk-PL4RDUIU.js";
import "./chunk-CJUN5WKK.js";
import {
  collectCases,
  compilePrompt,
  loadSuite
} from "./chunk-4H2JUU47.js";
import {
  describeVersion,
  loadPromptFile
} from "./chunk-6W2UH7JM.js";
import "./chunk-6OGLGLVE.js";
import {
  renderAnnotation
} from "./chunk-GJQNAOJI.js";
import "./chunk-FEQYUUYF.js";
import "./chunk-XJB2EXL5.js";
import "./chunk-6IFSKJTY.js";
import "./chunk-SDLTUNJ6.js";
import "./chunk-6SZRFP6W.js";
import "./chunk-LXJ4T7MW.js";
import "./chunk-GUNOHTC3.js";
import "./chunk-YIDI3EDI.js";
import "./chunk-UO2TN4KU.js";
import "./chunk-XYQJ7XHL.js";
import "./chunk-ID4IIHHH.js";
import "./chunk-O535G6Z6.js";
import "./chunk-VQI3AYYW.js";
import "./chunk-U3RUJJS6.js";
import {
  intOption
} from "./chunk-OYI2I6OM.js";
import {
  didYouMean
} from "./chunk-XQ6Z47X5.js";
import {
  InputError
} from "./chunk-LXVW643N.js";
import "./chunk-H2E2EDID.js";
import "./chunk-TQEUFEDE.js";

// src/cli/commands/prompts.ts
import { existsSync } from "node:fs";

// src/core/prompts/render-diff.ts
var v = (s) => s ? `sha256:${s.version.slice(0, 12)}${s.semver ? ` v${s.semver}` : ""}` : "none";
function renderPromptDiffText(r) {
  if (r.changes.length === 0) return `no prompt differs from ${r.base} (${r.base_commit.slice(0, 12)})
`;
  const out = [];
  for (const c of r.changes) {
    out.push(`== ${c.file} (${c.status}): ${v(c.base)} \u2192 ${v(c.head)}`, c.template_diff.replace(/\n+$/, ""));
    if (c.cases_from === null) out.push("(no sample cases: no suite uses this prompt and it has no examples:)");
    for (const x of c.rendered) out.push(x.changed ? `-- rendered, case ${x.case}${x.where ? ` (${x.where})` : ""}:
${x.diff.replace(/\n+$/, "")}` : `-- rendered, case ${x.case}: unchanged`);
    for (const n2 of c.notes) out.push(`note: ${n2}`);
    out.push("");
  }
  out.push(`${r.changes.length} prompt${r.changes.length === 1 ? " differs" : "s differ"} from ${r.base} (${r.base_commit.slice(0, 12)})`);
  return `${out.join("\n")}
`;
}

// src/core/prompts/render-lint.ts
var n = (x) => x.toLocaleString("en-US");
function renderFinding(f) {
  return `${f.file}:${f.line}:${f.col}: ${f.severity}: ${f.message} [${f.rule}]${f.hint ? `
    hint: ${f.hint}` : ""}`;
}
function renderBudget(b) {
  const head = `tokens, ${b.use} (${b.model}${b.tokenizer ? `; ${b.tokenizer}` : ""})`;
  if (!b.longest) return `${head}: ${b.note ?? "not counted"}`;
  const longest = `longest case "${b.longest.case}" ${n(b.longest.tokens)}`;
  if (b.context === null) return `${head}: ${longest}; ${b.note ?? "no context declared"}`;
  const total = b.longest.tokens + (b.max_tokens ?? 0);
  const verdict = b.spare >= 0 ? `${n(b.spare)} spare` : `${n(-b.spare)} OVER`;
  return `${head}: ${longest} + max_tokens ${n(b.max_tokens ?? 0)} = ${n(total)} of ${n(b.context)} \u2192 ${verdict}${b.note ? ` (${b.note})` : ""}`;
}
function renderLintReport(r) {
  const out = [];
  for (const p of r.prompts) {
    const version = p.version ? `sha256:${p.version.slice(0, 12)}${p.semver ? ` v${p.semver}` : ""}` : "unreadable";
    out.push(`${p.file}  ${version}${p.owner ? `  owner ${p.owner}` : ""}  ${p.uses.length ? `used by ${p.uses.join(", ")}` : "used by no suite"}`);
    for (const f of p.findings) out.push(`  ${renderFinding(f)}`);
    for (const b of p.budgets) out.push(`  ${renderBudget(b)}`);
  }
  for (const f of r.findings) out.push(renderFinding(f));
  const s = (k, w) => `${k} ${w}${k === 1 ? "" : "s"}`;
  out.push(`${s(r.prompts.length, "prompt")} against ${s(r.suites.length, "suite")}: ${s(r.errors, "error")}, ${s(r.warnings, "warning")}`);
  return `${out.join("\n")}
`;
}

// src/cli/commands/prompts.ts
var SUBCOMMANDS = {
  lint: { run: runLint, options: ["json", "quiet", "suites"] },
  render: { run: runRender, options: ["json", "quiet", "suites", "case", "vars", "suite"] },
  diff: { run: runDiff, options: ["json", "quiet", "suites", "base", "samples"] }
};
var promptsCommand = {
  name: "prompts",
  summary: "lint, render and diff the prompt templates in prompts/ (variables, cases, token budgets)",
  help: `usage: llmops prompts <subcommand> [options]

subcommands:
  lint [PATH\u2026]          check prompt files (default: prompts/): template syntax, variables used but not
                        declared or declared but unused, variables missing from or mistyped in the cases of
                        the suites that use each prompt, and the longest rendered case against each target's
                        context with max_tokens to spare (a real tokenizer); exit 1 on any error.
                        Under GitHub Actions each problem is also an annotation on its line.
  render PROMPT (--case ID [--suite FILE] | --vars JSON)
                        print the prompt rendered for one case of a suite that uses it, or for given variables
  diff --base REV [PATH\u2026]
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
    samples: { type: "string" }
  },
  async run(ctx, { values, positionals }) {
    const [name, ...rest] = positionals;
    const sub = name === void 0 ? void 0 : SUBCOMMANDS[name];
    if (!sub) {
      throw new InputError(name === void 0 ? "llmops prompts: missing subcommand" : `llmops prompts: unknown subcommand "${name}"${didYouMean(name, Object.keys(SUBCOMMANDS))}`, {
        hint: `one of: ${Object.keys(SUBCOMMANDS).join(", ")}`
      });
    }
    for (const k of Object.keys(values)) {
      if (k !== "help" && values[k] !== void 0 && !sub.options.includes(k)) throw new InputError(`llmops prompts ${name}: option --${k} does not apply here`, { hint: `run "llmops prompts --help"` });
    }
    return sub.run(ctx, values, rest);
  }
};
var suitesDir = (ctx, v2) => ctx.resolvePath(typeof v2.suites === "string" ? v2.suites : "evals");
async function runLint(ctx, v2, paths) {
  const report = await lintPrompts({ paths: paths.length ? paths : ["prompts"], suitesDir: suitesDir(ctx, v2), cwd: ctx.cwd });
  if (v2.json) ctx.printJson(report);
  else ctx.stdout.write(renderLintReport(report));
  if (ctx.env.GITHUB_ACTIONS === "true") {
    for (const f of [...report.prompts.flatMap((p) => p.findings), ...report.findings]) {
      process.stdout.write(`${renderAnnotation(f.severity, { file: f.file, line: f.line, col: f.col, title: `llmops prompts lint: ${f.rule}` }, f.hint ? `${f.message}
${f.hint}` : f.message)}
`);
    }
  }
  return report.errors > 0 ? 1 : 0;
}
async function runRender(ctx, v2, rest) {
  const [promptArg, ...extra] = rest;
  if (promptArg === void 0 || extra.length > 0) throw new InputError("llmops prompts render: name exactly one prompt file", { hint: "llmops prompts render prompts/qa.jinja --case 7" });
  if (v2.case === void 0 === (v2.vars === void 0)) throw new InputError("llmops prompts render: give --case ID or --vars JSON (one of them)", { hint: `--vars '{"input": "2+2"}'` });
  const path = ctx.resolvePath(promptArg);
  if (!existsSync(path)) throw new InputError(`llmops prompts render: ${promptArg} does not exist`);
  const prompt = loadPromptFile(path, ctx.cwd);
  let vars;
  let label;
  if (typeof v2.vars === "string") {
    let parsed;
    try {
      parsed = JSON.parse(v2.vars);
    } catch (err) {
      throw new InputError(`--vars is not JSON: ${err instanceof Error ? err.message : String(err)}`, { hint: `--vars '{"input": "2+2"}'` });
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new InputError("--vars must be a JSON object of template variables");
    vars = parsed;
    label = "--vars";
  } else {
    const id = String(v2.case);
    const candidates = typeof v2.suite === "string" ? [{ suite: await loadSuite(v2.suite, ctx.cwd), label: v2.suite }] : (await suiteUses(findSuiteFiles(suitesDir(ctx, v2)), ctx.cwd, [])).get(path) ?? [];
    if (candidates.length === 0) throw new InputError(`llmops prompts render: no suite under ${typeof v2.suites === "string" ? v2.suites : "evals/"} uses ${prompt.file}`, { hint: "name the suite with --suite FILE, or pass --vars JSON" });
    const all = await Promise.all(candidates.map(async (u) => ({ u, cases: await collectCases(u.suite.cases) })));
    const hit = all.map(({ u, cases }) => ({ u, c: cases.find((c) => c.id === id) })).find((x) => x.c);
    if (!hit) {
      const ids = all.flatMap(({ cases }) => cases.map((c) => c.id));
      throw new InputError(`llmops prompts render: no case "${id}" in ${candidates.map((u) => u.label).join(", ")}${didYouMean(id, ids)}`, { hint: `its cases start ${ids.slice(0, 5).join(", ")}` });
    }
    vars = hit.c.input === void 0 ? hit.c.vars : { ...hit.c.vars, input: hit.c.input };
    label = `case "${id}" of ${hit.u.label}`;
  }
  const compiled = compilePrompt(prompt.spec, prompt.file, prompt.origins);
  const r = compiled.render(vars, { caseId: label, where: void 0 });
  if (v2.json) ctx.printJson({ prompt: prompt.file, version: prompt.version, semver: prompt.meta.semver ?? null, for: label, messages: r.messages, text: r.text });
  else {
    if (!v2.quiet) ctx.stderr.write(`${prompt.file} ${describeVersion(prompt)}, ${label}:
`);
    ctx.stdout.write(prompt.spec.kind === "template" ? `${r.text}
` : `${r.messages.map((m) => `[${m.role}]
${m.content}`).join("\n\n")}
`);
  }
  return 0;
}
async function runDiff(ctx, v2, paths) {
  if (typeof v2.base !== "string" || v2.base === "") throw new InputError("llmops prompts diff: --base REV is required", { hint: "llmops prompts diff --base origin/main" });
  const report = await diffPrompts({ cwd: ctx.cwd, base: v2.base, paths: paths.length ? paths : ["prompts"], suitesDir: suitesDir(ctx, v2), samples: intOption(v2, "samples", 0) ?? 3 });
  if (v2.json) ctx.printJson(report);
  else ctx.stdout.write(renderPromptDiffText(report));
  return 0;
}
export {
  promptsCommand
};

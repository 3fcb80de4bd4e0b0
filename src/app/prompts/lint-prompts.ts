// `prompts lint`, the flow: find the prompt files, find the suites that use each (every variant),
// resolve each target's tokenizer, and lint every prompt against its uses (src/core/prompts/lint.ts).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { encodingForModel, loadTokenCounter } from "../../adapters/tokenizers/load-token-counter.js";
import { parseYamlSource } from "../../core/config/index.js";
import type { EvalCase } from "../../core/eval/cases.js";
import { collectCases } from "../../core/eval/case-set.js";
import { lintPrompt, type LintFinding, type PromptLintResult, type PromptUse } from "../../core/prompts/lint.js";
import type { PromptFile } from "../../core/prompts/prompt-file.js";
import type { TokenCounter } from "../../core/ports/tokenizer.js";
import { InputError, LlmopsError } from "../../errors.js";
import { loadSuite, type LoadedSuite } from "../eval/load-suite.js";
import { inspectPromptFile, PROMPT_EXTENSIONS } from "./load-prompt-file.js";

export interface LintReport {
  prompts: PromptLintResult[];
  /** Problems outside any prompt file (a suite that does not load). */
  findings: LintFinding[];
  suites: string[];
  errors: number;
  warnings: number;
}

const SKIP_DIRS = new Set(["node_modules", ".git", ".llmops"]);

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, keep, out);
    } else if (e.isFile() && keep(p)) out.push(p);
  }
  return out;
}

const isPromptExt = (p: string) => (PROMPT_EXTENSIONS as readonly string[]).includes(extname(p).toLowerCase());

/** Whether a YAML file is a prompt (messages/template) — not a sidecar, not some other YAML. */
function yamlIsPrompt(p: string): boolean {
  try {
    const v = parseYamlSource(readFileSync(p, "utf8"), p).value;
    return v !== null && typeof v === "object" && ("messages" in v || "template" in v);
  } catch {
    // An unreadable YAML beside no template is reported as a prompt (its error shows); a sidecar's error shows with its template.
    return !isSidecarOfSibling(p);
  }
}

function isSidecarOfSibling(yamlPath: string): boolean {
  const stem = yamlPath.replace(/\.ya?ml$/i, "");
  return [".jinja", ".j2", ".jinja2", ".txt", ".md"].some((e) => existsSync(stem + e));
}

/** The prompt files named by `paths` (files, or directories searched recursively). */
export function findPromptFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new InputError(`prompts lint: ${p} does not exist`, { hint: "name prompt files or directories (default: prompts/)" });
    if (statSync(abs).isDirectory()) {
      for (const f of walk(abs, isPromptExt)) {
        if (/\.ya?ml$/i.test(f) ? yamlIsPrompt(f) : true) out.push(f);
      }
    } else out.push(abs);
  }
  return [...new Set(out)];
}

/** Eval suite files under `dir`: YAML with `cases:` and `prompt:` at the top. */
export function findSuiteFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return walk(dir, (p) => /\.ya?ml$/i.test(p)).filter((p) => {
    try {
      const v = parseYamlSource(readFileSync(p, "utf8"), p).value;
      return v !== null && typeof v === "object" && "cases" in v && "prompt" in v;
    } catch {
      return false;
    }
  });
}

interface SuiteUse {
  suite: LoadedSuite;
  label: string;
}

/** Every (suite, variant) that loads, keyed by the absolute path of the prompt file it uses. */
/** `within`: every file a suite reads must resolve inside it (links followed), as under a yardstick. */
export async function suiteUses(suiteFiles: readonly string[], cwd: string, findings: LintFinding[], within?: string): Promise<Map<string, SuiteUse[]>> {
  const byPrompt = new Map<string, SuiteUse[]>();
  for (const file of suiteFiles) {
    const shown = relative(cwd, file) || file;
    let base: LoadedSuite;
    try {
      base = await loadSuite(file, cwd, undefined, within);
    } catch (err) {
      findings.push(suiteFinding(err, shown));
      continue;
    }
    const loads: SuiteUse[] = [{ suite: base, label: shown }];
    for (const v of base.suite.variants ?? []) {
      try {
        loads.push({ suite: await loadSuite(file, cwd, v.name, within), label: `${shown} --variant ${v.name}` });
      } catch (err) {
        findings.push(suiteFinding(err, shown));
      }
    }
    for (const u of loads) {
      if (!u.suite.promptFile) continue;
      const key = resolve(cwd, u.suite.promptFile.file);
      if (!byPrompt.has(key)) byPrompt.set(key, []);
      byPrompt.get(key)!.push(u);
    }
  }
  return byPrompt;
}

function suiteFinding(err: unknown, shown: string): LintFinding {
  if (!(err instanceof LlmopsError)) throw err;
  const m = /^(.*?):(\d+)(?::(\d+))?: ([\s\S]*)$/.exec(err.message);
  return m
    ? { severity: "error", rule: "config", file: m[1]!, line: Number(m[2]), col: Number(m[3] ?? 1), message: m[4]!, hint: err.hint }
    : { severity: "error", rule: "config", file: shown, line: 1, col: 1, message: err.message, hint: err.hint };
}

async function counterFor(spec: string | undefined, baseDir: string, cwd: string, where: string, model: string): Promise<{ counter: TokenCounter | null; reason?: string }> {
  if (spec !== undefined) return { counter: await loadTokenCounter(spec, baseDir, cwd, where) };
  if (await encodingForModel(model)) return { counter: await loadTokenCounter(model, baseDir, cwd, where) };
  return { counter: null, reason: `no tokenizer: set target.tokenizer in the suite (or model.tokenizer in the prompt); "${model}" is not an OpenAI model name` };
}

async function toUse(prompt: PromptFile, u: SuiteUse, cwd: string): Promise<PromptUse> {
  const t = u.suite.suite.target;
  const hints = prompt.meta.model ?? {};
  const suiteSpec = t.tokenizer;
  const { counter, reason } = await counterFor(suiteSpec ?? hints.tokenizer, suiteSpec !== undefined ? dirname(u.suite.file) : dirname(resolve(cwd, prompt.file)), cwd, suiteSpec !== undefined ? `${u.label}: target.tokenizer` : `${prompt.file}: model.tokenizer`, t.model);
  return {
    label: u.label,
    cases: await collectCases(u.suite.cases),
    api: t.api,
    model: t.model,
    maxTokens: t.params.max_tokens ?? hints.max_tokens ?? null,
    context: t.context ?? t.serve?.ctx ?? hints.context ?? null,
    counter,
    noCounterReason: reason,
  };
}

/** The prompt's own examples as a use, for a prompt no suite uses. */
async function exampleUse(prompt: PromptFile, cwd: string): Promise<PromptUse | null> {
  const hints = prompt.meta.model ?? {};
  const examples = prompt.meta.examples ?? [];
  if (examples.length === 0 && hints.context === undefined) return null;
  const cases: EvalCase[] = examples.map((vars, i) => {
    const pos = prompt.metaDoc?.locate(["examples", i]) ?? { line: 1, col: 1 };
    return { id: `example-${i + 1}`, input: undefined, vars, expected: null, tags: [], where: `${prompt.metaDoc?.file ?? prompt.file}:${pos.line}:${pos.col}` } as EvalCase;
  });
  const model = hints.tokenizer ?? "(the prompt's model hints)";
  const { counter, reason } = hints.tokenizer !== undefined ? await counterFor(hints.tokenizer, dirname(resolve(cwd, prompt.file)), cwd, `${prompt.file}: model.tokenizer`, model) : { counter: null, reason: "no tokenizer: set model.tokenizer in the prompt" };
  return { label: `${prompt.file} examples`, cases, api: hints.api ?? "chat", model, maxTokens: hints.max_tokens ?? null, context: hints.context ?? null, counter, noCounterReason: reason };
}

export async function lintPrompts(opts: { paths: readonly string[]; suitesDir: string; cwd: string }): Promise<LintReport> {
  const files = findPromptFiles(opts.paths, opts.cwd);
  const findings: LintFinding[] = [];
  const suiteFiles = findSuiteFiles(opts.suitesDir);
  const uses = await suiteUses(suiteFiles, opts.cwd, findings);
  const prompts: PromptLintResult[] = [];
  const promptShown = new Set<string>();
  for (const path of files) {
    const { file, problems, source } = inspectPromptFile(path, opts.cwd);
    promptShown.add(source.file);
    if (source.sidecar) promptShown.add(source.sidecar.file);
    if (!file) {
      prompts.push({ file: source.file, version: "", semver: null, owner: null, description: null, variables: { required: [], optional: [] }, uses: [], budgets: [], findings: problems.map((p) => ({ severity: "error", rule: "config", ...p })) });
      continue;
    }
    const mine = uses.get(path) ?? [];
    const promptUses: PromptUse[] = [];
    for (const u of mine) {
      try {
        promptUses.push(await toUse(file, u, opts.cwd));
      } catch (err) {
        findings.push(suiteFinding(err, u.label));
      }
    }
    if (promptUses.length === 0) {
      const own = await exampleUse(file, opts.cwd).catch((err: unknown) => {
        findings.push(suiteFinding(err, file.file));
        return null;
      });
      if (own) promptUses.push(own);
    }
    prompts.push(lintPrompt(file, problems, promptUses));
  }
  // A suite that fails only because of a prompt linted here repeats that prompt's finding: keep one.
  const own = new Set(prompts.flatMap((p) => p.findings.map((f) => `${f.file}:${f.line}:${f.col}`)));
  const outside = dedupe(findings.filter((f) => !(promptShown.has(f.file) && own.has(`${f.file}:${f.line}:${f.col}`))));
  const all = [...prompts.flatMap((p) => p.findings), ...outside];
  return {
    prompts,
    findings: outside,
    suites: suiteFiles.map((f) => relative(opts.cwd, f) || f),
    errors: all.filter((f) => f.severity === "error").length,
    warnings: all.filter((f) => f.severity === "warning").length,
  };
}

function dedupe(fs: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const k = `${f.file}:${f.line}:${f.col}:${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}


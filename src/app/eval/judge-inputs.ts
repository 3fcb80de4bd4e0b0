// What a suite's judge scorers read from disk: their prompts (a file or inline, as a suite names its
// own prompt, or the built-in template under templates/judges/) and their calibration labels.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourcedDocument } from "../../core/config/index.js";
import { judgeLabelsFormat } from "../../core/contracts/judge-labels.js";
import { sha256 } from "../../core/eval/hash.js";
import type { LoadedJudgePrompt } from "../../core/eval/judge/prompt.js";
import type { HumanLabels } from "../../core/eval/judge/summarize.js";
import { PAIRWISE_CATEGORIES } from "../../core/eval/scorers/judge-pairwise.js";
import type { SuiteConfig } from "../../core/eval/suite-schema.js";
import { ConfigError, DataInvalidError } from "../../errors.js";
import { loadPrompt } from "./load-suite.js";
import { loadPromptFile } from "../prompts/load-prompt-file.js";

const BUILTIN: Record<string, string> = { judge_rubric: "rubric.jinja", judge_pairwise: "pairwise.jinja" };

/** templates/judges/ of the llmops package this code runs from (the repository, the npm package, or an action's checkout). */
export function builtinJudgeDir(): string {
  for (let d = dirname(fileURLToPath(import.meta.url)); ; d = dirname(d)) {
    const candidate = join(d, "templates", "judges");
    if (existsSync(join(d, "package.json")) && existsSync(candidate)) return candidate;
    if (dirname(d) === d) throw new ConfigError("the built-in judge templates (templates/judges/) are missing from this llmops installation", { hint: "reinstall llmops, or give each judge scorer its own prompt: {file: …}" });
  }
}

interface JudgeScorerConfig {
  type: string;
  name?: string;
  prompt?: SuiteConfig["prompt"];
  scale?: number | "pass_fail";
  calibration?: { labels: string; min_kappa: number };
  loaded_prompt?: LoadedJudgePrompt;
}

/**
 * Load each judge scorer's prompt into its configuration (`loaded_prompt`) and read its human
 * labels; returns the labels by metric name.
 */
export function loadJudgeInputs(suite: SuiteConfig, doc: SourcedDocument, file: string, displayFile: string, cwd: string, contain: (path: string, what: string) => void): Map<string, HumanLabels> {
  const labels = new Map<string, HumanLabels>();
  const base = dirname(file);
  suite.scorers.forEach((sc, i) => {
    const c = sc as unknown as JudgeScorerConfig;
    if (!(c.type in BUILTIN)) return;
    if (c.prompt !== undefined) {
      const { prompt, origins } = loadPrompt(c.prompt, base, displayFile, doc, cwd, contain, ["scorers", i, "prompt"]);
      const source = typeof c.prompt === "object" && c.prompt.file !== undefined ? relative(cwd, resolve(base, c.prompt.file)) || c.prompt.file : "inline";
      c.loaded_prompt = { spec: prompt, source, origins };
    } else {
      // A built-in template is a prompt file like any other (front matter, variables), read by the prompts' one loader.
      const builtin = loadPromptFile(join(builtinJudgeDir(), BUILTIN[c.type]!), cwd);
      c.loaded_prompt = { spec: builtin.spec, source: `builtin:${BUILTIN[c.type]!}`, origins: builtin.origins };
    }
    if (c.calibration) {
      const pos = doc.locate(["scorers", i, "calibration", "labels"]);
      const where = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].calibration.labels`;
      labels.set(c.name ?? c.type, readLabels(resolve(base, c.calibration.labels), relative(cwd, resolve(base, c.calibration.labels)) || c.calibration.labels, where, c, contain));
    }
  });
  return labels;
}

/** The category index of a human label under a scorer's scale, or an error message. */
export function labelIndex(c: { type: string; scale?: number | "pass_fail" }, label: number | string): number | string {
  if (c.type === "judge_pairwise") {
    const s = String(label).toLowerCase();
    const alias: Record<string, string> = { candidate: "output", baseline: "reference", expected: "reference" };
    const i = PAIRWISE_CATEGORIES.indexOf((alias[s] ?? s) as (typeof PAIRWISE_CATEGORIES)[number]);
    return i >= 0 ? i : `label ${JSON.stringify(label)} is not one of output, reference, tie`;
  }
  if (c.scale === "pass_fail") {
    const s = String(label).toLowerCase();
    if (s === "pass" || s === "1" || s === "true") return 1;
    if (s === "fail" || s === "0" || s === "false") return 0;
    return `label ${JSON.stringify(label)} is neither "pass" nor "fail"`;
  }
  const n = typeof label === "number" ? label : Number(label);
  const scale = c.scale ?? 5;
  return Number.isInteger(n) && n >= 1 && n <= scale ? n - 1 : `label ${JSON.stringify(label)} is not an integer from 1 to ${scale}`;
}

function readLabels(path: string, shown: string, where: string, c: JudgeScorerConfig, contain: (path: string, what: string) => void): HumanLabels {
  if (!existsSync(path) || statSync(path).isDirectory()) throw new ConfigError(`${where}: labels file not found: ${shown}`, { hint: 'paths are relative to the suite file; the file holds one {"case_id": …, "label": …} per line' });
  contain(path, where);
  const bytes = readFileSync(path);
  const labels = new Map<string, number>();
  const lines = bytes.toString("utf8").split("\n");
  lines.forEach((line, n) => {
    if (line.trim() === "") return;
    const at = `${shown}:${n + 1}`;
    let l;
    try {
      l = judgeLabelsFormat.parse(line, at);
    } catch (err) {
      // A person's file: a configuration error (exit 2) that names the line.
      if (err instanceof DataInvalidError) throw new ConfigError(err.message, err.hint ? { hint: err.hint } : {});
      throw err;
    }
    const idx = labelIndex(c, l.label);
    if (typeof idx === "string") throw new ConfigError(`${at}: ${idx}`, { hint: c.type === "judge_pairwise" ? "pairwise labels say which answer a person preferred: output, reference or tie" : c.scale === "pass_fail" ? 'use "pass" or "fail"' : `use the rubric's scale, 1 to ${c.scale ?? 5}` });
    if (labels.has(l.case_id)) throw new ConfigError(`${at}: case "${l.case_id}" is labelled twice`, { hint: "keep one label per case (the agreement statistic compares one human verdict with the judge's)" });
    labels.set(l.case_id, idx);
  });
  if (labels.size === 0) throw new ConfigError(`${where}: ${shown} holds no labels`, { hint: 'add one {"case_id": …, "label": …} per line' });
  return { file: shown, sha256: sha256(bytes), labels, minKappa: c.calibration!.min_kappa };
}

// Load an eval suite from disk: the YAML (validated with positions), its cases (inline, JSONL,
// .jsonl.gz or Parquet, scanned as a stream and never held) and its prompt (inline or a file under prompts/), with content hashes for
// provenance.
import { collectGarbage } from "../process/collect-garbage.js";
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { didYouMean, parseYamlSource, validateConfig, type SourcedDocument } from "../../core/config/index.js";
import { createScorers } from "../../core/eval/scorers/registry.js";
import { planMargins, type GatePolicy } from "../../core/gate/index.js";
import { toCase } from "../../core/eval/cases.js";
import { caseSetOf, scanCases, take, type CaseSet } from "../../core/eval/case-set.js";
import { sha256AndLines } from "../fs/sha256-file.js";
import { caseFileReader, isPlainJsonl } from "./case-files.js";
import { sha256 } from "../../core/eval/hash.js";
import { stableStringify } from "../../core/stable-json.js";
import type { PromptSpec, TemplateOrigin } from "../../core/eval/prompt.js";
import { suiteSchema, type SuiteConfig } from "../../core/eval/suite-schema.js";
import type { PromptFile } from "../../core/prompts/prompt-file.js";
import { loadPromptFile } from "../prompts/load-prompt-file.js";
import { ConfigError, InputError } from "../../errors.js";
import type { HumanLabels } from "../../core/eval/judge/summarize.js";
import { loadJudgeInputs } from "./judge-inputs.js";

export interface LoadedSuite {
  file: string;
  /** The file as the user named it, relative to the working directory when possible. */
  displayFile: string;
  suite: SuiteConfig;
  /** Streamed, never held: read them with cases.stream(). */
  cases: CaseSet;
  prompt: PromptSpec;
  /** Where each prompt template starts, for file:line:col in template errors. */
  promptOrigins: TemplateOrigin[];
  /** The prompt file (its configuration and version) when the prompt is one; null for an inline prompt. */
  promptFile: PromptFile | null;
  hashes: { suite: string; dataset: string; prompt: string };
  /** The variant applied (its prompt and target replace the suite's), or null. */
  variant: string | null;
  /** Problems that do not stop a run (an undecidable gate margin, duplicate cases), to log. */
  warnings: string[];
  /** Human labels of judge scorers with `calibration`, by metric name (docs/judges.md). */
  judgeLabels: Map<string, HumanLabels>;
}

/**
 * `within`: a directory every file the suite reads must stay inside once links are resolved — the
 * checkout of an untrusted pull request, whose suite is read as data only, so that neither a `../`
 * path nor a committed symbolic link can make the trusted run read a file of the runner's.
 */
export async function loadSuite(path: string, cwd: string, variant?: string, within?: string): Promise<LoadedSuite> {
  const file = resolve(cwd, path);
  const displayFile = relative(cwd, file) || file;
  if (!existsSync(file)) throw new InputError(`suite file not found: ${displayFile}`, { hint: "pass the path of an evals/<name>.yaml file" });
  if (statSync(file).isDirectory()) throw new InputError(`${displayFile} is a directory, not a suite file`, { hint: "pass the path of an evals/<name>.yaml file" });
  const contain = (p: string, what: string) => {
    if (within !== undefined) assertInside(p, within, what);
  };
  contain(file, displayFile);
  const text = readFileSync(file, "utf8");
  const doc = parseYamlSource(text, displayFile);
  const suite = validateConfig(suiteSchema, doc, "eval suite");
  const base = dirname(file);
  const promptPath = applyVariant(suite, variant, doc, displayFile);

  let scanned: Awaited<ReturnType<typeof scanCases>>;
  let datasetHash: string;
  if (Array.isArray(suite.cases)) {
    const inline = suite.cases.map((c, i) => {
      const pos = doc.locate(["cases", i]);
      return toCase(c, `${displayFile}:${pos.line}:${pos.col}`);
    });
    datasetHash = sha256(stableStringify(suite.cases));
    scanned = await caseSetOf(inline);
  } else {
    const pos = doc.locate(["cases", "file"]);
    const dataPath = resolve(base, suite.cases.file);
    const shown = relative(cwd, dataPath) || dataPath;
    if (!existsSync(dataPath)) {
      throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: dataset not found: ${shown}`, { hint: "paths are relative to the suite file" });
    }
    if (statSync(dataPath).isDirectory()) throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: cases.file: ${shown} is a directory, not a JSONL or Parquet file`);
    contain(dataPath, `${displayFile}:${pos.line}:${pos.col}: cases.file`);
    const read = caseFileReader(dataPath, shown);
    const limit = suite.cases.limit;
    // One read of the file gives its hash and, for plain JSONL, its line count: the scan's tables
    // are then sized once (a line is at most one case).
    const { hash, lines } = await sha256AndLines(dataPath, isPlainJsonl(dataPath));
    datasetHash = hash;
    const expected = lines === undefined ? undefined : limit === undefined ? lines : Math.min(lines, limit);
    // Files that could hold more than 64k cases are read with a collection every 64k (collectingEvery).
    const source = expected === undefined || expected > GC_EVERY_CASES ? () => collectingEvery(read(), GC_EVERY_CASES) : read;
    scanned = await scanCases(() => take(source(), limit), expected !== undefined && expected > 1024 ? expected : undefined);
    // The runs read the file without the scan's collections: in a run, V8 and the heap cap
    // (capHeapGrowth) collect, and a generator less a case is a promise less a case.
    scanned = { ...scanned, set: { ...scanned.set, stream: () => take(read(), limit) } };
    // The scan's repeated-inputs table (as large as the ids table: 25 MB at a million cases) is
    // garbage now: freed before the run starts, not at V8's next full collection.
    if (scanned.set.ids.bytes >= 4 << 20) collectGarbage();
    if (scanned.set.count === 0) throw new ConfigError(`${shown}: no cases in the file`, { hint: "add at least one JSON line {\"id\": …, \"input\": …, \"expected\": …}" });
  }
  const cases = scanned.set;

  suite.scorers.forEach((sc, i) => {
    const c = sc as { type: string; schema_file?: string; schema?: unknown };
    if (c.type !== "json_schema" || c.schema_file === undefined) return;
    const pos = doc.locate(["scorers", i, "schema_file"]);
    const where = `${displayFile}:${pos.line}:${pos.col}: scorers[${i}].schema_file`;
    const path = resolve(base, c.schema_file);
    if (!existsSync(path)) throw new ConfigError(`${where}: not found: ${c.schema_file}`, { hint: "paths are relative to the suite file" });
    contain(path, where);
    const text = readFileSync(path, "utf8");
    let schema: unknown;
    try {
      schema = /\.ya?ml$/i.test(path) ? parseYamlSource(text, c.schema_file).value : JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${where}: ${c.schema_file} is not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (schema === null || typeof schema !== "object" || Array.isArray(schema)) throw new ConfigError(`${where}: ${c.schema_file} must hold a JSON Schema object`);
    c.schema = schema;
  });

  const judgeLabels = loadJudgeInputs(suite, doc, file, displayFile, cwd, contain);
  const warnings = [...scanned.warnings, ...(suite.gate ? checkSuiteGate(suite, cases.count, doc, displayFile) : [])];
  const { prompt, origins: promptOrigins, file: promptFile } = loadPrompt(suite.prompt, base, displayFile, doc, cwd, contain, promptPath);
  return {
    file,
    displayFile,
    suite,
    cases,
    prompt,
    promptOrigins,
    promptFile: promptFile ?? null,
    hashes: { suite: sha256(text), dataset: datasetHash, prompt: sha256(stableStringify(prompt)) },
    variant: variant ?? null,
    warnings,
    judgeLabels,
  };
}

/**
 * The suite's own gate: every gated metric must be one of its scorers (a typo is a configuration
 * error here, not a FAIL at compare time), and each margin is sized against the suite: a margin
 * narrower than the suite can resolve is a warning with the numbers.
 */
function checkSuiteGate(suite: SuiteConfig, cases: number, doc: SourcedDocument, displayFile: string): string[] {
  const gate = suite.gate!;
  const types = new Map(createScorers(suite.scorers).map((s) => [s.name, s.type]));
  for (const name of Object.keys(gate.metrics)) {
    if (types.has(name)) continue;
    const pos = doc.locate(["gate", "metrics", name], "key");
    throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: gate.metrics.${name}: no scorer of this suite is named "${name}"${didYouMean(name, [...types.keys()])}`, {
      hint: `gate on one of the suite's metrics: ${[...types.keys()].join(", ")}`,
    });
  }
  return planMargins(gate as GatePolicy, types, cases, suite.repeats)
    .filter((p) => !p.decidable)
    .map((p) => {
      const pos = doc.locate(["gate", "metrics", p.metric, "max_regression"]);
      return `${displayFile}:${pos.line}:${pos.col}: gate.metrics.${p.message}; until then the gate is INCONCLUSIVE on every change short of none ("llmops gate --plan ${displayFile}" sizes it)`;
    });
}

/**
 * Apply `--variant NAME` in place: its prompt replaces the suite's, its model, base_url and params
 * override the target's. Returns the YAML path of the prompt in force (for file:line:col).
 */
function applyVariant(suite: SuiteConfig, name: string | undefined, doc: SourcedDocument, displayFile: string): (string | number)[] {
  const variants = suite.variants ?? [];
  variants.forEach((v, i) => {
    const first = variants.findIndex((w) => w.name === v.name);
    if (first !== i) {
      const pos = doc.locate(["variants", i, "name"]);
      throw new ConfigError(`${displayFile}:${pos.line}:${pos.col}: variants[${i}].name: "${v.name}" is already the name of variants[${first}]`, { hint: "give each variant its own name" });
    }
  });
  if (name === undefined) return ["prompt"];
  const i = variants.findIndex((v) => v.name === name);
  if (i < 0) {
    const known = variants.map((v) => v.name);
    throw new ConfigError(`${displayFile}: no variant named "${name}"${didYouMean(name, known)}`, { hint: known.length ? `the suite's variants: ${known.join(", ")}` : "declare variants: [{name, prompt, model, params}] in the suite" });
  }
  const v = variants[i]!;
  if (v.prompt !== undefined) suite.prompt = v.prompt;
  suite.target = {
    ...suite.target,
    model: v.model ?? suite.target.model,
    base_url: v.base_url ?? suite.target.base_url,
    params: { ...suite.target.params, ...v.params, extra: { ...suite.target.params.extra, ...v.params.extra } },
  };
  return v.prompt !== undefined ? ["variants", i, "prompt"] : ["prompt"];
}

export function loadPrompt(p: SuiteConfig["prompt"], base: string, displayFile: string, doc: SourcedDocument, cwd: string, contain: (path: string, what: string) => void, at0: (string | number)[] = ["prompt"]): { prompt: PromptSpec; origins: TemplateOrigin[]; file?: PromptFile } {
  const pos = doc.locate(at0);
  const where = `${displayFile}:${pos.line}:${pos.col}`;
  const at = (path: (string | number)[]): TemplateOrigin => ({ file: displayFile, ...doc.locate(path) });
  if (typeof p === "string") return { prompt: { kind: "template", template: p }, origins: [at(at0)] };
  const given = [p.template, p.messages, p.file].filter((x) => x !== undefined).length;
  if (given !== 1) throw new ConfigError(`${where}: prompt: give exactly one of "template", "messages" or "file"`);
  if (p.template !== undefined) return { prompt: { kind: "template", template: p.template }, origins: [at([...at0, "template"])] };
  if (p.messages !== undefined) return { prompt: { kind: "messages", messages: p.messages }, origins: p.messages.map((_, i) => at([...at0, "messages", i, "content"])) };
  const path = resolve(base, p.file!);
  if (!existsSync(path)) throw new ConfigError(`${where}: prompt.file: not found: ${p.file}`, { hint: "paths are relative to the suite file, e.g. ../prompts/qa.jinja" });
  contain(path, `${where}: prompt.file`);
  const loaded = loadPromptFile(path, cwd, contain);
  return { prompt: loaded.spec, origins: loaded.origins, file: loaded };
}

/** Refuses a file whose real path (links resolved) lies outside `root`'s real path. */
export function assertInside(path: string, root: string, what: string): void {
  const real = realpathSync(path);
  const top = realpathSync(root);
  if (real !== top && !real.startsWith(top + sep)) {
    throw new ConfigError(`${what}: ${relative(root, path) || path} resolves outside ${root} (to ${real}); a pull request's suite may only read its own files`, {
      hint: "name files inside the repository with relative paths, and commit files rather than symbolic links to them",
    });
  }
}

/**
 * The items of a stream, with a full garbage collection after every `n`: the scan parses every case
 * and keeps only digests, but V8 let that garbage grow the heap to 55–88 MB (14 MB live) before
 * collecting, and that growth was eval's peak RSS at a million cases. Only the scan: during the run a
 * collection every 4k–16k records cost far more CPU than it saved (the run has capHeapGrowth). The
 * scan under capHeapGrowth instead (a check every 250 ms) peaked at 223–228 MB against 167 MB: it makes
 * garbage faster than the timer looks (`llmops eval <1M-case suite> --dry-run`, /usr/bin/time).
 */
const GC_EVERY_CASES = 1 << 16;

async function* collectingEvery<T>(items: AsyncIterable<T>, n: number): AsyncGenerator<T> {
  let i = 0;
  for await (const item of items) {
    yield item;
    if (++i % n === 0) collectGarbage();
  }
}

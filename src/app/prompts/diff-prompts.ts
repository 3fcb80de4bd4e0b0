// `prompts diff --base REV`: the prompt files that differ between a git revision and the working
// tree, each with its template diff and the rendered diff on sample cases (the first cases of the
// first suite that uses it, else the prompt's own examples). The base is read with git through the
// git adapter (argument arrays, `--end-of-options` before the revision); nothing is checked out.
import { existsSync } from "node:fs";
import { extname, relative, resolve } from "node:path";
import { GitCli } from "../../adapters/git/git-cli.js";
import type { EvalCase } from "../../core/eval/cases.js";
import { collectCases } from "../../core/eval/case-set.js";
import { compilePrompt, type CompiledPrompt } from "../../core/eval/prompt.js";
import { unifiedDiff } from "../../core/prompts/line-diff.js";
import { readPromptFile, type PromptFile } from "../../core/prompts/prompt-file.js";
import type { PromptChange, PromptDiffReport } from "../../core/prompts/diff-model.js";
import { InputError } from "../../errors.js";
import { findPromptFiles, findSuiteFiles, suiteUses } from "./lint-prompts.js";
import { assertInside } from "../eval/load-suite.js";
import { PROMPT_EXTENSIONS, readPromptSource } from "./load-prompt-file.js";

const isPromptPath = (p: string) => (PROMPT_EXTENSIONS as readonly string[]).includes(extname(p).toLowerCase());
const sidecarOf = (p: string, has: (q: string) => boolean): string | null => {
  if (/\.ya?ml$/i.test(p)) return null;
  const stem = p.slice(0, p.length - extname(p).length);
  return [`${stem}.yaml`, `${stem}.yml`].find(has) ?? null;
};

export interface DiffPromptsOptions {
  cwd: string;
  /** The base revision. */
  base: string;
  /**
   * Another checkout of the same repository that holds the base revision (a CI job's checkout of the
   * PR's base, when the PR's own checkout is shallow); by default the repository around `cwd`. Files
   * are matched by their path in the repository.
   */
  baseRepo?: string;
  paths: readonly string[];
  suitesDir: string;
  samples: number;
}

async function repoTop(dir: string, what: string): Promise<string> {
  const top = await new GitCli(dir).run(["rev-parse", "--show-toplevel"], { allowFail: true });
  if (top.code !== 0) throw new InputError(`prompts diff: ${what} ${dir} is not inside a git repository`, { hint: "run it in the repository whose prompts you changed" });
  return top.stdout.toString("utf8").trim();
}

export async function diffPrompts(opts: DiffPromptsOptions): Promise<PromptDiffReport> {
  const root = await repoTop(opts.cwd, "the working directory");
  const git = new GitCli(opts.baseRepo === undefined ? root : await repoTop(opts.baseRepo, "the base checkout"));
  const commit = await git.resolveCommit(opts.base);

  // Base side: every file under the named paths at the revision.
  const baseFiles = new Map<string, string>(); // repo-relative path → blob
  for (const p of opts.paths) {
    const rel = relative(root, resolve(opts.cwd, p)).split("\\").join("/");
    if (rel.startsWith("..")) throw new InputError(`prompts diff: ${p} is outside the repository ${root}`);
    for (const f of await git.listTree(commit, rel || ".")) baseFiles.set(f.path === "" ? rel : rel ? `${rel}/${f.path}` : f.path, f.blob);
  }
  const readBase = async (rel: string): Promise<string | null> => {
    const blob = baseFiles.get(rel);
    return blob === undefined ? null : Buffer.from(await git.readBlob(blob)).toString("utf8");
  };
  // Head side: the prompt files in the working tree.
  const headPaths = opts.paths.filter((p) => existsSync(resolve(opts.cwd, p)));
  const head = new Set(findPromptFiles(headPaths, opts.cwd).map((f) => relative(root, f).split("\\").join("/")));
  const basePrompts = [...baseFiles.keys()].filter((p) => isPromptPath(p) && (!/\.ya?ml$/i.test(p) || !sidecarOwner(p, baseFiles)));
  const all = [...new Set([...head, ...basePrompts])].sort();

  const suites = findSuiteFiles(opts.suitesDir);
  // The head side is the checkout under review (in a workflow, a pull request's tree): nothing it
  // names — a prompt, a suite's cases — is read from outside it, links followed.
  const contain = (p: string, what: string) => assertInside(p, root, what);
  const uses = await suiteUses(suites, opts.cwd, [], root);
  const changes: PromptChange[] = [];
  for (const rel of all) {
    const abs = resolve(root, rel);
    const shown = relative(opts.cwd, abs) || abs;
    const baseText = await readBase(rel);
    const baseSide = sidecarOf(rel, (q) => baseFiles.has(q));
    const baseSidecarText = baseSide ? await readBase(baseSide) : null;
    const headSource = head.has(rel) ? readPromptSource(abs, opts.cwd, contain) : null;
    if (baseText === null && headSource === null) continue;
    // A base YAML that is a sidecar there is not a prompt of its own.
    if (baseText !== null && headSource === null && /\.ya?ml$/i.test(rel) && !yamlLooksLikePrompt(baseText)) continue;
    const same = headSource !== null && baseText === headSource.text && (baseSidecarText ?? null) === (headSource.sidecar?.text ?? null);
    if (same) continue;
    const before = baseText === null ? null : readPromptFile({ file: shown, text: baseText, sidecar: baseSidecarText !== null && baseSide ? { file: relative(opts.cwd, resolve(root, baseSide)), text: baseSidecarText } : undefined }).file;
    const after = headSource ? readPromptFile(headSource).file : null;
    const templateDiff =
      unifiedDiff(baseText ?? "", headSource?.text ?? "", { a: baseText === null ? "/dev/null" : `a/${rel}`, b: headSource ? `b/${rel}` : "/dev/null" }) +
      (baseSide || headSource?.sidecar ? unifiedDiff(baseSidecarText ?? "", headSource?.sidecar?.text ?? "", { a: baseSide ? `a/${baseSide}` : "/dev/null", b: headSource?.sidecar ? `b/${relative(root, resolve(opts.cwd, headSource.sidecar.file))}` : "/dev/null" }) : "");
    const sample = await sampleCases(abs, after ?? before, uses, opts.samples);
    const rendered: PromptChange["rendered"] = [];
    const notes: string[] = [];
    const b = compileOrNote(before, "base", notes);
    const h = compileOrNote(after, "head", notes);
    for (const c of sample.cases) {
      const vars = c.input === undefined ? c.vars : { ...c.vars, input: c.input };
      const rb = renderOrNote(b, vars, c, "base", notes);
      const rh = renderOrNote(h, vars, c, "head", notes);
      if (rb === null && rh === null) continue;
      const diff = unifiedDiff(rb ?? "", rh ?? "", { a: `base (case ${c.id})`, b: `head (case ${c.id})` });
      rendered.push({ case: c.id, where: c.where ?? null, changed: diff !== "", diff, before: rb, after: rh });
    }
    changes.push({
      file: shown,
      status: baseText === null ? "added" : headSource === null ? "removed" : "modified",
      base: before ? { version: before.version, semver: before.meta.semver ?? null } : null,
      head: after ? { version: after.version, semver: after.meta.semver ?? null } : null,
      template_diff: templateDiff,
      cases_from: sample.from,
      rendered,
      notes: [...new Set(notes)],
    });
  }
  return { base: opts.base, base_commit: commit, changes };
}

function sidecarOwner(yamlRel: string, files: Map<string, string>): boolean {
  const stem = yamlRel.replace(/\.ya?ml$/i, "");
  return [".jinja", ".j2", ".jinja2", ".txt", ".md"].some((e) => files.has(stem + e));
}

function yamlLooksLikePrompt(text: string): boolean {
  return /^(messages|template)\s*:/m.test(text);
}

async function sampleCases(abs: string, prompt: PromptFile | null, uses: Awaited<ReturnType<typeof suiteUses>>, n: number): Promise<{ cases: EvalCase[]; from: string | null }> {
  const u = uses.get(abs)?.[0];
  if (u) return { cases: await collectCases(u.suite.cases, n), from: u.label };
  const ex = prompt?.meta.examples ?? [];
  if (ex.length) return { cases: ex.slice(0, n).map((vars, i) => ({ id: `example-${i + 1}`, input: undefined, vars, expected: null, tags: [], where: prompt!.file }) as EvalCase), from: `${prompt!.file} examples` };
  return { cases: [], from: null };
}

function compileOrNote(p: PromptFile | null, side: string, notes: string[]): CompiledPrompt | null {
  if (!p) return null;
  try {
    return compilePrompt(p.spec, p.file, p.origins);
  } catch (err) {
    notes.push(`${side}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

function renderOrNote(p: CompiledPrompt | null, vars: Record<string, unknown>, c: EvalCase, side: string, notes: string[]): string | null {
  if (!p) return null;
  try {
    return p.render(vars, { caseId: c.id, where: c.where }).text;
  } catch (err) {
    notes.push(`${side}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}


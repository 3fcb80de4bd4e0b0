// The one loader of prompt files from disk: the template (or `.yaml` messages), its sidecar
// `<name>.yaml` when there is one, parsed by the core (src/core/prompts/prompt-file.ts). The suite
// loader, `prompts lint|render|diff` and judge prompts all read prompts through here.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, relative } from "node:path";
import { parseYamlSource } from "../../core/config/index.js";
import { isPromptYaml, parsePromptFile, readPromptFile, type PromptFile, type PromptProblem, type PromptSource } from "../../core/prompts/prompt-file.js";

/** Extensions of template files (a `.yaml` prompt holds messages). */
export const TEMPLATE_EXTENSIONS = [".jinja", ".j2", ".jinja2", ".txt", ".md"] as const;
export const PROMPT_EXTENSIONS = [...TEMPLATE_EXTENSIONS, ".yaml", ".yml"] as const;

/** The sidecar configuration of a template file: `<name>.yaml` (or .yml) beside it that is not itself a prompt. */
export function sidecarPath(path: string): string | null {
  if (/\.ya?ml$/i.test(path)) return null;
  const stem = join(dirname(path), basename(path, extname(path)));
  for (const ext of [".yaml", ".yml"]) {
    const p = stem + ext;
    if (!existsSync(p)) continue;
    try {
      if (isPromptYaml(parseYamlSource(readFileSync(p, "utf8"), p).value)) return null;
    } catch {
      // Not valid YAML: it is read as the sidecar, and its error reported there.
    }
    return p;
  }
  return null;
}

/**
 * The source of a prompt file and its sidecar. `contain` vets every file before it is read (the
 * trusted gate's check that a PR's files stay inside its checkout).
 */
export function readPromptSource(path: string, cwd: string, contain: (path: string, what: string) => void = () => {}): PromptSource {
  const shown = relative(cwd, path) || path;
  contain(path, shown);
  const side = sidecarPath(path);
  if (side) contain(side, relative(cwd, side) || side);
  return {
    file: shown,
    text: readFileSync(path, "utf8"),
    sidecar: side ? { file: relative(cwd, side) || side, text: readFileSync(side, "utf8") } : undefined,
  };
}

/** Load a prompt file for use: throws a ConfigError at file:line:col when its configuration is wrong. */
export function loadPromptFile(path: string, cwd: string, contain?: (path: string, what: string) => void): PromptFile {
  return parsePromptFile(readPromptSource(path, cwd, contain));
}

/** Load a prompt file for linting: every problem, and the prompt when it is usable. */
export function inspectPromptFile(path: string, cwd: string): { file: PromptFile | null; problems: PromptProblem[]; source: PromptSource } {
  const source = readPromptSource(path, cwd);
  return { ...readPromptFile(source), source };
}

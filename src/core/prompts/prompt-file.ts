// A prompt file, parsed: its configuration (front matter, a sidecar `<name>.yaml`, or the top of a
// `.yaml` prompt), its template(s) with the place each starts, and its version (the content hash).
// Pure: the caller reads the files. Problems are returned with file:line:col so that `prompts lint`
// can list them all; `parsePromptFile` throws the first as a ConfigError for the suite loader.
import { collectIssues, parseYamlSource, type SourcedDocument } from "../config/index.js";
import { sha256 } from "../eval/hash.js";
import type { PromptSpec, TemplateOrigin } from "../eval/prompt.js";
import { ConfigError } from "../../errors.js";
import { PromptMetaSchema, PromptYamlSchema, type PromptMeta } from "./schema.js";

export interface PromptSource {
  /** The file as shown in messages (relative to the working directory). */
  file: string;
  text: string;
  /** A sidecar `<name>.yaml` next to a template file, when there is one. */
  sidecar?: { file: string; text: string } | undefined;
}

export interface PromptProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string | undefined;
}

export interface PromptFile {
  file: string;
  meta: PromptMeta;
  /** The document the configuration came from (for positions of its keys), or null when there is none. */
  metaDoc: SourcedDocument | null;
  spec: PromptSpec;
  origins: TemplateOrigin[];
  /** sha256 of the file's bytes (and its sidecar's): the prompt's version. */
  version: string;
}

const FRONT_MATTER_OPEN = /^---[ \t]*\r?\n/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Whether a YAML file is a prompt (it holds messages or a template) rather than a sidecar. */
export function isPromptYaml(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && ("messages" in value || "template" in value);
}

/** The version as shown: the first 12 hex digits of the content hash, and the semver when given. */
export function describeVersion(p: Pick<PromptFile, "version" | "meta">): string {
  return `sha256:${p.version.slice(0, 12)}${p.meta.semver ? ` (v${p.meta.semver})` : ""}`;
}

/** Read a prompt file, collecting every problem of its configuration. `file` is null when it cannot be used at all. */
export function readPromptFile(src: PromptSource): { file: PromptFile | null; problems: PromptProblem[] } {
  const problems: PromptProblem[] = [];
  const version = sha256(src.sidecar ? `${src.text}\0${src.sidecar.text}` : src.text);
  const yamlProblem = (err: unknown, file: string): null => {
    problems.push(fromConfigError(err, file));
    return null;
  };
  if (/\.ya?ml$/i.test(src.file)) {
    let doc: SourcedDocument;
    try {
      doc = parseYamlSource(src.text, src.file);
    } catch (err) {
      return { file: yamlProblem(err, src.file), problems };
    }
    const checked = collectIssues(PromptYamlSchema, doc);
    if (!checked.ok) {
      for (const i of checked.issues) problems.push({ file: i.file, line: i.line, col: i.col, message: `${i.path}: ${i.message}` });
      return { file: null, problems };
    }
    const v = checked.value as ReturnType<typeof PromptYamlSchema.parse>;
    const { messages, template, ...meta } = v;
    if ((messages === undefined) === (template === undefined)) {
      problems.push({ file: src.file, line: 1, col: 1, message: 'a prompt YAML file needs exactly one of "messages:" (a list of {role: system|user|assistant, content: template}) or "template:"' });
      return { file: null, problems };
    }
    const spec: PromptSpec = messages ? { kind: "messages", messages } : { kind: "template", template: template! };
    const origins = (messages ? messages.map((_, i) => doc.locate(["messages", i, "content"])) : [doc.locate(["template"])]).map((pos) => ({ file: src.file, ...scalarStart(src.text, pos) }));
    return { file: { file: src.file, meta, metaDoc: doc, spec, origins, version }, problems };
  }

  const { frontMatter, body, bodyLine } = splitFrontMatter(src.text);
  if (frontMatter !== null && src.sidecar) {
    problems.push({ file: src.file, line: 1, col: 1, message: `configuration in both the front matter and ${src.sidecar.file}`, hint: "keep one of them" });
  }
  let meta: PromptMeta = {};
  let metaDoc: SourcedDocument | null = null;
  const yamlText = frontMatter ?? src.sidecar?.text ?? null;
  const yamlFile = frontMatter !== null ? src.file : (src.sidecar?.file ?? src.file);
  if (yamlText !== null) {
    try {
      // A blank first line stands for the opening `---`, so positions are the file's lines.
      metaDoc = parseYamlSource(frontMatter !== null ? `\n${yamlText}` : yamlText, yamlFile);
    } catch (err) {
      yamlProblem(err, yamlFile);
    }
    if (metaDoc && metaDoc.value !== null && metaDoc.value !== undefined) {
      const checked = collectIssues(PromptMetaSchema, metaDoc);
      if (checked.ok) meta = checked.value as PromptMeta;
      else for (const i of checked.issues) problems.push({ file: i.file, line: i.line, col: i.col, message: `${i.path}: ${i.message}` });
    }
  }
  const template = body.replace(/\r?\n$/, "");
  return { file: { file: src.file, meta, metaDoc, spec: { kind: "template", template }, origins: [{ file: src.file, line: bodyLine, col: 1 }], version }, problems };
}

/** The front matter (without its `---` lines) and the template after it, with the line the template starts on. */
export function splitFrontMatter(text: string): { frontMatter: string | null; body: string; bodyLine: number } {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return { frontMatter: null, body: text, bodyLine: 1 };
  const lines = text.slice(open[0].length).split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (FRONT_MATTER_CLOSE.test(lines[i]!.replace(/\r$/, ""))) {
      return { frontMatter: lines.slice(0, i).join("\n"), body: lines.slice(i + 1).join("\n"), bodyLine: i + 3 };
    }
  }
  // No closing line: not front matter; the template starts with "---".
  return { frontMatter: null, body: text, bodyLine: 1 };
}

/** For the suite loader: the prompt, or a ConfigError naming the first problems by file:line:col. */
export function parsePromptFile(src: PromptSource): PromptFile {
  const { file, problems } = readPromptFile(src);
  if (problems.length === 0 && file) return file;
  const lines = problems.slice(0, 20).map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
  throw new ConfigError(problems.length === 1 ? lines[0]! : `invalid prompt file (${problems.length} problems):\n  ${lines.join("\n  ")}`, {
    hint: problems[0]?.hint ?? `fix it in ${src.file} (docs/prompts.md lists the fields)`,
  });
}

/** A ConfigError from the YAML reader ("file:line:col: message…") as a located problem. */
function fromConfigError(err: unknown, file: string): PromptProblem {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^(.*?):(\d+):(\d+): ([^\n]*)/.exec(message);
  const hint = err instanceof ConfigError ? err.hint : undefined;
  if (m) return { file: m[1]!, line: Number(m[2]), col: Number(m[3]), message: m[4]!, hint };
  return { file, line: 1, col: 1, message: message.replace(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `), ""), hint };
}

/**
 * Where a YAML string's text starts, given where its node starts: after the opening quote of a
 * quoted scalar, on the next line at its indentation for a block scalar (| or >).
 */
export function scalarStart(text: string, pos: { line: number; col: number }): { line: number; col: number; indent?: number } {
  const lines = text.split("\n");
  const line = lines[pos.line - 1] ?? "";
  const ch = line[pos.col - 1];
  if (ch === "'" || ch === '"') return { line: pos.line, col: pos.col + 1 };
  if (ch === "|" || ch === ">") {
    const next = lines[pos.line] ?? "";
    const indent = /^ */.exec(next)?.[0].length ?? 0;
    return { line: pos.line + 1, col: indent + 1, indent };
  }
  return pos;
}

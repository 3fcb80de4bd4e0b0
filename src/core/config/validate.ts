// Validate a sourced YAML document against a zod schema; every issue becomes one line naming
// file:line:col, the field path, what was expected and what was found.
import type { z } from "zod";
import { ConfigError } from "../../errors.js";
import { didYouMean } from "./suggest.js";
import type { PathSegment, SourcedDocument } from "./yaml-source.js";

const MAX_REPORTED = 20;

export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return "(top level)";
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

type AnySchema = { def: Record<string, unknown> & { type: string } };

/** Keys an object schema at `path` accepts, following the actual value through unions. */
export function knownKeysAt(schema: unknown, path: readonly PathSegment[], root: unknown): string[] {
  const keys = new Set<string>();
  const visit = (s: unknown, depth: number, value: unknown): void => {
    const def = (s as AnySchema | undefined)?.def;
    if (!def) return;
    switch (def.type) {
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "readonly":
      case "catch":
        visit(def.innerType, depth, value);
        return;
      case "pipe":
        visit(def.in, depth, value);
        return;
      case "lazy":
        visit((def.getter as () => unknown)(), depth, value);
        return;
      case "union":
        for (const o of def.options as unknown[]) visit(o, depth, value);
        return;
      case "intersection":
        visit(def.left, depth, value);
        visit(def.right, depth, value);
        return;
      case "object": {
        const shape = def.shape as Record<string, unknown>;
        if (depth === path.length) {
          for (const k of Object.keys(shape)) keys.add(k);
          return;
        }
        const seg = path[depth]!;
        const next = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[String(seg)] : undefined;
        if (String(seg) in shape) visit(shape[String(seg)], depth + 1, next);
        return;
      }
      case "array": {
        if (depth === path.length) return;
        const next = Array.isArray(value) ? value[path[depth] as number] : undefined;
        visit(def.element, depth + 1, next);
        return;
      }
      case "record": {
        if (depth === path.length) return;
        const next = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[String(path[depth])] : undefined;
        visit(def.valueType, depth + 1, next);
        return;
      }
      default:
        return;
    }
  };
  visit(schema, 0, root);
  return [...keys];
}

export interface ConfigIssue {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

export function collectIssues(schema: z.ZodType, doc: SourcedDocument): { ok: true; value: unknown } | { ok: false; issues: ConfigIssue[] } {
  const result = schema.safeParse(doc.value);
  if (result.success) return { ok: true, value: result.data };
  const issues: ConfigIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, path, doc.value);
      for (const key of issue.keys) {
        const pos = doc.locate([...path, key], "key");
        issues.push({
          file: doc.file,
          ...pos,
          path: formatPath([...path, key]),
          message: `unknown key "${key}"${didYouMean(key, known)}`,
        });
      }
      continue;
    }
    const pos = doc.locate(path);
    const value = valueAt(doc.value, path);
    if (value === undefined && issue.code === "invalid_type" && path.length > 0) {
      // A missing key: point at the mapping it belongs in, and say so, instead of "found nothing".
      const parent = path.slice(0, -1);
      const where = parent.length ? `the mapping ${formatPath(parent)} (which starts here)` : "the top-level mapping";
      issues.push({ file: doc.file, ...doc.locate(parent), path: formatPath(path), message: `missing required key "${String(path.at(-1))}" (${issue.expected}) in ${where}` });
      continue;
    }
    const found = describeValue(value);
    issues.push({ file: doc.file, ...pos, path: formatPath(path), message: explain(issue, found) });
  }
  issues.sort((a, b) => a.line - b.line || a.col - b.col);
  return { ok: false, issues };
}

function explain(issue: z.core.$ZodIssue, found: string): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}, found ${found}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, found ${found}${
        typeof valueOf(found) === "string" ? didYouMean(String(valueOf(found)), issue.values.map(String)) : ""
      }`;
    case "too_small":
      return `expected ${issue.origin === "array" ? "at least" : issue.inclusive === false ? ">" : "≥"} ${String(issue.minimum)}${issue.origin === "array" ? " items" : issue.origin === "string" ? " characters" : ""}, found ${found}`;
    case "too_big":
      return `expected ${issue.origin === "array" ? "at most" : issue.inclusive === false ? "<" : "≤"} ${String(issue.maximum)}${issue.origin === "array" ? " items" : issue.origin === "string" ? " characters" : ""}, found ${found}`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && (issue as { discriminator?: string }).discriminator) {
        const v = valueOf(found);
        return `unknown value ${v === undefined ? found : JSON.stringify(v)}${v === undefined ? "" : didYouMean(v, options.map(String))}; expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
      }
      return `${issue.message}, found ${found}`;
    }
    default:
      return `${issue.message}; found ${found}`;
  }
}

function valueOf(found: string): string | undefined {
  const m = /^the string "(.*)"$/.exec(found);
  return m?.[1];
}

/** Parse-and-validate: the typed value, or a ConfigError listing every issue with its place. */
export function validateConfig<S extends z.ZodType>(schema: S, doc: SourcedDocument, what = "configuration"): z.output<S> {
  const r = collectIssues(schema, doc);
  if (r.ok) return r.value as z.output<S>;
  const shown = r.issues.slice(0, MAX_REPORTED);
  const lines = shown.map((i) => `${i.file}:${i.line}:${i.col}: ${i.path}: ${i.message}`);
  if (r.issues.length > shown.length) lines.push(`… and ${r.issues.length - shown.length} more`);
  throw new ConfigError(`invalid ${what} (${r.issues.length} problem${r.issues.length === 1 ? "" : "s"}):\n  ${lines.join("\n  ")}`, {
    hint: `fix ${r.issues.length === 1 ? "it" : "them"} in ${doc.file}`,
  });
}

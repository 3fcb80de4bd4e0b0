// Eval cases: inline in the suite or read from JSONL / Parquet, each {id, input|vars, expected}.
// A bad case file is a configuration error of the suite (exit 2), unlike `llmops data validate`,
// for which invalid data is the expected finding (exit 1).
// Every problem names file:line (or the suite path) and how to fix it.
import { ConfigError } from "../../errors.js";
import { stableStringify } from "../stable-json.js";
import { sha256 } from "./hash.js";

export interface EvalCase {
  id: string;
  input: string | undefined;
  vars: Record<string, unknown>;
  expected: unknown;
  tags: string[];
  /** Where the case was read (file:line, or suite file:line:col), for messages. */
  where?: string;
}

const CASE_KEYS = new Set(["id", "input", "vars", "expected", "tags"]);

/** Normalise one raw case object; `where` names its place for messages. */
export function toCase(raw: unknown, where: string): EvalCase {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError(`${where}: a case must be an object like {"id": …, "input": …, "expected": …}`);
  }
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!CASE_KEYS.has(k)) throw new ConfigError(`${where}: unknown field "${k}" in a case (allowed: id, input, vars, expected, tags)`, { hint: "put extra fields under \"vars\"" });
  }
  if (o.input !== undefined && typeof o.input !== "string") throw new ConfigError(`${where}: "input" must be a string, found ${typeof o.input}`);
  if (o.vars !== undefined && (o.vars === null || typeof o.vars !== "object" || Array.isArray(o.vars))) {
    throw new ConfigError(`${where}: "vars" must be an object of template variables`);
  }
  if (o.input === undefined && o.vars === undefined) throw new ConfigError(`${where}: a case needs "input" or "vars"`);
  if (o.id !== undefined && typeof o.id !== "string" && typeof o.id !== "number") throw new ConfigError(`${where}: "id" must be a string or a number`);
  const vars = (o.vars as Record<string, unknown> | undefined) ?? {};
  const id = o.id !== undefined ? String(o.id) : `h-${sha256(stableStringify({ input: o.input, vars })).slice(0, 12)}`;
  const tags = Array.isArray(o.tags) ? o.tags.map(String) : [];
  return { id, input: o.input as string | undefined, vars, expected: o.expected ?? null, tags, where };
}

/** One line of a JSONL case file (`lineNo` 1-based), or null for a blank line; names file:line for each problem. */
export function parseCaseLine(line: string, file: string, lineNo: number): EvalCase | null {
  if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  if (line.endsWith("\r")) line = line.slice(0, -1);
  if (line.trim() === "") return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`${file}:${lineNo}: invalid JSON: ${why}`, { hint: "each line must be one JSON object; fix or remove that line" });
  }
  return toCase(value, `${file}:${lineNo}`);
}

/** Parse JSONL text into cases (small inputs and tests; case files are streamed line by line). */
export function parseCasesJsonl(text: string, file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split("\n").forEach((line, i) => {
    const c = parseCaseLine(line, file, i + 1);
    if (c) cases.push(c);
  });
  return cases;
}

// The files an eval suite reads besides itself — its cases file, prompt files (the suite's and every
// variant's, with their sidecars) and JSON Schema files — as repository-relative paths, for the
// eval stage's dependencies. Read leniently: a suite that does not load fails in its stage, with
// the loader's message; here a file that is not there is simply not a dependency.
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { parseYamlSource } from "../../core/config/index.js";
import { sidecarPath } from "../prompts/load-prompt-file.js";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);

export function suiteFiles(suite: string, root: string): string[] {
  const file = resolve(root, suite);
  if (!existsSync(file)) return [];
  let value: unknown;
  try {
    value = parseYamlSource(readFileSync(file, "utf8"), suite).value;
  } catch {
    return [];
  }
  const s = obj(value);
  if (!s) return [];
  const base = dirname(file);
  const named: string[] = [];
  const cases = obj(s.cases);
  if (cases && typeof cases.file === "string") named.push(cases.file);
  const prompts = [s.prompt, ...(Array.isArray(s.variants) ? s.variants.map((v) => obj(v)?.prompt) : [])];
  for (const p of prompts) {
    const f = obj(p)?.file;
    if (typeof f !== "string") continue;
    named.push(f);
    const side = existsSync(resolve(base, f)) ? sidecarPath(resolve(base, f)) : null;
    if (side) named.push(relative(base, side));
  }
  for (const sc of Array.isArray(s.scorers) ? s.scorers : []) {
    const f = obj(sc)?.schema_file;
    if (typeof f === "string") named.push(f);
  }
  const out: string[] = [];
  for (const n of named) {
    const abs = resolve(base, n);
    const rel = relative(root, abs);
    if (rel === "" || rel.startsWith("..") || !existsSync(abs)) continue;
    const posix = rel.split(sep).join("/");
    if (!out.includes(posix)) out.push(posix);
  }
  return out;
}

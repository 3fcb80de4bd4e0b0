// The data files an action's `files` input names, on disk: patterns resolved against the workspace,
// globs listed through core/data/file-pattern.ts's rule.
import { readdirSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseFilePattern, selectMatches } from "../../core/data/file-pattern.js";
import type { DataFile } from "./run-check.js";

export function expandFiles(patterns: readonly string[], root: string, where = 'input "files"'): DataFile[] {
  const out: DataFile[] = [];
  for (const p of patterns) {
    const parsed = parseFilePattern(p, where);
    if (parsed.kind === "file") {
      const abs = isAbsolute(p) ? p : resolve(root, p);
      out.push({ path: abs, shown: relative(root, abs) || p });
      continue;
    }
    const dir = resolve(root, parsed.dir);
    let names: string[] | null;
    try {
      names = readdirSync(dir);
    } catch {
      names = null;
    }
    for (const n of selectMatches(p, parsed, names, where)) out.push({ path: join(dir, n), shown: relative(root, join(dir, n)) });
  }
  return out;
}

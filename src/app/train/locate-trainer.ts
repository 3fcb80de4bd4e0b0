// Finds trainers/reference/train.py from wherever this code runs (a bundle in dist/<name>/, or the
// TypeScript sources under vitest): walk up from this module to the package root.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { InternalError } from "../../errors.js";

export function locateReferenceTrainer(from: string = import.meta.url): string {
  return locatePackageFile("trainers/reference/train.py", from);
}

/** A file the llmops package ships (a path relative to the package root, "/"-separated). */
export function locatePackageFile(relative: string, from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const candidate = join(dir, ...relative.split("/"));
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new InternalError(`${relative} was not found above the llmops installation; the package is incomplete`);
    dir = parent;
  }
}

/**
 * Interpreters tried in order when a spec names none: python3, then the system one. $LLMOPS_PYTHON
 * is the user's explicit choice: it alone is tried, so a wrong value is reported rather than
 * silently replaced by another Python.
 */
export function defaultPythons(env: NodeJS.ProcessEnv): string[] {
  if (env.LLMOPS_PYTHON) return [env.LLMOPS_PYTHON];
  return ["python3", "/usr/bin/python3"];
}

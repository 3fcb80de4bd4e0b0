// A built-in eval stage runs `llmops eval <suite>` in a child with the allow-listed environment;
// the one variable it needs beyond that is the key its suite names (target.api_key_env). It is
// passed by that name only — and never a runner variable, which the suite schema refuses anyway.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RUNNER_OWN = /^(GITHUB_|ACTIONS_|RUNNER_)/i;

/** `target.api_key_env` of the suite an eval stage's argv (`eval <suite> …`) names; [] when there is none or the suite cannot be read (the stage reports that itself). */
export function suiteKeyEnvs(root: string, argv: readonly string[]): string[] {
  const suite = argv[0] === "eval" ? argv[1] : undefined;
  if (!suite) return [];
  try {
    const doc = parse(readFileSync(resolve(root, suite), "utf8")) as { target?: { api_key_env?: unknown } } | null;
    const name = doc?.target?.api_key_env;
    return typeof name === "string" && NAME.test(name) && !RUNNER_OWN.test(name) ? [name] : [];
  } catch {
    return [];
  }
}

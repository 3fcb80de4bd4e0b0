// Run a bundled action the way the runner does: INPUT_* variables (hyphens kept), GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY files, and read back what it set.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, runNode, tempDir, type ProcResult } from "./cli.js";

export interface ActionResult extends ProcResult {
  outputs: Record<string, string>;
  summary: string;
}

/** Parse GITHUB_OUTPUT's `name<<DELIM\nvalue\nDELIM` and `name=value` forms. */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i]!);
      out[name!] = value.join("\n");
    } else if (line.includes("=")) {
      const idx = line.indexOf("=");
      out[line.slice(0, idx)] = line.slice(idx + 1);
    }
  }
  return out;
}

export async function runAction(
  name: string,
  inputs: Record<string, string>,
  opts: { cwd?: string; env?: Record<string, string | undefined>; event?: unknown; eventName?: string } = {},
): Promise<ActionResult> {
  const dir = tempDir("llmops-action-");
  const outputPath = join(dir, "output");
  const summaryPath = join(dir, "summary.md");
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const env: Record<string, string | undefined> = {
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: opts.cwd ?? repoRoot,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: "true",
    ...opts.env,
  };
  if (opts.event !== undefined) {
    const eventPath = join(dir, "event.json");
    writeFileSync(eventPath, JSON.stringify(opts.event));
    env.GITHUB_EVENT_PATH = eventPath;
    env.GITHUB_EVENT_NAME = opts.eventName ?? "pull_request";
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, "_").toUpperCase()}`] = v;
  const r = await runNode([join(repoRoot, "dist", name, "index.js")], { cwd: opts.cwd ?? repoRoot, env });
  return {
    ...r,
    outputs: parseGithubOutput(readFileSync(outputPath, "utf8")),
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, "utf8") : "",
  };
}

// Runs a bundled action (node dist/<name>/index.js) as the runner would: INPUT_* variables with
// hyphens kept, GITHUB_* variables, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
// files. The environment is hermetic (PATH and what the test passes, nothing else from the
// process running the tests). Returns exit code, logs, parsed outputs and the summary.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  action: string;
  inputs: Record<string, string>;
  /** GITHUB_EVENT_NAME; workflow_dispatch when not given. */
  eventName?: string;
  event?: unknown;
  env?: Record<string, string>;
  /** Working directory and GITHUB_WORKSPACE; a fresh temp directory when not given. */
  cwd?: string;
}

const root = new URL("../..", import.meta.url).pathname;

export async function runActionBundle(o: ActionRunOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), `llmops-action-${o.action}-`));
  const eventPath = join(dir, "event.json");
  const outputPath = join(dir, "output");
  const summaryPath = join(dir, "summary.md");
  await writeFile(eventPath, JSON.stringify(o.event ?? {}));
  await writeFile(outputPath, "");
  await writeFile(summaryPath, "");
  const cwd = o.cwd ?? dir;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: cwd,
    GITHUB_EVENT_NAME: o.eventName ?? "workflow_dispatch",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "555",
    RUNNER_TEMP: dir,
    ...o.env,
  };
  // As @actions/core reads them: spaces become underscores, hyphens stay.
  for (const [k, v] of Object.entries(o.inputs)) env[`INPUT_${k.replace(/ /g, "_").toUpperCase()}`] = v;
  const child = spawn(process.execPath, [join(root, "dist", o.action, "index.js")], { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr, outputs: parseOutputFile(await readFile(outputPath, "utf8")), summary: await readFile(summaryPath, "utf8") };
}

/** The GITHUB_OUTPUT file format: `name<<DELIM\nvalue\nDELIM` blocks (and plain name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i] as string);
      out[name] = value.join("\n");
    } else if (line.includes("=")) {
      out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return out;
}

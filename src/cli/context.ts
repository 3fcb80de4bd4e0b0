// What every subcommand gets: where the user ran us from, their environment, output streams, a
// logger and progress. Paths the user types are resolved from their directory (INIT_CWD under npm).
import { dirname, isAbsolute, resolve } from "node:path";
import { ConsoleLogger } from "../adapters/console/console-logger.js";
import { TerminalProgress } from "../adapters/console/progress.js";
import type { Logger, Progress } from "../core/ports/index.js";
import { workflowSafe } from "../adapters/console/workflow-safe.js";

export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  logger: Logger;
  progress: Progress;
  interactive: boolean;
  resolvePath(p: string): string;
  /** Print a JSON value on stdout (for --json). */
  printJson(value: unknown): void;
}

export function createCliContext(opts: { quiet?: boolean } = {}): CliContext {
  const cwd = userCwd(process.env, process.cwd());
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const stdout = workflowSafe(process.stdout, process.env);
  const stderr = workflowSafe(process.stderr, process.env);
  const logger = opts.quiet ? new ConsoleLogger(devNull()) : new ConsoleLogger(stderr, Boolean(process.env.LLMOPS_DEBUG));
  return {
    cwd,
    env: process.env,
    stdout,
    stderr,
    logger,
    progress: opts.quiet ? { start() {}, tick() {}, stop() {} } : new TerminalProgress(stderr, interactive),
    interactive,
    resolvePath: (p) => (isAbsolute(p) ? p : resolve(cwd, p)),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}

function devNull(): NodeJS.WritableStream {
  return { write: () => true } as unknown as NodeJS.WritableStream;
}

/**
 * The directory the user typed their paths from. Under `npm run` the process starts in the package
 * root and INIT_CWD holds where npm was run; but a script that changed directory first
 * ("cd evals && llmops eval qa.yaml") means its own directory, so INIT_CWD counts only while we
 * still run in the package root npm started us in.
 */
export function userCwd(env: NodeJS.ProcessEnv, processCwd: string): string {
  const init = env.INIT_CWD;
  if (!init || !isAbsolute(init)) return processCwd;
  const pkg = env.npm_package_json;
  if (pkg && isAbsolute(pkg) && resolve(dirname(pkg)) !== resolve(processCwd)) return processCwd;
  return init;
}

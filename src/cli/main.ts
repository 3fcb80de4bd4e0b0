// `llmops`: dispatch to a subcommand, map errors to exit codes once (0/1/2/70), no stack traces
// for anything but bugs.
import { InputError, LlmopsError, exitCodeFor, formatError } from "../errors.js";
import { didYouMean } from "../core/config/suggest.js";
import { VERSION } from "../version.js";
import { parseCommandArgs } from "./command.js";
import { commands } from "./commands.js";
import { workflowSafe } from "../adapters/console/workflow-safe.js";
import { createCliContext } from "./context.js";

export function renderTopHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `llmops ${VERSION} — run a language model's lifecycle from a git repository`,
    "",
    "usage: llmops <command> [options]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "llmops <command> --help" for a command\'s options.',
    "Exit codes: 0 ok, 1 expected failure (gate failed, invalid data, a failed training run), 2 usage, configuration or environment error (bad flag or YAML, a server or trainer that cannot be reached), 70 internal error.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const topic = name === "help" && rest[0] !== undefined ? commands.find((c) => c.name === rest[0]) : undefined;
  if (topic) {
    // `llmops help eval` is `llmops eval --help`.
    process.stdout.write(`${topic.help.trim()}\n`);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${renderTopHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    // "evaluate", "reports", "validate" (a data subcommand): point at the command they meant.
    const prefix = commands.find((c) => name.startsWith(c.name) || (name.length >= 3 && c.name.startsWith(name)));
    const sub = ["validate", "dedupe", "clean", "split", "manifest", "card", "diff"].includes(name) ? ` (did you mean "data ${name}"?)` : undefined;
    const suggestion = sub ?? (prefix ? ` (did you mean "${prefix.name}"?)` : didYouMean(name, commands.map((c) => c.name)));
    process.stderr.write(`error: unknown command "${name}"${suggestion}\nhint: run "llmops --help" for the list\n`);
    return 2;
  }
  try {
    const args = parseCommandArgs(cmd, rest);
    if (args.values.help) {
      process.stdout.write(`${cmd.help.trim()}\n`);
      return 0;
    }
    const ctx = createCliContext({ quiet: Boolean(args.values.quiet) });
    return await cmd.run(ctx, args);
  } catch (caught) {
    const err = fsErrorAsInput(caught) ?? caught;
    workflowSafe(process.stderr, process.env).write(`${formatError(err)}\n`);
    const code = exitCodeFor(err);
    if (rest.includes("--json")) {
      // Machine readers get the failure on stdout too, in the shape they parse.
      const e = err instanceof LlmopsError ? { kind: err.kind, message: err.message, hint: err.hint ?? null } : { kind: "internal", message: String(err), hint: null };
      process.stdout.write(`${JSON.stringify({ error: { ...e, exit_code: code } }, null, 2)}\n`);
    }
    return code;
  }
}

const FS_PROBLEMS: Record<string, string> = {
  EISDIR: "is a directory, but a file is needed here",
  ENOTDIR: "a part of this path is a file, but a directory is needed",
  EEXIST: "already exists as a file, but a directory is needed here",
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
};

/**
 * A file-system error on a path the user named (an --out that is a directory, a file where a
 * directory is expected, no permission) is their mistake to fix, not a bug: name the path and the
 * fix, exit 2, no stack trace.
 */
export function fsErrorAsInput(err: unknown): InputError | undefined {
  if (!(err instanceof Error) || err instanceof LlmopsError) return undefined;
  const { code, path } = err as NodeJS.ErrnoException;
  const problem = code === undefined ? undefined : FS_PROBLEMS[code];
  if (problem === undefined || typeof path !== "string") return undefined;
  return new InputError(`${path}: ${problem}`, { hint: "check the path you passed (relative paths start from the directory you ran llmops in)", cause: err });
}

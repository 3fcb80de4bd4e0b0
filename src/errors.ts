// The one error hierarchy. The core throws these; the shells (CLI, action runtime) catch them once
// and map them to exit codes or setFailed. Messages say what failed, where, and how to fix it.

export type ErrorKind =
  | "config"
  | "input"
  | "data"
  | "gate"
  | "external"
  | "process"
  | "internal";

export abstract class LlmopsError extends Error {
  abstract readonly kind: ErrorKind;
  /** Optional one-line hint on how to fix it, printed after the message. */
  readonly hint: string | undefined;
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options?.hint;
  }
}

/** A user's configuration file is wrong (YAML syntax, schema, unknown key, missing file it names). */
export class ConfigError extends LlmopsError {
  override readonly name = "ConfigError";
  readonly kind = "config" as const;
}

/** A command-line argument or action input is wrong. */
export class InputError extends LlmopsError {
  override readonly name = "InputError";
  readonly kind = "input" as const;
}

/** Data was read and found invalid (a dataset, a results file, an uploaded report). */
export class DataInvalidError extends LlmopsError {
  // string, not the literal: subclasses (CorruptEntryError) report their own name.
  override readonly name: string = "DataInvalidError";
  readonly kind = "data" as const;
}

/** A gate decided FAIL: an expected outcome, not a bug. */
export class GateFailedError extends LlmopsError {
  override readonly name = "GateFailedError";
  readonly kind = "gate" as const;
}

/** Something outside us failed: a server refused, a token was rejected, a network error. */
export class ExternalError extends LlmopsError {
  // string, not the literal: subclasses (GitHubApiError, ProviderError) report their own name.
  override readonly name: string = "ExternalError";
  readonly kind = "external" as const;
}

/** A launched process exited non-zero or was killed. */
export class ProcessExitError extends LlmopsError {
  override readonly name = "ProcessExitError";
  readonly kind = "process" as const;
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly signal: string | null,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A bug in llmops. */
export class InternalError extends LlmopsError {
  override readonly name = "InternalError";
  readonly kind = "internal" as const;
}

/** Exit codes shared by the CLI: 0 ok, 1 expected failure, 2 usage/config/external refusal, 70 internal bug. */
export const EXIT_CODES: Readonly<Record<ErrorKind, 1 | 2 | 70>> = {
  gate: 1,
  data: 1,
  process: 1,
  config: 2,
  input: 2,
  external: 2,
  internal: 70,
};

export function exitCodeFor(err: unknown): number {
  return err instanceof LlmopsError ? EXIT_CODES[err.kind] : 70;
}

/** The text a person sees: message plus hint, never a stack (except for bugs). */
export function formatError(err: unknown): string {
  if (err instanceof LlmopsError) {
    const lines = [`${err.name === "InternalError" ? "internal error" : "error"}: ${err.message}`];
    if (err.hint) lines.push(`hint: ${err.hint}`);
    if (err instanceof InternalError && err.stack) lines.push(err.stack);
    return lines.join("\n");
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return `internal error: ${e.message}\n${e.stack ?? ""}\nThis is a bug in llmops; please report it with the command you ran.`;
}

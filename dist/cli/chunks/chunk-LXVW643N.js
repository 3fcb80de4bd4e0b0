#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/errors.ts
var LlmopsError = class extends Error {
  /** Optional one-line hint on how to fix it, printed after the message. */
  hint;
  constructor(message, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.hint = options?.hint;
  }
};
var ConfigError = class extends LlmopsError {
  name = "ConfigError";
  kind = "config";
};
var InputError = class extends LlmopsError {
  name = "InputError";
  kind = "input";
};
var DataInvalidError = class extends LlmopsError {
  // string, not the literal: subclasses (CorruptEntryError) report their own name.
  name = "DataInvalidError";
  kind = "data";
};
var GateFailedError = class extends LlmopsError {
  name = "GateFailedError";
  kind = "gate";
};
var ExternalError = class extends LlmopsError {
  // string, not the literal: subclasses (GitHubApiError, ProviderError) report their own name.
  name = "ExternalError";
  kind = "external";
};
var ProcessExitError = class extends LlmopsError {
  constructor(message, exitCode, signal, options) {
    super(message, options);
    this.exitCode = exitCode;
    this.signal = signal;
  }
  exitCode;
  signal;
  name = "ProcessExitError";
  kind = "process";
};
var InternalError = class extends LlmopsError {
  name = "InternalError";
  kind = "internal";
};
var EXIT_CODES = {
  gate: 1,
  data: 1,
  process: 1,
  config: 2,
  input: 2,
  external: 2,
  internal: 70
};
function exitCodeFor(err) {
  return err instanceof LlmopsError ? EXIT_CODES[err.kind] : 70;
}
function formatError(err) {
  if (err instanceof LlmopsError) {
    const lines = [`${err.name === "InternalError" ? "internal error" : "error"}: ${err.message}`];
    if (err.hint) lines.push(`hint: ${err.hint}`);
    if (err instanceof InternalError && err.stack) lines.push(err.stack);
    return lines.join("\n");
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return `internal error: ${e.message}
${e.stack ?? ""}
This is a bug in llmops; please report it with the command you ran.`;
}

export {
  LlmopsError,
  ConfigError,
  InputError,
  DataInvalidError,
  GateFailedError,
  ExternalError,
  ProcessExitError,
  InternalError,
  exitCodeFor,
  formatError
};

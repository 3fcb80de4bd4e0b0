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
  name = "DataInvalidError";
  kind = "data";
};
var GateFailedError = class extends LlmopsError {
  name = "GateFailedError";
  kind = "gate";
};
var ExternalError = class extends LlmopsError {
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

// src/core/config/suggest.ts
function editDistance(a, b) {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array(n + 1);
  let cur = new Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}
function closest(name, candidates) {
  const lower = name.toLowerCase();
  let best;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  if (best === void 0) return void 0;
  const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  return bestDist <= limit ? best : void 0;
}
function didYouMean(name, candidates) {
  const list = [...candidates];
  const c = closest(name, list);
  if (c !== void 0) return ` (did you mean "${c}"?)`;
  return list.length > 0 && list.length <= 12 ? ` (expected one of: ${list.join(", ")})` : "";
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
  formatError,
  closest,
  didYouMean
};

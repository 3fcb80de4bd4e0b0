#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/core/config/suggest.ts
var suggest_exports = {};
__export(suggest_exports, {
  closest: () => closest,
  didYouMean: () => didYouMean,
  editDistance: () => editDistance
});
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
var init_suggest = __esm({
  "src/core/config/suggest.ts"() {
    "use strict";
  }
});

// src/errors.ts
var LlmopsError = class extends Error {
  /** Optional one-line hint on how to fix it, printed after the message. */
  hint;
  constructor(message, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.hint = options?.hint;
  }
};
var InputError = class extends LlmopsError {
  name = "InputError";
  kind = "input";
};
var InternalError = class extends LlmopsError {
  name = "InternalError";
  kind = "internal";
};
function exitCodeFor(err) {
  if (!(err instanceof LlmopsError)) return 70;
  switch (err.kind) {
    case "gate":
    case "data":
    case "process":
      return 1;
    case "config":
    case "input":
    case "external":
      return 2;
    case "internal":
      return 70;
  }
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

// src/version.ts
var VERSION = "0.1.0";

// src/cli/command.ts
import { parseArgs } from "node:util";
function parseCommandArgs(cmd, argv) {
  try {
    const r = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    });
    return { values: r.values, positionals: r.positionals };
  } catch (err) {
    const msg = err instanceof Error ? err.message.replace(/\. To specify .*$/s, "") : String(err);
    throw new InputError(`llmops ${cmd.name}: ${msg}`, { hint: `run "llmops ${cmd.name} --help" for usage` });
  }
}

// src/cli/commands.ts
var commands = [];

// src/cli/context.ts
import { isAbsolute, resolve } from "node:path";

// src/adapters/console/console-logger.ts
var ConsoleLogger = class {
  constructor(stream = process.stderr, verbose = false) {
    this.stream = stream;
    this.verbose = verbose;
  }
  stream;
  verbose;
  debug(message) {
    if (this.verbose) this.stream.write(`debug: ${message}
`);
  }
  info(message) {
    this.stream.write(`${message}
`);
  }
  warn(message) {
    this.stream.write(`warning: ${message}
`);
  }
  error(message) {
    this.stream.write(`error: ${message}
`);
  }
  async group(name, fn) {
    this.stream.write(`\u25B8 ${name}
`);
    return fn();
  }
};

// src/adapters/console/progress.ts
function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return "--";
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m < 60) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
function renderProgressLine(p) {
  const rate = p.elapsedS > 0 ? p.done / p.elapsedS : 0;
  const eta = rate > 0 ? (p.total - p.done) / rate : NaN;
  const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const width = p.width ?? 24;
  const filled = Math.round(frac * width);
  const bar = `${"\u2588".repeat(filled)}${"\u2591".repeat(width - filled)}`;
  return `${p.label} ${bar} ${p.done}/${p.total} ${(frac * 100).toFixed(0)}% ${rate.toFixed(1)}/s ETA ${formatDuration(eta)} errors ${p.errors}`;
}
var TerminalProgress = class {
  constructor(stream = process.stderr, interactive = Boolean(process.stderr.isTTY), plainEveryMs = 5e3) {
    this.stream = stream;
    this.interactive = interactive;
    this.plainEveryMs = plainEveryMs;
  }
  stream;
  interactive;
  plainEveryMs;
  total = 0;
  label = "";
  t0 = 0;
  last = 0;
  state = { done: 0, errors: 0 };
  start(total, label) {
    this.total = total;
    this.label = label;
    this.t0 = performance.now();
    this.last = 0;
    this.state = { done: 0, errors: 0 };
  }
  tick(update) {
    this.state = update;
    const now = performance.now();
    const every = this.interactive ? 100 : this.plainEveryMs;
    if (now - this.last < every && update.done < this.total) return;
    this.last = now;
    this.draw(false);
  }
  stop() {
    this.draw(true);
  }
  draw(final) {
    const line = renderProgressLine({ label: this.label, total: this.total, ...this.state, elapsedS: (performance.now() - this.t0) / 1e3 });
    if (this.interactive) this.stream.write(`\r\x1B[2K${line}${final ? "\n" : ""}`);
    else this.stream.write(`${line}
`);
  }
};

// src/cli/context.ts
function createCliContext(opts = {}) {
  const cwd = process.env.INIT_CWD && isAbsolute(process.env.INIT_CWD) ? process.env.INIT_CWD : process.cwd();
  const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
  const logger = opts.quiet ? new ConsoleLogger(devNull()) : new ConsoleLogger(process.stderr, Boolean(process.env.LLMOPS_DEBUG));
  return {
    cwd,
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    logger,
    progress: opts.quiet ? { start() {
    }, tick() {
    }, stop() {
    } } : new TerminalProgress(process.stderr, interactive),
    interactive,
    resolvePath: (p) => isAbsolute(p) ? p : resolve(cwd, p),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}
`)
  };
}
function devNull() {
  return { write: () => true };
}

// src/cli/main.ts
function renderTopHelp() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `llmops ${VERSION} \u2014 run a language model's lifecycle from a git repository`,
    "",
    "usage: llmops <command> [options]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    `Run "llmops <command> --help" for a command's options.`,
    "Exit codes: 0 ok, 1 expected failure (gate failed, invalid data), 2 usage or configuration error, 70 internal error."
  ].join("\n");
}
async function main(argv) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${renderTopHelp()}
`);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    const { didYouMean: didYouMean2 } = await Promise.resolve().then(() => (init_suggest(), suggest_exports));
    process.stderr.write(`error: unknown command "${name}"${didYouMean2(name, commands.map((c) => c.name))}
hint: run "llmops --help" for the list
`);
    return 2;
  }
  try {
    const args = parseCommandArgs(cmd, rest);
    if (args.values.help) {
      process.stdout.write(`${cmd.help.trim()}
`);
      return 0;
    }
    const ctx = createCliContext({ quiet: Boolean(args.values.quiet) });
    return await cmd.run(ctx, args);
  } catch (err) {
    process.stderr.write(`${formatError(err)}
`);
    return exitCodeFor(err);
  }
}

// src/cli/index.ts
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`internal error: ${String(err)}
`);
    process.exitCode = 70;
  }
);

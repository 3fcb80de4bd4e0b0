// Every error llmops throws is in the one hierarchy, with its own name and the exit code of its kind.
import { describe, expect, it } from "vitest";
import { CorruptEntryError } from "./app/pipeline/stage-store.js";
import { GitHubApiError } from "./core/ports/github-client.js";
import { ProviderError } from "./core/ports/provider.js";
import { ConfigError, DataInvalidError, ExternalError, GateFailedError, InputError, InternalError, LlmopsError, ProcessExitError, exitCodeFor, formatError } from "./errors.js";

describe("the error hierarchy", () => {
  it.each([
    [new ConfigError("x"), "ConfigError", "config", 2],
    [new InputError("x"), "InputError", "input", 2],
    [new DataInvalidError("x"), "DataInvalidError", "data", 1],
    [new GateFailedError("x"), "GateFailedError", "gate", 1],
    [new ExternalError("x"), "ExternalError", "external", 2],
    [new ProcessExitError("x", 3, null), "ProcessExitError", "process", 1],
    [new InternalError("x"), "InternalError", "internal", 70],
    [new GitHubApiError("POST /x: 403", 403, "Resource not accessible by integration"), "GitHubApiError", "external", 2],
    [new ProviderError("401 from http://127.0.0.1:1", "auth", { status: 401, retryable: false, fatal: true }), "ProviderError", "external", 2],
    [new CorruptEntryError("damaged"), "CorruptEntryError", "data", 1],
  ] as const)("%o is %s, kind %s, exit %i", (err, name, kind, code) => {
    expect(err).toBeInstanceOf(LlmopsError);
    expect(err.name).toBe(name);
    expect(err.kind).toBe(kind);
    expect(exitCodeFor(err)).toBe(code);
    expect(formatError(err).split("\n")[0]).toBe(`${kind === "internal" ? "internal error" : "error"}: ${err.message}`);
  });

  it("keeps a provider failure's own classification apart from the hierarchy's kind, and carries its hint", () => {
    const e = new ProviderError("404 from http://127.0.0.1:1/v1/chat/completions", "not_found", { status: 404, retryable: false, fatal: true, hint: "check --model" });
    expect(e.failure).toBe("not_found");
    expect(e.kind).toBe("external");
    expect(e.hint).toBe("check --model");
    expect([e.status, e.retryable, e.fatal]).toEqual([404, false, true]);
  });

  it("reports anything outside the hierarchy as a bug (exit 70, with the stack)", () => {
    const e = new Error("boom");
    expect(exitCodeFor(e)).toBe(70);
    expect(formatError(e)).toMatch(/^internal error: boom\n.*This is a bug in llmops/s);
  });
});

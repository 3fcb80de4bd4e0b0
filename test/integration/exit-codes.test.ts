// One table of failure → exit code (src/cli/exit-codes.ts): the README shows exactly that table,
// and every row is exercised here by a real command through the built CLI.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT_CODE_TABLE, renderExitCodeTable } from "../../src/cli/exit-codes.js";
import { EXIT_CODES, exitCodeFor } from "../../src/errors.js";
import type { ErrorKind } from "../../src/errors.js";
import { runCli, tempDir } from "../support/cli.js";
import { writeRun } from "../support/eval-runs.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { writeArithmeticCases, writeSuite } from "../support/suites.js";

const hasTorch = spawnSync("/usr/bin/python3", ["-c", "import torch"]).status === 0;

describe("the exit-code table", () => {
  it("is the README's table", () => {
    const readme = readFileSync(resolve("README.md"), "utf8");
    const block = /<!-- exit-codes:start -->\n([\s\S]*?)\n<!-- exit-codes:end -->/.exec(readme)?.[1];
    expect(block).toBe(renderExitCodeTable());
  });
  it("covers every error kind, with the code exitCodeFor gives; anything that is not ours is 70", () => {
    const kinds = Object.keys(EXIT_CODES) as ErrorKind[];
    expect(EXIT_CODE_TABLE.map((r) => r.kind).filter(Boolean).sort()).toEqual([...kinds].sort());
    expect(exitCodeFor(new TypeError("x"))).toBe(70);
  });
});

describe("every row, through the CLI", () => {
  let dir: string;
  let failing: OpenAiTestServer;
  let rejecting: OpenAiTestServer;
  beforeAll(async () => {
    dir = tempDir("llmops-exit-");
    failing = await startOpenAiTestServer({ faultFor: () => "500" });
    rejecting = await startOpenAiTestServer({ faultFor: () => "400" });
    writeArithmeticCases(dir, 4);
    const metrics = { exact_match: { type: "exact_match" } };
    const cases = (p: number) => Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, repeats: [{ exact_match: i < p ? 1 : 0 }] }));
    writeRun(join(dir, "base"), cases(36), { metrics });
    writeRun(join(dir, "cand"), cases(10), { metrics });
    writeFileSync(join(dir, "typo.yaml"), "metrics:\n  exact_matchs:\n    max_regression: 0.05\n");
    writeFileSync(join(dir, "bad.jsonl"), '{"messages": "not a list"}\n');
    writeFileSync(join(dir, "broken.yaml"), "name: x\ncases: [\n");
  });
  afterAll(async () => {
    await failing.close();
    await rejecting.close();
  });

  const code = (kind: ErrorKind | null) => EXIT_CODE_TABLE.find((r) => r.kind === kind)!.exit;
  const suite = (name: string, baseUrl: string) => {
    const d = join(dir, name);
    writeArithmeticCases(d, 4);
    writeSuite(d, baseUrl, { retries: { max_attempts: 2, base_delay_ms: 1, max_delay_ms: 2 } });
    return join(d, "suite.yaml");
  };

  it.each<[string, ErrorKind | null, string[], Record<string, string>?]>([
    ["--version", null, ["--version"]],
    ["-V", null, ["-V"]],
    ["a gate FAIL", "gate", ["gate", "--baseline", "base", "--candidate", "cand"]],
    ["invalid data", "data", ["data", "validate", "bad.jsonl", "--format", "chat"]],
    ["an unknown flag", "input", ["eval", "suite.yaml", "--nope"]],
    ["a YAML syntax error", "config", ["eval", "broken.yaml", "--dry-run"]],
    ["a policy naming a metric the runs do not have", "config", ["gate", "--baseline", "base", "--candidate", "cand", "--policy", "typo.yaml"]],
    ["LLMOPS_PYTHON that does not exist, with --dry-run", "external", ["train", resolve("pipelines/tiny-sft.yaml"), "--dry-run", "--out", "t1"], { LLMOPS_PYTHON: "/nonexistent/python3" }],
    ["LLMOPS_PYTHON that does not exist", "external", ["train", resolve("pipelines/tiny-sft.yaml"), "--out", "t2"], { LLMOPS_PYTHON: "/nonexistent/python3" }],
  ])("%s", async (_label, kind, args, env = {}) => {
    const r = await runCli(args, { cwd: dir, env });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code, r.stderr).toBe(code(kind));
  });

  it("a server answering 500 to every request, and one answering 400 to every request, are external refusals (2)", async () => {
    const r500 = await runCli(["eval", suite("s500", failing.baseUrl), "--no-cache"], { cwd: dir });
    expect(r500.stderr).toMatch(/error: every request failed \(4 of 4\)/);
    expect(r500.code).toBe(code("external"));
    const r400 = await runCli(["eval", suite("s400", rejecting.baseUrl), "--no-cache"], { cwd: dir });
    expect(r400.stderr).toMatch(/error: every request failed \(4 of 4\) — 4 × bad_request/);
    expect(r400.code).toBe(code("external"));
  });

  it("a bug in llmops (70): the built CLI, with a fault injected into the real process, prints the stack and asks for a report", async () => {
    // The fault is injected from outside (a --import preload that makes reading one file throw a
    // TypeError, as a bug would), so the product carries no test hook.
    const preload = join(dir, "inject-bug.mjs");
    writeFileSync(
      preload,
      `import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const read = fs.readFileSync;
fs.readFileSync = function (p, ...rest) {
  if (String(p).endsWith("bug.yaml")) throw new TypeError("Cannot read properties of undefined (reading 'injected')");
  return read.call(this, p, ...rest);
};
syncBuiltinESMExports();
`,
    );
    writeFileSync(join(dir, "bug.yaml"), "name: x\n");
    const r = await runCli(["eval", "bug.yaml", "--dry-run"], { cwd: dir, env: { NODE_OPTIONS: `--import=${preload}` } });
    expect(r.code, r.stderr).toBe(code("internal"));
    expect(r.stderr).toMatch(/^internal error: Cannot read properties of undefined \(reading 'injected'\)$/m);
    expect(r.stderr).toMatch(/\n\s+at /); // the stack, for the report
    expect(r.stderr).toMatch(/This is a bug in llmops; please report it/);
    const json = await runCli(["eval", "bug.yaml", "--dry-run", "--json"], { cwd: dir, env: { NODE_OPTIONS: `--import=${preload}` } });
    expect(json.code).toBe(70);
    expect(JSON.parse(json.stdout).error).toMatchObject({ kind: "internal", exit_code: 70 });
  });

  it.skipIf(!hasTorch)("a trainer that exits non-zero is a failed run (1)", async () => {
    const r = await runCli(["train", resolve("pipelines/tiny-sft.yaml"), "--out", "t3", "--set", 'backend_args=["--no-such-flag"]'], { cwd: dir, env: { LLMOPS_PYTHON: "/usr/bin/python3" } });
    expect(r.code, r.stderr).toBe(code("process"));
  }, 60_000);
});

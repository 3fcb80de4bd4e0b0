// Prompt templates through the built CLI: a typo, an unknown filter and a syntax error stop
// `eval --dry-run` with exit 2 at the template's file:line:col before anything is sent; a server
// that ignores stream: true is read as plain JSON (one notice), not retried as truncated.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { arithmeticAnswer, writeArithmeticCases, writeSuite } from "../support/suites.js";

describe("eval: strict prompt templates", () => {
  let server: OpenAiTestServer;
  beforeAll(async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt) });
  });
  afterAll(async () => server.close());

  const suiteWith = (template: string) => {
    const dir = tempDir();
    writeArithmeticCases(dir, 3);
    mkdirSync(join(dir, "prompts"));
    writeFileSync(join(dir, "prompts", "p.jinja"), template);
    writeSuite(dir, server.baseUrl, { prompt: { file: "prompts/p.jinja" } });
    return dir;
  };

  it.each([
    ["Question:\n{{ inptu }}\n", /^error: prompts\/p\.jinja:2:4: undefined variable "inptu" in the prompt template for case "c0000" \(cases\.jsonl:1\) \(did you mean "input"\?\)/],
    ["{{ inptu | upper }}", /^error: prompts\/p\.jinja:1:4: undefined variable "inptu"/],
    ["Q: {{ input | nosuch }}", /^error: prompts\/p\.jinja:1:15: the prompt template failed for case "c0000" \(cases\.jsonl:1\): Unknown StringValue filter: nosuch/],
    ["Q:\n{% if input %}{{ input }}\n", /^error: prompts\/p\.jinja:2:1: invalid Jinja template/],
  ])("%j: exit 2 at its place, nothing sent", async (template, message) => {
    const dir = suiteWith(template);
    const before = server.requests.length;
    for (const args of [["--dry-run"], ["--no-cache"]]) {
      const r = await runCli(["eval", "suite.yaml", ...args], { cwd: dir });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.code).toBe(2);
    }
    expect(server.requests.length).toBe(before);
  });
});

describe("eval: a case the template fails on, far into a streamed case file", () => {
  it("stops at that case with exit 2, naming it, and a rerun after the fix resumes with the records before it", async () => {
    const server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt) });
    try {
      const dir = tempDir();
      const path = writeArithmeticCases(dir, 400);
      const lines = readFileSync(path, "utf8").trim().split("\n");
      // Case 300 has vars but no input: the template's {{ input }} is undefined for it alone.
      lines[300] = JSON.stringify({ id: "c0300", vars: { note: "x" }, expected: "?" });
      writeFileSync(path, `${lines.join("\n")}\n`);
      writeSuite(dir, server.baseUrl, { concurrency: 4 });
      const r = await runCli(["eval", "suite.yaml", "--no-cache", "--out", "run"], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/undefined variable "input" in the prompt template for case "c0300" \(cases\.jsonl:301\)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const sent = server.requests.length;
      const kept = readFileSync(join(dir, "run", "results.jsonl"), "utf8").trim().split("\n").length;
      expect(kept).toBeGreaterThanOrEqual(200);
      expect(sent).toBeLessThan(400);
      lines[300] = JSON.stringify({ id: "c0300", input: "1+1=", expected: "2" });
      writeFileSync(path, `${lines.join("\n")}\n`);
      const again = await runCli(["eval", "suite.yaml", "--no-cache", "--out", "run", "--json"], { cwd: dir });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/resuming: \d+ of 400 records already done/);
      expect(JSON.parse(again.stdout).summary.counts.records).toBe(400);
      // Only what was missing was asked the second time.
      expect(server.requests.length - sent).toBe(400 - kept);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe("eval against a server that ignores stream: true", () => {
  it("reads its JSON answers, says once that it does not stream, and retries nothing", async () => {
    const server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt), ignoreStream: true });
    try {
      const dir = tempDir();
      writeArithmeticCases(dir, 6);
      writeSuite(dir, server.baseUrl);
      const r = await runCli(["eval", "suite.yaml", "--no-cache", "--json"], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.match(/does not stream: it answered stream: true with plain JSON/g)).toHaveLength(1);
      expect(server.requests).toHaveLength(6);
      expect(JSON.parse(r.stdout).summary.metrics.exact_match.mean).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("eval --dry-run checks the suite's own gate", () => {
  it("a gated metric that is no scorer of the suite is exit 2 at its line, with did-you-mean", async () => {
    const dir = tempDir();
    writeArithmeticCases(dir, 3);
    writeSuite(dir, "http://127.0.0.1:9/v1", { gate: { metrics: { exact_matchs: { max_regression: 0.5 } } } });
    const r = await runCli(["eval", "suite.yaml", "--dry-run"], { cwd: dir });
    expect(r.stderr).toMatch(/^error: suite\.yaml:\d+:5: gate\.metrics\.exact_matchs: no scorer of this suite is named "exact_matchs" \(did you mean "exact_match"\?\)/);
    expect(r.code).toBe(2);
  });
});

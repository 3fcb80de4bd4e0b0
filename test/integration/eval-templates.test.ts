// Prompt templates through the built CLI: a typo, an unknown filter and a syntax error stop
// `eval --dry-run` with exit 2 at the template's file:line:col before anything is sent; a server
// that ignores stream: true is read as plain JSON (one notice), not retried as truncated.
import { mkdirSync, writeFileSync } from "node:fs";
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

// The bundled evaluate action spawned as a process with INPUT_* variables against the loopback
// server: outputs, job summary, and failures reported through the runner's ::error:: protocol.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";
import { runActionBundle } from "../support/fake-github-action.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { arithmeticAnswer, writeArithmeticCases, writeSuite } from "../support/suites.js";

let server: OpenAiTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("actions/evaluate (bundled)", () => {
  it("runs the suite, sets results-dir and summary-json, writes the metric table to the job summary", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt, 4), faultRate: 0.1, seed: 3 });
    const dir = tempDir();
    writeArithmeticCases(dir, 40);
    writeSuite(dir, "http://127.0.0.1:1/v1"); // overridden by the base-url input
    const r = await runActionBundle({ action: "evaluate", inputs: { suite: "suite.yaml", out: "run", "base-url": server.baseUrl, concurrency: "4", "no-cache": "true" }, cwd: dir });
    expect(r.stdout).not.toMatch(/::error::/);
    expect(r.code).toBe(0);
    expect(r.outputs["results-dir"]).toBe(join(dir, "run"));
    expect(r.outputs["summary-json"]).toBe(join(dir, "run", "summary.json"));
    const summary = JSON.parse(readFileSync(r.outputs["summary-json"]!, "utf8"));
    const right = Array.from({ length: 40 }, (_, i) => i).filter((a) => a % 4 !== 0).length;
    expect(summary.metrics.exact_match.mean).toBeCloseTo(right / 40, 12);
    expect(summary.provenance.target.base_url).toBe(server.baseUrl);
    expect(r.summary).toContain("### llmops eval: arith");
    expect(r.summary).toMatch(/\| exact_match \| +75\.0 \|/);
    expect(server.requests.filter((q) => q.outcome === "ok")).toHaveLength(40);
  });

  it("fails, as the CLI does, when every request failed — after setting its outputs", async () => {
    server = await startOpenAiTestServer({ faultFor: () => "500" });
    const dir = tempDir();
    writeArithmeticCases(dir, 3);
    writeSuite(dir, server.baseUrl, { retries: { max_attempts: 2, base_delay_ms: 1, max_delay_ms: 2 } });
    const r = await runActionBundle({ action: "evaluate", inputs: { suite: "suite.yaml", out: "run", "no-cache": "true" }, cwd: dir });
    expect(r.stdout).toMatch(/::error::every request failed \(3 of 3\)/);
    expect(r.code).toBe(1);
    expect(r.outputs["results-dir"]).toBe(join(dir, "run"));
  });

  it("fails with the input named when a required input is missing or invalid", async () => {
    const missing = await runActionBundle({ action: "evaluate", inputs: {} });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/::error::input "suite" is required/);
    const bad = await runActionBundle({ action: "evaluate", inputs: { suite: "evals/arithmetic.yaml", concurrency: "lots" } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::input "concurrency" has an invalid value "lots"/);
    expect(bad.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

// The bundled evaluate action spawned as a process with INPUT_* variables against the loopback
// server: outputs, job summary, and failures reported through the runner's ::error:: protocol.
import { createHmac } from "node:crypto";
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { stableStringify } from "../../src/core/stable-json.js";
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
  it("masks the model's API key (target.api_key_env) in the runner's log before sending it", async () => {
    const key = "sk-live-3f9a0c2e7b";
    server = await startOpenAiTestServer({ respond: () => `the key is ${key}`, apiKey: key });
    const dir = tempDir();
    writeArithmeticCases(dir, 2);
    writeSuite(dir, server.baseUrl, { target: { base_url: server.baseUrl, model: "m", api: "chat", stream: false, api_key_env: "MODEL_KEY", params: { temperature: 0 } } });
    const r = await runActionBundle({ action: "evaluate", inputs: { suite: "suite.yaml", out: "run", "no-cache": "true" }, cwd: dir, env: { MODEL_KEY: key } });
    expect(r.code, r.stdout).toBe(0);
    expect(server.requests.map((q) => q.authorization)).toEqual([`Bearer ${key}`, `Bearer ${key}`]);
    // The runner masks a value from the moment ::add-mask:: is printed, so it must come first.
    const lines = r.stdout.split("\n");
    expect(lines.findIndex((l) => l === `::add-mask::${key}`)).toBe(0);
    expect(lines.filter((l) => l.includes(key))).toEqual([`::add-mask::${key}`]);
  });

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

  // The poisoning attack of issue 8: a PR commits .llmops/cache/** entries whose keys anyone can
  // compute, answering every case right. The eval must neither read them from the tree nor accept
  // planted entries in its real cache directory.
  it("never scores a response cache planted by a pull request's tree or by anything without the cache's key", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt, 4) }); // true score 0.75
    const dir = tempDir();
    writeArithmeticCases(dir, 40);
    writeSuite(dir, server.baseUrl);
    const toolCache = tempDir();
    const evaluate = (out: string, env: Record<string, string>, extra: Record<string, string> = {}) =>
      runActionBundle({ action: "evaluate", inputs: { suite: "suite.yaml", out, concurrency: "4", ...extra }, cwd: dir, env });
    const score = (out: string) => JSON.parse(readFileSync(join(dir, out, "summary.json"), "utf8")).metrics.exact_match.mean as number;

    const first = await evaluate("run1", { RUNNER_TOOL_CACHE: toolCache });
    expect(first.code, first.stdout).toBe(0);
    expect(score("run1")).toBeCloseTo(0.75, 12);
    const realCache = join(toolCache, "llmops", "responses");
    expect(readdirSync(realCache)).toContain("cache-key");

    // The attacker's tree: every entry rewritten to the right answer, MAC'd under a key of their own, committed (mode 0644).
    const planted = join(dir, ".llmops", "cache");
    cpSync(realCache, planted, { recursive: true });
    const attackerKey = Buffer.alloc(32, 7);
    writeFileSync(join(planted, "cache-key"), attackerKey.toString("hex"));
    let forged = 0;
    for (const sub of readdirSync(planted).filter((d) => d.length === 2)) {
      for (const f of readdirSync(join(planted, sub))) {
        const p = join(planted, sub, f);
        const e = JSON.parse(readFileSync(p, "utf8"));
        const rec = readFileSync(join(dir, "run1", "results.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).find((r) => r.key === e.key);
        e.response.text = String(rec.expected);
        e.mac = createHmac("sha256", attackerKey).update(stableStringify({ key: e.key, request_sha256: e.request_sha256, response: e.response })).digest("hex");
        writeFileSync(p, JSON.stringify(e));
        forged++;
      }
    }
    expect(forged).toBe(40);
    for (const f of readdirSync(planted, { recursive: true }) as string[]) chmodSync(join(planted, f), f.endsWith(".json") || f === "cache-key" ? 0o644 : 0o755);

    // A fresh runner: the tree's .llmops/cache is not read; every case is asked of the model.
    const before = server.requests.length;
    const second = await evaluate("run2", { RUNNER_TOOL_CACHE: tempDir() });
    expect(second.code, second.stdout).toBe(0);
    expect(score("run2")).toBeCloseTo(0.75, 12);
    expect(server.requests.length - before).toBe(40);

    // Pointing the action at the tree's cache is refused, naming the input.
    const intoTree = await evaluate("run3", { RUNNER_TOOL_CACHE: toolCache }, { "cache-dir": ".llmops/cache" });
    expect(intoTree.code).toBe(1);
    expect(intoTree.stdout).toMatch(/::error::input "cache-dir": .*\.llmops\/cache is inside the checked-out workspace/);

    // The forged entries copied into the real cache directory (an artifact, another job): they do not verify, so they are re-requested.
    for (const sub of readdirSync(planted).filter((d) => d.length === 2)) cpSync(join(planted, sub), join(realCache, sub), { recursive: true });
    const mid = server.requests.length;
    const third = await evaluate("run4", { RUNNER_TOOL_CACHE: toolCache });
    expect(third.code, third.stdout).toBe(0);
    expect(score("run4")).toBeCloseTo(0.75, 12);
    expect(server.requests.length - mid).toBe(40);
    expect(third.stdout).toMatch(/::warning::response cache: ignored the entry [0-9a-f]{12}… .*its MAC does not verify/);

    // A cache-key readable by others (as git checks files out) turns the cache off rather than trusting it.
    chmodSync(join(realCache, "cache-key"), 0o644);
    const fourth = await evaluate("run5", { RUNNER_TOOL_CACHE: toolCache });
    expect(fourth.stdout).toMatch(/::warning::response cache disabled: .*cache-key has mode 644/);
    expect(score("run5")).toBeCloseTo(0.75, 12);
  }, 120_000);

  it("yardstick: the PR's easier cases, dropped scorer and own server are ignored; its prompt and params are what is judged; its new case is evaluated apart", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt, 4) });
    const evil = await startOpenAiTestServer({ respond: () => "whatever" });
    try {
      const base = tempDir();
      writeArithmeticCases(base, 40);
      writeSuite(base, server.baseUrl);
      const pr = tempDir();
      writeFileSync(join(pr, "cases.jsonl"), '{"id":"easy","input":"1+1=","expected":"2"}\n');
      writeSuite(pr, evil.baseUrl, { prompt: "PR TEMPLATE {{ input }}", target: { base_url: evil.baseUrl, model: "m", api: "chat", stream: false, params: { temperature: 0.3, max_tokens: 5 } }, scorers: [{ type: "contains", value: "" }] });
      const r = await runActionBundle({ action: "evaluate", inputs: { suite: join(pr, "suite.yaml"), yardstick: join(base, "suite.yaml"), out: "run", "no-cache": "true" }, cwd: base });
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toMatch(/::warning::.*changes its cases .*, its scorers, its target endpoint, model or key; evaluated with .*suite\.yaml's instead/);
      const summary = JSON.parse(readFileSync(join(base, "run", "summary.json"), "utf8"));
      expect(Object.keys(summary.metrics)).toEqual(["exact_match"]);
      expect(summary.metrics.exact_match.mean).toBeCloseTo(0.75, 12); // the base's 40 cases, not the PR's one easy case
      expect(evil.requests).toHaveLength(0);
      // The base's 40 cases, then the PR's one new case, apart and under the base's scorers and endpoint.
      expect(server.requests).toHaveLength(41);
      expect(server.requests.at(-1)!.prompt).toBe("PR TEMPLATE 1+1=");
      expect(server.requests.every((q) => q.prompt.startsWith("PR TEMPLATE "))).toBe(true);
      expect(r.outputs["new-cases-dir"]).toBe(join(base, "run", "new-cases"));
      expect(r.stdout).toMatch(/new cases \(not gated\): 1 case\(s\) that .*suite\.yaml does not have, evaluated apart into .*run\/new-cases/);
      const added = JSON.parse(readFileSync(join(base, "run", "new-cases", "summary.json"), "utf8"));
      expect(added.counts.cases).toBe(1);
      expect(Object.keys(added.metrics)).toEqual(["exact_match"]);
      expect(readFileSync(join(base, "run", "new-cases", "results.jsonl"), "utf8")).toContain('"case_id":"easy"');
      expect(server.requests[0]!.body).toMatchObject({ temperature: 0.3, max_tokens: 5 });
    } finally {
      await evil.close();
    }
  }, 60_000);

  it.each([
    ["a committed symbolic link", (pr: string, secret: string) => { symlinkSync(secret, join(pr, "prompt.jinja")); return "prompt.jinja"; }],
    ["a ../ path", (pr: string, secret: string) => relative(pr, secret)],
  ])("yardstick: a PR suite whose prompt file is %s out of its checkout is refused before anything is read or sent", async (_, plant) => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt, 4) });
    const base = tempDir();
    writeArithmeticCases(base, 5);
    writeSuite(base, server.baseUrl);
    const secret = join(tempDir(), "runner-secret.txt");
    writeFileSync(secret, "RUNNER SECRET {{ input }}");
    const pr = tempDir();
    mkdirSync(join(pr, ".git")); // the PR's checkout
    writeArithmeticCases(pr, 5);
    writeSuite(pr, server.baseUrl, { prompt: { file: plant(pr, secret) } });
    const r = await runActionBundle({ action: "evaluate", inputs: { suite: join(pr, "suite.yaml"), yardstick: join(base, "suite.yaml"), out: "run", "no-cache": "true" }, cwd: base });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/prompt\.file: .* resolves outside .*a pull request's suite may only read its own files/);
    expect(r.stdout + r.stderr).not.toContain("RUNNER SECRET");
    expect(server.requests).toHaveLength(0);
  }, 60_000);
});

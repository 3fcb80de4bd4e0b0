// A 3-arm variant experiment end to end through the built CLI: a suite declaring two variants (a
// target and a prompt) evaluated with `llmops eval --variant` against the loopback OpenAI-compatible
// server (the simulated model: each model answers right with a planted probability) on the same
// cases, then `llmops compare --control … --arm …` — arms.json read back through its schema, arms.md
// with the verdict and the matrix, and usage and configuration errors with exit 2.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { armsFormat } from "../../src/core/contracts/added-formats.js";
import { runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { simulatedModel } from "../support/simulated-model.js";
import { writeArithmeticCases, writeSuite } from "../support/suites.js";

let server: OpenAiTestServer;
let dir: string;

beforeAll(async () => {
  server = await startOpenAiTestServer({ respond: simulatedModel({ control: 0.55, better: 0.9, same: 0.55 }) });
  dir = tempDir();
  writeArithmeticCases(dir, 150);
  const suite = writeSuite(dir, server.baseUrl, {
    target: { base_url: server.baseUrl, model: "control", api: "chat", stream: true, params: { temperature: 0, max_tokens: 8 } },
    variants: [
      { name: "better", description: "a stronger model", model: "better" },
      { name: "same", description: "the control's model with a reworded prompt", model: "same", prompt: "Compute: {{ input }}" },
    ],
  });
  for (const args of [["--out", join(dir, "runs", "control")], ["--variant", "better", "--out", join(dir, "runs", "better")], ["--variant", "same"]]) {
    const r = await runCli(["eval", suite, ...args, "--no-cache"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await server.close();
});

describe("llmops compare --control --arm (spawned CLI)", () => {
  it("names the planted better arm the winner, with every pair, Holm and the disagreeing cases", async () => {
    // The variant's run went to its default directory, named after the suite and the variant.
    const sameRun = JSON.parse(readFileSync(join(dir, ".llmops", "eval", "arith@same", "summary.json"), "utf8"));
    expect(sameRun.provenance.variant).toBe("same");
    expect(sameRun.provenance.target.model).toBe("same");
    const control = JSON.parse(readFileSync(join(dir, "runs", "control", "summary.json"), "utf8"));
    expect(control.provenance.variant).toBeUndefined();
    expect(sameRun.provenance.prompt_hash).not.toBe(control.provenance.prompt_hash);
    expect(server.requests.some((q) => q.model === "same" && q.prompt.startsWith("Compute: "))).toBe(true);
    const r = await runCli(["compare", "--control", "runs/control", "--arm", "better=runs/better", "--arm", "same=.llmops/eval/arith@same", "--out", "arms"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/150 shared cases, 3 arms \(control control\); Holm across 3 pairs × metrics/);
    expect(r.stdout).toMatch(/exact_match\s+better wins: its Holm interval excludes control, same/);
    const a = armsFormat.parse(readFileSync(join(dir, "arms", "arms.json"), "utf8"), "arms.json");
    expect(a.arms.map((x) => [x.name, x.control])).toEqual([["control", true], ["better", false], ["same", false]]);
    const em = a.metrics.find((m) => m.name === "exact_match")!;
    expect(em.winner).toBe("better");
    expect(em.means[1]!).toBeGreaterThan(em.means[0]! + 0.2);
    // same vs control: the planted truth is no difference; with these cases it is not separated.
    const same = a.pairs.find((p) => p.arm === "same" && p.versus === "control")!;
    expect(same.ci_holm![0]).toBeLessThan(0);
    expect(same.ci_holm![1]).toBeGreaterThan(0);
    expect(a.disagreements.length).toBe(10);
    const md = readFileSync(join(dir, "arms", "arms.md"), "utf8");
    expect(md).toContain("### llmops k-arm comparison: control (control) vs better, same");
    expect(md).toMatch(/\| better\s+\|.*pp \[.*\] 🏆/);
    expect(md).toContain("Cases where the arms disagree most (10)");
    expect(md).toContain("Holm across 3 pairs × metrics");
  }, 60_000);

  it("refuses an unknown variant (with a suggestion) and duplicate variant names (at file:line:col)", async () => {
    const unknown = await runCli(["eval", "suite.yaml", "--variant", "beter", "--dry-run"], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/suite\.yaml: no variant named "beter" \(did you mean "better"\?\)/);
    const file = join(dir, "dup.yaml");
    writeFileSync(file, readFileSync(join(dir, "suite.yaml"), "utf8").replace("name: same", "name: better"));
    const dup = await runCli(["eval", "dup.yaml", "--dry-run"], { cwd: dir });
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/dup\.yaml:\d+:\d+: variants\[1\]\.name: "better" is already the name of variants\[0\]/);
  }, 60_000);

  it("refuses --arm without --control, mixed forms and duplicate names (exit 2, no stack trace)", async () => {
    const cases: [string[], RegExp][] = [
      [["compare", "--arm", "runs/better"], /--arm needs --control/],
      [["compare", "--control", "runs/control", "--arm", "runs/better", "--baseline", "runs/same"], /--baseline cannot be combined with --control\/--arm/],
      [["compare", "--control", "x=runs/control", "--arm", "x=runs/better"], /two arms are named "x"/],
      [["compare", "--control", "runs/control"], /at least one --arm/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  }, 60_000);
});

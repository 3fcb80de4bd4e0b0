// A 3-arm variant experiment end to end through the built CLI: three models served by the loopback
// OpenAI-compatible server (the simulated model: each answers right with a planted probability)
// evaluated on the same cases, then `llmops compare --control … --arm …` — arms.json read back
// through its schema, arms.md with the verdict and the matrix, and usage errors with exit 2.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArmsComparison } from "../../src/core/contracts/arms.js";
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
  const suite = writeSuite(dir, server.baseUrl);
  for (const model of ["control", "better", "same"]) {
    const r = await runCli(["eval", suite, "--model", model, "--out", join(dir, "runs", model), "--no-cache"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await server.close();
});

describe("llmops compare --control --arm (spawned CLI)", () => {
  it("names the planted better arm the winner, with every pair, Holm and the disagreeing cases", async () => {
    const r = await runCli(["compare", "--control", "runs/control", "--arm", "better=runs/better", "--arm", "runs/same", "--out", "arms"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/150 shared cases, 3 arms \(control control\); Holm across 3 pairs × metrics/);
    expect(r.stdout).toMatch(/exact_match\s+better wins: its Holm interval excludes control, same/);
    const a = parseArmsComparison(readFileSync(join(dir, "arms", "arms.json"), "utf8"), "arms.json");
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

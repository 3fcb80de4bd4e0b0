// The PR workflow's gate on a pull request that changes nothing: base and head evaluated with the
// repository's own suite against the same model pass "unchanged"; a suite too small for its margin
// is caught by `gate --plan`, by `eval --dry-run` and by the gate's own reason, with the numbers.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { simulatedModel } from "../support/simulated-model.js";

const SUITE = resolve("evals/arithmetic.yaml");

describe("gate on an unchanged pull request", () => {
  let server: OpenAiTestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startOpenAiTestServer({ respond: simulatedModel({ tiny: 0.7, other: 0.7 }) });
    dir = tempDir("llmops-unchanged-");
    // The repository's policy before it was sized: a 2-point margin on 60 cases.
    writeFileSync(join(dir, "narrow.yaml"), "metrics:\n  exact_match:\n    max_regression: 0.02\ninconclusive: fail\n");
    const evalRun = (out: string, model = "tiny") => runCli(["eval", SUITE, "--base-url", server.baseUrl, "--model", model, "--out", join(dir, out), "--no-cache", "-q"], { cwd: dir });
    for (const r of await Promise.all([evalRun("base"), evalRun("head"), evalRun("other", "other")])) expect(r.code, r.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => server.close());

  it("passes 'unchanged' under the suite's policy, a 2-point policy and the default policy", async () => {
    for (const policy of [["--policy", SUITE], ["--policy", join(dir, "narrow.yaml")], []]) {
      const r = await runCli(["gate", "--baseline", join(dir, "base"), "--candidate", join(dir, "head"), ...policy, "--json"], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const gate = JSON.parse(r.stdout).gate;
      expect(gate).toMatchObject({ verdict: "pass", conclusion: "success", blocking: false });
      expect(gate.checks[0].message).toBe("unchanged: all 60 records were produced by the same requests and returned the same outputs as the baseline");
    }
  });

  it("decides a changed model with the statistics, and says when the margin is too narrow for 60 cases", async () => {
    const suite = await runCli(["gate", "--baseline", join(dir, "base"), "--candidate", join(dir, "other"), "--policy", SUITE], { cwd: dir });
    expect(suite.stdout).not.toContain("unchanged");
    const narrow = await runCli(["gate", "--baseline", join(dir, "base"), "--candidate", join(dir, "other"), "--policy", join(dir, "narrow.yaml")], { cwd: dir });
    expect(narrow.stdout).not.toContain("unchanged");
    if (/INCONCLUSIVE/.test(narrow.stdout)) {
      expect(narrow.code).toBe(1);
      expect(narrow.stderr).toContain(`(inconclusive: fail in ${join(dir, "narrow.yaml")})`);
    }
    expect(narrow.stdout).toMatch(/with 60 cases the smallest regression this suite can rule out is \d+(\.\d)? points; a max_regression of 2 points needs about \d+ cases — add cases, widen the margin, or use repeats/);
  });

  it("gate --plan sizes the repository's suite (decidable) and a narrow policy (exit 1, with the cases it needs)", async () => {
    const ok = await runCli(["gate", "--plan", SUITE]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok {2}exact_match: with 60 cases the smallest regression this suite can rule out is 6 points; the margin of 8 points can be decided$/m);
    const narrow = await runCli(["gate", "--plan", SUITE, "--policy", join(dir, "narrow.yaml"), "--json"]);
    expect(narrow.code).toBe(1);
    expect(JSON.parse(narrow.stdout)).toMatchObject({ cases: 60, decidable: false, margins: [{ metric: "exact_match", margin: 0.02, decidable: false, cases_needed: 189 }] });
  });

  it("eval --dry-run warns about a suite whose own gate is too narrow, at the margin's line", async () => {
    const file = join(dir, "narrow-suite.yaml");
    writeFileSync(file, `name: narrow\ncases:\n  file: ${resolve("evals/cases/arithmetic.jsonl")}\nprompt: "{{ input }}"\ntarget:\n  base_url: http://127.0.0.1:9/v1\n  model: m\nscorers:\n  - type: exact_match\ngate:\n  metrics:\n    exact_match:\n      max_regression: 0.02\n`);
    const r = await runCli(["eval", file, "--dry-run"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/narrow-suite\.yaml:13:23: gate\.metrics\.exact_match: with 60 cases the smallest regression this suite can rule out is 6 points; a max_regression of 2 points needs about 189 cases/);
  });
});

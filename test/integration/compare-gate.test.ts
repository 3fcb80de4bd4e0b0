// `llmops compare` and `llmops gate` through the built bundle, on run directories written here with
// known numbers: exit codes, comparison.json values, report.md, and errors that name their place.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Comparison } from "../../src/core/compare/types.js";
import { tangoInterval, tQuantile } from "../../src/core/stats/index.js";
import { writeRun, type FakeCase } from "../support/eval-runs.js";

const CLI = resolve("dist/cli/index.js");

function llmops(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, INIT_CWD: cwd, CI: "true" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// 40 shared cases. exact_match: baseline passes c0–c29; candidate passes c0–c27 and c30–c37
// → both 28, broke 2 (c28, c29), fixed 8 (c30–c37), neither 2. similarity: baseline 0.5 everywhere,
// candidate 0.5 on even cases and 0.6 on odd ones → Δ = 0.05.
const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
const baseCases: FakeCase[] = [
  ...ids.map((id, i) => ({ id, repeats: [{ exact_match: i < 30 ? 1 : 0, similarity: 0.5 }], latency: 100 + i })),
  { id: "gone-1", repeats: [{ exact_match: 1, similarity: 0.5 }] },
];
const candCases: FakeCase[] = [
  ...ids.map((id, i) => ({ id, repeats: [{ exact_match: i < 28 || (i >= 30 && i < 38) ? 1 : 0, similarity: i % 2 ? 0.6 : 0.5 }], latency: 110 + i })),
  { id: "extra-1", repeats: [{ exact_match: 0, similarity: 0.1 }] },
];
const metrics = { exact_match: { type: "exact_match" }, similarity: { type: "similarity" } };

describe("llmops compare / gate", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "llmops-compare-"));
    writeRun(join(dir, "base"), baseCases, { metrics });
    // The candidate was killed while writing a line: a partial last line without a newline.
    writeRun(join(dir, "cand"), candCases, { metrics, trailing: '{"case_id":"c40","rep' });
    writeFileSync(join(dir, "pass.yaml"), "metrics:\n  exact_match:\n    max_regression: 0.05\n  similarity:\n    min_improvement: 0.02\nlatency:\n  p95_max_ms: 1000\n");
    writeFileSync(join(dir, "fail.yaml"), "metrics:\n  exact_match:\n    threshold: 0.99\n");
    writeFileSync(join(dir, "unsure.yaml"), "metrics:\n  exact_match:\n    min_improvement: 0.1\ninconclusive: neutral\n");
    writeFileSync(join(dir, "unsure-blocks.yaml"), "metrics:\n  exact_match:\n    min_improvement: 0.1\n");
    writeFileSync(join(dir, "bad.yaml"), "metrics:\n  exact_match:\n    max_regresion: 0.05\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compare writes comparison.json and report.md with the paired numbers", () => {
    const r = llmops(["compare", "--baseline", "base", "--candidate", "cand", "--out", "out"], dir);
    expect(r.stderr).toContain("ignored a partial last line");
    expect(r.code).toBe(0);
    const c = JSON.parse(readFileSync(join(dir, "out/comparison.json"), "utf8")) as Comparison;
    expect(c.schema).toBe("llmops.comparison/v1");
    expect(c.paired_cases).toBe(40);
    expect(c.one_sided).toEqual({ baseline_only: ["gone-1"], candidate_only: ["extra-1"] });
    expect(c.gate).toBeNull();

    const em = c.metrics.find((m) => m.name === "exact_match")!;
    expect(em.baseline.mean).toBe(0.75);
    expect(em.candidate.mean).toBe(0.9);
    expect(em.delta).toBeCloseTo(0.15, 12);
    expect(em.test).toBe("mcnemar-asymptotic");
    expect(em.interval_method).toBe("tango-score");
    // 2 broke vs 8 fixed: z = 6/√10, p = 2·(1 − Φ(1.8974)) = 0.05777.
    expect(em.p_value).toBeCloseTo(0.0577795, 6);
    expect(em.ci).toEqual(tangoInterval({ both: 28, broke: 2, fixed: 8, neither: 2 }));
    // Not significant at 5%, and the interval agrees: it contains 0.
    expect(em.ci![0]).toBeLessThan(0);
    expect([em.broke, em.fixed]).toEqual([2, 8]);
    expect(c.flips.filter((f) => f.direction === "broke").map((f) => f.case_id)).toEqual(["c28", "c29"]);

    const sim = c.metrics.find((m) => m.name === "similarity")!;
    expect(sim.test).toBe("paired-t");
    expect(sim.delta).toBeCloseTo(0.05, 12);
    // Differences: twenty 0s and twenty 0.1s → SD √(40·0.05²/39).
    const se = Math.sqrt((40 * 0.0025) / 39) / Math.sqrt(40);
    expect(sim.ci![0]).toBeCloseTo(0.05 - tQuantile(0.975, 39) * se, 10);
    expect(sim.ci![1]).toBeCloseTo(0.05 + tQuantile(0.975, 39) * se, 10);
    // Holm over both metrics (nothing gated): the smaller p doubles.
    expect(em.p_holm).toBeCloseTo(Math.min(1, Math.max(2 * Math.min(em.p_value!, sim.p_value!), Math.max(em.p_value!, sim.p_value!))), 12);

    expect(c.operational.latency.delta_p50).toBeCloseTo(10, 12);
    expect(c.baseline.provenance).toMatchObject({ git: { commit: "c".repeat(40) } });
    expect(c.candidate.warnings.join("\n")).toContain("partial last line");

    // report.md comes from the report domain's job-summary renderer, with case details from the runs.
    const md = readFileSync(join(dir, "out/report.md"), "utf8");
    expect(md).toMatch(/\| exact\\_match +\| +75\.0% \| +90\.0% \| +\+15\.0 pp/);
    expect(md).toContain("Not paired: 1 case(s) only in the baseline, 1 only in the candidate.");
    expect(md).toContain("user: question c28");
  });

  it("gate passes (exit 0) when every bound clears its limit", () => {
    const r = llmops(["gate", "--baseline", "base", "--candidate", "cand", "--policy", "pass.yaml"], dir);
    expect(r.stdout).toContain("gate: PASS");
    expect(r.code).toBe(0);
  });

  it("gate fails (exit 1) when a floor is broken, naming the check", () => {
    const r = llmops(["gate", "--baseline", "base", "--candidate", "cand", "--policy", "fail.yaml", "--out", "gate-out"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: gate FAIL:\n {2}FAIL: exact_match: candidate 0\.9 \[0\.7\d+, 0\.9\d+\] must be ≥ 0\.99/);
    const c = JSON.parse(readFileSync(join(dir, "gate-out/comparison.json"), "utf8")) as Comparison;
    expect(c.gate).toMatchObject({ verdict: "fail", blocking: true, conclusion: "failure", policy_source: "fail.yaml" });
    expect(c.metrics.find((m) => m.name === "exact_match")!.gated).toBe(true);
  });

  it("compare --policy gates too", () => {
    expect(llmops(["compare", "--baseline", "base", "--candidate", "cand", "--policy", "fail.yaml", "--out", "o2"], dir).code).toBe(1);
  });

  it("inconclusive blocks only when the policy says so, and says what would decide it", () => {
    const neutral = llmops(["gate", "--baseline", "base", "--candidate", "cand", "--policy", "unsure.yaml", "--json"], dir);
    expect(neutral.code).toBe(0);
    const c = JSON.parse(neutral.stdout) as Comparison;
    expect(c.gate).toMatchObject({ verdict: "inconclusive", blocking: false, conclusion: "neutral" });
    expect(c.gate!.checks[0]!.cases_needed).toBeGreaterThan(40);
    const blocks = llmops(["gate", "--baseline", "base", "--candidate", "cand", "--policy", "unsure-blocks.yaml"], dir);
    expect(blocks.code).toBe(1);
    expect(blocks.stderr).toMatch(/would likely be decided at ~\d+ paired cases/);
  });

  it("bad input exits 2 with the place named", () => {
    const bad = llmops(["gate", "--baseline", "base", "--candidate", "cand", "--policy", "bad.yaml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yaml:3:5: metrics.exact_match.max_regresion: unknown key "max_regresion" (did you mean "max_regression"?)');
    const missing = llmops(["compare", "--baseline", "base"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--candidate DIR is required");
    const nodir = llmops(["gate", "--baseline", "base", "--candidate", "nope"], dir);
    expect(nodir.code).toBe(2);
    expect(nodir.stderr).toContain("candidate run directory not found");
  });

  it("reads the policy from a suite file's gate: key", () => {
    writeFileSync(join(dir, "suite.yaml"), "name: qa\nscorers:\n  - type: exact_match\ngate:\n  metrics:\n    exact_match:\n      threshold: 0.99\n");
    const r = llmops(["gate", "--baseline", "base", "--candidate", "cand", "--policy", "suite.yaml", "--json"], dir);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Comparison).gate!.policy_source).toBe("suite.yaml (gate:)");
  });

  it("with repeats, pairs case means (clustered) and can advise more repeats", () => {
    // 30 cases × 4 repeats; the score of a case is its repeat noise around a common mean, so
    // between-repeat noise dominates and more repeats would decide the margin.
    const noisy = (shift: number): FakeCase[] =>
      Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, repeats: [0, 1, 2, 3].map((k) => ({ quality: 0.5 + shift + (((i * 7 + k * 13) % 10) - 4.5) / 20 })) }));
    writeRun(join(dir, "rb"), noisy(0), { metrics: { quality: { type: "judge" } } });
    const other = (shift: number): FakeCase[] =>
      Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, repeats: [0, 1, 2, 3].map((k) => ({ quality: 0.5 + shift + (((i * 3 + k * 7 + 5) % 10) - 4.5) / 20 })) }));
    writeRun(join(dir, "rc"), other(-0.005), { metrics: { quality: { type: "judge" } } });
    writeFileSync(join(dir, "rep.yaml"), "metrics:\n  quality:\n    max_regression: 0.01\ninconclusive: neutral\n");
    const r = llmops(["gate", "--baseline", "rb", "--candidate", "rc", "--policy", "rep.yaml", "--json"], dir);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    const q = c.metrics[0]!;
    expect(q.test).toBe("paired-t-clustered");
    expect(q.n).toBe(30);
    expect(q.repeats).toEqual({ baseline: 4, candidate: 4 });
    expect(q.delta).toBeCloseTo(-0.005, 12);
    expect(q.sd_within).toBeGreaterThan(0);
    expect(c.gate!.verdict).toBe("inconclusive");
    expect(c.gate!.checks[0]!.repeats_needed).toBeGreaterThan(4);
  });

  it("a corrupt results line is invalid data (exit 1) naming file:line; a missing summary is said", () => {
    const corrupt = join(dir, "corrupt");
    writeRun(corrupt, candCases.slice(0, 3), { metrics });
    const text = readFileSync(join(corrupt, "results.jsonl"), "utf8").split("\n");
    text[1] = "{oops";
    writeFileSync(join(corrupt, "results.jsonl"), text.join("\n"));
    const r = llmops(["compare", "--baseline", "base", "--candidate", "corrupt", "--out", "o3"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/corrupt\/results\.jsonl:2: not valid JSON/);

    writeRun(join(dir, "nosummary"), candCases.slice(0, 5), { summary: false });
    const ns = llmops(["compare", "--baseline", "base", "--candidate", "nosummary", "--out", "o4"], dir);
    expect(ns.code).toBe(0);
    expect(ns.stderr).toMatch(/nosummary\/summary\.json is missing/);
  });
});

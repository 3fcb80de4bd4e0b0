// `llmops report` through the built bundle: a comparison.json plus two run directories in, the
// comment, job summary and HTML report out; bad input gives a clear message and exit code.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComparison, makeRecords } from "../support/report-fixture.js";
import { writeResultLine, type EvalRecord } from "../../src/core/contracts/result-line.js";
import { evalRecord } from "../support/contract-docs.js";

const CLI = resolve("dist/cli/index.js");

function llmops(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, INIT_CWD: cwd, CI: "true" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("llmops report", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "llmops-report-"));
    const records = makeRecords();
    for (const side of ["baseline", "candidate"] as const) {
      mkdirSync(join(dir, "runs", side), { recursive: true });
      writeFileSync(join(dir, "runs", side, "results.jsonl"), records[side].map((r) => writeResultLine(evalRecord({ ...r, scores: r.scores as EvalRecord["scores"], error: r.error as EvalRecord["error"] }))).join(""));
    }
    writeFileSync(join(dir, "comparison.json"), JSON.stringify(makeComparison(records), null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the comment, the summary and the HTML report", () => {
    const r = llmops(["report", "--comparison", "comparison.json", "--markdown", "out/comment.md", "--summary", "out/summary.md", "--html", "out/report.html", "--run-url", "https://github.com/acme/llm/actions/runs/9"], dir);
    expect(r.stderr).toContain("wrote PR comment: out/comment.md");
    expect(r.code).toBe(0);
    const comment = readFileSync(join(dir, "out/comment.md"), "utf8");
    expect(comment).toMatch(/^### ❌ FAIL — llmops eval: qa\n/);
    expect(comment).toContain("[workflow run](https://github.com/acme/llm/actions/runs/9)");
    // Case outputs came from the runs' results.jsonl.
    expect(comment).toContain("I think the answer is probably not Mars.");
    expect(readFileSync(join(dir, "out/summary.md"), "utf8")).toMatch(/^## ❌ FAIL/);
    const html = readFileSync(join(dir, "out/report.html"), "utf8");
    expect(html).toContain('<h1 id="verdict">✘ FAIL — llmops eval: qa</h1>');
    expect(JSON.parse(/<script type="application\/json" id="llmops-data">([\s\S]*?)<\/script>/.exec(html)![1]!).cases).toHaveLength(50);
  });

  it("prints the comment on stdout when no output is named, and says when details are missing", () => {
    const r = llmops(["report", "--comparison", "comparison.json"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^### ❌ FAIL/);
    const other = mkdtempSync(join(tmpdir(), "llmops-report-alone-"));
    try {
      writeFileSync(join(other, "c.json"), readFileSync(join(dir, "comparison.json")));
      const alone = llmops(["report", "--comparison", "c.json"], other);
      expect(alone.code).toBe(0);
      expect(alone.stderr).toContain("baseline results.jsonl not found");
      expect(alone.stdout).toContain("Inputs and outputs unavailable");
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it.each([
    [["report"], 2, "--comparison FILE is required"],
    [["report", "--comparison", "nope.json"], 2, "--comparison nope.json: no such file"],
    [["report", "--comparison", "runs/baseline/results.jsonl"], 1, "runs/baseline/results.jsonl: not valid JSON"],
    [["report", "--comparison", "comparison.json", "--baseline", "runs"], 2, "no results.jsonl in runs"],
    [["report", "--comparison", "comparison.json", "--max-chars", "10"], 2, "--max-chars must be a whole number ≥ 1000"],
  ])("%j → exit %i with a clear message", (args, code, message) => {
    const r = llmops(args as string[], dir);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(code);
  });
});

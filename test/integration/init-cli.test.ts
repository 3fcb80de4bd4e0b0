// `llmops init` in an empty git repository: the starter files, refusal to overwrite, its workflows
// parsed by GitHub's parser and our workflow rules, its suite and pipeline loadable by llmops.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { loadWorkflowParser } from "../support/workflow-parser.js";
import { workflowRuleViolations } from "../support/workflow-rules.js";

const PIN = `acme/llmops@${"a1b2c3d4".repeat(5)}`;

describe("llmops init", () => {
  it("writes a working starter, pinned by SHA, refuses to overwrite, and says what to do next", async () => {
    const dir = join(tempDir(), "Support Bot");
    execFileSync("mkdir", ["-p", dir]);
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
    const r = await runCli(["init", "--actions", PIN], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("evals/support-bot.yaml");
    expect(r.stdout).toMatch(/1\. Point the suite at your model[\s\S]*2\. For a hosted API[\s\S]*3\. Make "llmops \/ gate" \(\.github\/workflows\/llmops-gate\.yml, the trusted gate\) a required check/);

    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await loadWorkflowParser();
    for (const wf of ["llmops-main.yml", "llmops-pr.yml", "llmops-gate.yml"]) {
      const text = readFileSync(join(dir, ".github", "workflows", wf), "utf8");
      expect(text).toContain(`acme/llmops/actions/${wf === "llmops-gate.yml" ? "evaluate" : "pipeline"}@${"a1b2c3d4".repeat(5)} # v`);
      expect(workflowRuleViolations(wf, text)).toEqual([]);
      const parsed = parseWorkflow({ name: wf, content: text }, new NoOperationTraceWriter());
      expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
      const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
      expect((template.errors ?? []).map((e: { Message: string }) => e.Message)).toEqual([]);
    }
    // The suite and the pipeline load: a dry run plans the 3 cases; status wants to run the eval stage.
    const dry = await runCli(["eval", "evals/support-bot.yaml", "--dry-run", "--json"], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ suite: "support-bot", cases: 3 });
    const st = await runCli(["status", "--json"], { cwd: dir });
    expect(st.code, st.stderr).toBe(1);
    expect(JSON.parse(st.stdout).stages).toMatchObject([{ name: "eval", status: "run", reasons: ["never ran here"] }]);

    // Again: refuses, names the files, changes nothing.
    writeFileSync(join(dir, "prompts", "support-bot.jinja"), "mine");
    const again = await runCli(["init", "--actions", PIN], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/would overwrite evals\/support-bot\.yaml, .*prompts\/support-bot\.jinja.*; nothing was written/);
    expect(readFileSync(join(dir, "prompts", "support-bot.jinja"), "utf8")).toBe("mine");

    const bad = await runCli(["init", "--actions", "acme/llmops@v1"], { cwd: tempDir() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--actions must be OWNER\/REPO@<40-hex commit SHA>/);
  }, 60_000);
});

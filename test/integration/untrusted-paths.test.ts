// Names and files from a pull request that would reach paths or secrets: refused with the place
// named (spawned bundles, real files and links in temp directories).
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { runActionBundle } from "../support/fake-github-action.js";
import { writeArithmeticCases, writeSuite } from "../support/suites.js";

describe("names that become paths, links in datasets, keys a suite may name", () => {
  it("a training spec named ../../x is refused before anything is written", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "train.jsonl"), '{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]}\n');
    writeFileSync(join(dir, "spec.yaml"), "name: ../../escaped\nbase: {model: scratch}\ndatasets: {format: chat, train: train.jsonl}\nmax_steps: 1\n");
    const r = await runActionBundle({ action: "train", inputs: { spec: "spec.yaml", "dry-run": "true" }, cwd: dir, env: { RUNNER_ENVIRONMENT: "github-hosted" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::.*spec\.yaml.*name.*safe as a path segment/);
  });

  it("a suite named .. is refused", async () => {
    const dir = tempDir();
    writeArithmeticCases(dir, 2);
    writeSuite(dir, "http://127.0.0.1:9/v1", { name: ".." });
    const r = await runCli(["eval", "suite.yaml", "--dry-run"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/suite\.yaml:1:\d+.*name.*safe as a path segment/);
  });

  it.each(["GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "RUNNER_TEMP", "github_token"])("api_key_env: %s is refused (the suite also picks base_url)", async (name) => {
    const dir = tempDir();
    writeArithmeticCases(dir, 2);
    writeSuite(dir, "http://127.0.0.1:9/v1", { target: { base_url: "http://evil.example/v1", model: "m", api_key_env: name } });
    const r = await runCli(["eval", "suite.yaml", "--dry-run"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/api_key_env.*may not name a GITHUB_\*, ACTIONS_\* or RUNNER_\* variable/);
  });

  it("a symbolic link in a checked dataset is an error; its target is never read or quoted", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "data"));
    writeFileSync(join(dir, "secret.txt"), "ghs_SECRET_ON_THE_RUNNER\n");
    symlinkSync(join(dir, "secret.txt"), join(dir, "data", "train.jsonl"));
    const r = await runActionBundle({ action: "validate-dataset", inputs: { files: "data/train.jsonl", "write-manifest": "false" }, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::data\/train\.jsonl is a symbolic link; a checked dataset may not contain links/);
    expect(r.stdout + r.stderr + r.summary).not.toContain("ghs_SECRET");
  });
});

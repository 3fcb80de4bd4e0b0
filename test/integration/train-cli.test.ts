// `llmops train` through the built CLI bundle.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli/index.js");

// Training launches PyTorch: on two busy cores a run takes several times its idle 5–20 s, so
// these get a generous limit instead of the 60 s default (issue 9: two of them hit it).
describe("llmops train (CLI)", { timeout: 240_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "llmops-train-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const llmops = (...args: string[]) => spawnSync(process.execPath, [cli, "train", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, LLMOPS_PYTHON: "/usr/bin/python3", CI: "1" }, timeout: 120_000 });

  it("--dry-run --json renders the config and the preflight without training", () => {
    const out = join(dir, "dry");
    const r = llmops("pipelines/tiny-sft.yaml", "--dry-run", "--json", "--out", out, "--set", "max_steps=7");
    const j = JSON.parse(r.stdout);
    expect(j.dry_run).toBe(true);
    expect(j.command).toContain("--max-steps");
    expect(j.command[j.command.indexOf("--max-steps") + 1]).toBe("7");
    expect(j.files[0].name).toBe("config/reference-args.json");
    expect(j.preflight.device).toMatch(/^(cpu|cuda)$/);
    expect(existsSync(join(out, "model"))).toBe(false);
  });

  it("exits 2 naming the override (not a line of the file) for a bad override", () => {
    const r = llmops("pipelines/tiny-sft.yaml", "--dry-run", "--set", "scheduler=cosin");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--set #1 \(scheduler="cosin"\): scheduler: expected one of "cosine", "linear", "constant", found the string "cosin" \(did you mean "cosine"\?\)/);
  });

  it("exits 2 naming datasets.validation at its file:line:col when the file is missing, with or without --dry-run", () => {
    const spec = join(dir, "missing-validation.yaml");
    const text = readFileSync(join(root, "pipelines/tiny-sft.yaml"), "utf8")
      .replace(/^( {2}train: ).*$/m, `$1${join(root, "pipelines/data/tiny-sft/train.jsonl")}`)
      .replace(/^( {2}validation: ).*$/m, "$1data/nope.jsonl");
    writeFileSync(spec, text);
    const line = text.split("\n").findIndex((l) => l.startsWith("  validation:")) + 1;
    for (const dry of [["--dry-run"], []]) {
      const r = llmops(spec, ...dry, "--out", join(dir, "nodata"));
      expect(r.stderr).toContain(`missing-validation.yaml:${line}:15: datasets.validation: no such file: data/nope.jsonl`);
      expect(r.status).toBe(2);
    }
    const r = llmops(spec, "--dry-run", "--set", "datasets.validation=other.jsonl");
    expect(r.stderr).toContain("--set #1 (datasets.validation): datasets.validation: no such file: other.jsonl");
  });

  it("exits 2 with a fix when the interpreter cannot run", () => {
    const r = llmops("pipelines/tiny-sft.yaml", "--out", join(dir, "nopy"), "--set", "python=/nonexistent/python3");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no Python interpreter could be run (tried /nonexistent/python3)");
  });

  it("exits 2 for a missing spec file", () => {
    const r = llmops("pipelines/nope.yaml");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot read the training spec");
  });
});

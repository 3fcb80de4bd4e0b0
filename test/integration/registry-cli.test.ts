// `llmops registry` on real git repositories: annotated tags with evidence, the lightweight-tag
// refusal, GTO's show/history tables, counters, deprecation, Git LFS pointers and the push lock.
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { runCli } from "../support/cli.js";
import { clone, createRepo, git } from "../support/git-repo.js";

const summary = JSON.stringify({
  schema: "llmops.summary/v1",
  suite: { name: "arithmetic", file: "evals/arithmetic.yaml", hash: "x" },
  metrics: { accuracy: { mean: 0.82, ci95: [0.74, 0.88], n: 100 } },
});
const artifacts = `demo-model:
  type: model
  path: models/demo
  description: the tiny demo model
lfs-model:
  type: model
  path: models/big.gguf
`;
const lfsOid = createHash("sha256").update("real weights").digest("hex");
const files = {
  "artifacts.yaml": artifacts,
  "models/demo/config.json": '{"hidden": 8}\n',
  "models/demo/model.safetensors": "weights-v1",
  "models/big.gguf": `version https://git-lfs.github.com/spec/v1\noid sha256:${lfsOid}\nsize 12\n`,
  "reports/summary.json": summary,
  "data/data-manifest.json": '{"schema":"llmops.data-manifest/v1"}\n',
};

function contentHash(entries: Array<[string, string]>): string {
  const h = createHash("sha256");
  for (const [p, d] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) h.update(`${p}\0${Buffer.byteLength(d)}\0`).update(d);
  return `sha256:${h.digest("hex")}`;
}

describe("llmops registry on a real repository", () => {
  test("register, assign, show, history, deprecate; lightweight tags ignored with a warning", async () => {
    const repo = createRepo(files);
    const cwd = repo.work;
    let r = await runCli(["registry", "register", "demo-model", "--version", "v0.1.0", "--eval-summary", "reports/summary.json", "--data-manifest", "data/data-manifest.json", "--json"], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const reg = JSON.parse(r.stdout);
    expect(reg.tag).toBe("demo-model@v0.1.0");
    const expected = contentHash([["config.json", '{"hidden": 8}\n'], ["model.safetensors", "weights-v1"]]);
    expect(reg.evidence.model).toEqual({ uri: "models/demo", sha256: expected, bytes: 24 });
    expect(reg.evidence.eval.metrics.accuracy).toEqual({ mean: 0.82, ci_low: 0.74, ci_high: 0.88, n: 100 });
    expect(reg.evidence.dataset_manifest.path).toBe("data/data-manifest.json");
    expect(git(cwd, ["cat-file", "-t", "demo-model@v0.1.0"])).toBe("tag");
    expect(git(cwd, ["tag", "-l", "--format=%(contents:subject)", "demo-model@v0.1.0"])).toBe("Registering artifact demo-model version v0.1.0");

    r = await runCli(["registry", "assign", "demo-model", "--version", "v0.1.0", "--stage", "prod"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Created git tag 'demo-model#prod#1'");

    const c2 = repo.commit("v2", { "models/demo/model.safetensors": "weights-v2" });
    expect((await runCli(["registry", "register", "demo-model"], { cwd })).stdout).toContain("demo-model@v0.1.1");
    r = await runCli(["registry", "assign", "demo-model", "--version", "v0.1.1", "--stage", "prod", "--json"], { cwd });
    expect(JSON.parse(r.stdout)).toMatchObject({ tag: "demo-model#prod#2", previous: "v0.1.0", commit: c2 });
    git(cwd, ["tag", "demo-model@v9.9.9"]); // lightweight

    r = await runCli(["registry", "show"], { cwd });
    expect(r.stderr).not.toContain("error");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(["| name       | latest | #prod  |", "| ---------- | ------ | ------ |", "| demo-model | v0.1.1 | v0.1.1 |", "| *lfs-model | -      | -      |", ""].join("\n"));
    expect(r.stderr).toContain("tag demo-model@v9.9.9 ignored: lightweight tag");

    r = await runCli(["registry", "show", "demo-model"], { cwd });
    expect(r.stdout).toMatch(/\| demo-model \| v0\.1\.1 {2}\| prod {2}\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \| demo-model@v0\.1\.1 \|/);
    expect(r.stdout).toMatch(/\| demo-model \| v0\.1\.0 {2}\| - {5}\|/);
    expect((await runCli(["registry", "show", "demo-model#prod", "--ref"], { cwd })).stdout).toBe("demo-model@v0.1.1\n");

    r = await runCli(["registry", "history", "demo-model", "--json"], { cwd });
    const events = JSON.parse(r.stdout).map((e: { event: string; ref: string }) => `${e.event} ${e.ref}`);
    expect(events).toEqual(expect.arrayContaining(["assignment demo-model#prod#2", "assignment demo-model#prod#1", "registration demo-model@v0.1.1", "registration demo-model@v0.1.0"]));

    r = await runCli(["registry", "deprecate", "demo-model", "v0.1.1", "prod"], { cwd });
    expect(r.stdout).toContain("demo-model#prod!#3");
    // GTO's rule: the newest still-active assignment holds the stage, so prod falls back to v0.1.0.
    expect((await runCli(["registry", "show", "demo-model#prod", "--ref"], { cwd })).stdout).toBe("demo-model@v0.1.0\n");
  });

  test("refusals name the problem and exit 2", async () => {
    const { work: cwd } = createRepo(files);
    let r = await runCli(["registry", "register", "demo-model", "--version", "1.0"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--version "1.0" is not valid');
    r = await runCli(["registry", "register", "nope", "--version", "v1.0.0"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does not declare nope");
    r = await runCli(["registry", "assign", "demo-model", "--version", "v1.0.0", "--stage", "prod"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("demo-model v1.0.0 is not a registered version");
    r = await runCli(["registry", "frobnicate"], { cwd });
    expect(r.code).toBe(2);
  });

  test("a Git LFS pointer is hashed by its oid (the content's sha256)", async () => {
    const { work: cwd } = createRepo(files);
    const r = await runCli(["registry", "register", "lfs-model", "--version", "v1.0.0", "--json"], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).evidence.model).toEqual({ uri: "models/big.gguf", sha256: `sha256:${lfsOid}`, bytes: 12 });
  });

  test("two clones racing for one tag: the remote takes the first, refuses the second", async () => {
    const repo = createRepo(files);
    await runCli(["registry", "register", "demo-model", "--version", "v0.1.0", "--push", "origin"], { cwd: repo.work });
    const a = clone(repo.origin);
    const b = clone(repo.origin);
    const [ra, rb] = await Promise.all([
      runCli(["registry", "assign", "demo-model", "--version", "v0.1.0", "--stage", "prod", "--push", "origin"], { cwd: a }),
      runCli(["registry", "assign", "demo-model", "--version", "v0.1.0", "--stage", "prod", "--push", "origin"], { cwd: b }),
    ]);
    expect([ra.code, rb.code].sort()).toEqual([0, 2]);
    const loser = ra.code === 2 ? ra : rb;
    expect(loser.stderr).toContain("refused tag demo-model#prod#1");
    expect(loser.stderr).toContain("tag creation is the lock");
    expect(git(repo.work, ["ls-remote", "--tags", "origin"]).split("\n").filter((l) => l.includes("prod")).length).toBe(2); // the tag and its ^{} peel
  });
});

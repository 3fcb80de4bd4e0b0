// `llmops run / status / runs` and `eval --shard / merge` as spawned processes, in real git
// repositories made in temp directories: cache hits and misses counted across a base branch and a
// PR branch, a failing stage and the rerun, a damaged cache entry, a service that never becomes
// ready (and nothing left running), sharded-and-merged equal to unsharded.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { arithmeticAnswer, writeArithmeticCases, writeSuite } from "../support/suites.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** A stage script that appends its name to a log outside the repository, so executions are counted. */
const STAGE_SCRIPT = `
const fs = require("fs");
const [name, input, output, log] = process.argv.slice(2);
fs.appendFileSync(log, name + "\\n");
if (fs.existsSync("FAIL_" + name)) { console.error(name + " fails on purpose"); process.exit(3); }
const text = input.split(",").map((f) => fs.readFileSync(f, "utf8")).join("|");
fs.mkdirSync(require("path").dirname(output), { recursive: true });
fs.writeFileSync(output, name + "(" + text + ")");
`;

function makeRepo(log: string): string {
  const dir = tempDir("llmops-pipe-");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "t@example.com");
  git(dir, "config", "user.name", "t");
  mkdirSync(join(dir, "pipelines"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "stage.js"), STAGE_SCRIPT);
  writeFileSync(join(dir, "data", "a.txt"), "A");
  writeFileSync(join(dir, "data", "b.txt"), "B");
  writeFileSync(join(dir, ".gitignore"), ".llmops/\nreports/\nout/\n");
  const st = (name: string, inputs: string, out: string, deps: string) =>
    `  ${name}:\n    run: [node, stage.js, ${name}, "${inputs}", ${out}, ${JSON.stringify(log)}]\n    deps: [stage.js, ${deps}]\n    outs: [${out}]\n`;
  writeFileSync(
    join(dir, "pipelines", "main.yaml"),
    `name: main\nparams: { scale: 1 }\nstages:\n` +
      st("prep_a", "data/a.txt", "out/a", "data/a.txt") +
      st("prep_b", "data/b.txt", "out/b", "data/b.txt") +
      st("join", "out/a,out/b", "out/join", "out/a, out/b") +
      st("final", "out/join", "out/final", "out/join") +
      `    params: [scale]\n`,
  );
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  return dir;
}

function executions(log: string): string[] {
  return existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").filter(Boolean) : [];
}

describe("llmops run (spawned CLI, real git repositories)", () => {
  it("runs once, then nothing; a PR reruns only what its change reaches; --baseline restores main's results", async () => {
    const logDir = tempDir();
    const log = join(logDir, "log");
    const dir = makeRepo(log);
    const first = await runCli(["run", "--json"], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(executions(log).sort()).toEqual(["final", "join", "prep_a", "prep_b"]);
    expect(readFileSync(join(dir, "out", "final"), "utf8")).toBe("final(join(prep_a(A)|prep_b(B)))");
    const rec = JSON.parse(first.stdout);
    expect(rec.schema).toBe("llmops.pipeline-run/v1");
    expect(rec.stages.map((s: { outcome: string }) => s.outcome)).toEqual(["ran", "ran", "ran", "ran"]);
    expect(existsSync(join(dir, "reports", "runs", rec.run_id, "run.json"))).toBe(true);

    // Nothing changed: nothing runs, and status says so.
    rmSync(log);
    const again = await runCli(["run"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to run/);
    expect(executions(log)).toEqual([]);
    const status = await runCli(["status", "--json"], { cwd: dir });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).up_to_date).toBe(true);

    // A PR changes data/b.txt: status names the file and the moved upstream keys.
    git(dir, "checkout", "-qb", "pr");
    writeFileSync(join(dir, "data", "b.txt"), "B2");
    git(dir, "commit", "-qam", "change b");
    const st = await runCli(["status", "--json"], { cwd: dir });
    expect(st.code).toBe(1);
    const byName = Object.fromEntries(JSON.parse(st.stdout).stages.map((s: { name: string }) => [s.name, s]));
    expect(byName.prep_a.status).toBe("up-to-date");
    expect(byName.prep_b).toMatchObject({ status: "run", reasons: ["modified: data/b.txt"] });
    expect(byName.join).toMatchObject({ status: "run", reasons: ["upstream stage prep_b changed"] });

    // --baseline main: main's side is restored from the cache (zero executions), the PR's computed.
    const pr = await runCli(["run", "--baseline", "main", "--json"], { cwd: dir });
    expect(pr.code, pr.stderr).toBe(0);
    expect(executions(log).sort()).toEqual(["final", "join", "prep_b"]);
    const prRec = JSON.parse(pr.stdout);
    expect(prRec.baseline).toMatchObject({ rev: "main", commit: git(dir, "rev-parse", "main") });
    const baseRec = JSON.parse(readFileSync(join(dir, "reports", "runs", prRec.baseline.run_id, "run.json"), "utf8"));
    expect(baseRec.stages.map((s: { outcome: string }) => s.outcome)).toEqual(["restored", "restored", "restored", "restored"]);
    expect(git(dir, "worktree", "list").split("\n")).toHaveLength(1);

    // Back on main with the PR's outputs in the tree: restored from the cache, not recomputed.
    rmSync(log);
    git(dir, "checkout", "-q", "main");
    const back = await runCli(["run", "--json"], { cwd: dir });
    expect(JSON.parse(back.stdout).stages.map((s: { name: string; outcome: string }) => `${s.name}:${s.outcome}`)).toEqual(["prep_a:up-to-date", "prep_b:restored", "join:restored", "final:restored"]);
    expect(executions(log)).toEqual([]);
    expect(readFileSync(join(dir, "out", "final"), "utf8")).toBe("final(join(prep_a(A)|prep_b(B)))");

    const runs = await runCli(["runs", "--json"], { cwd: dir });
    expect(JSON.parse(runs.stdout).length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("stops a failing stage's dependents, keeps finished outputs, and a rerun continues", async () => {
    const log = join(tempDir(), "log");
    const dir = makeRepo(log);
    writeFileSync(join(dir, "FAIL_join"), "");
    const r = await runCli(["run", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const rec = JSON.parse(r.stdout);
    expect(rec.status).toBe("failed");
    expect(rec.stages.map((s: { name: string; outcome: string }) => `${s.name}:${s.outcome}`)).toEqual(["prep_a:ran", "prep_b:ran", "join:failed", "final:skipped"]);
    expect(rec.stages[2].reason).toBe("exited with code 3");
    expect(existsSync(join(dir, "out", "a"))).toBe(true);
    rmSync(join(dir, "FAIL_join"));
    rmSync(log);
    const again = await runCli(["run", "--json"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(executions(log)).toEqual(["join", "final"]);
  }, 30_000);

  it("treats a damaged cache entry as a miss and runs the stage again", async () => {
    const log = join(tempDir(), "log");
    const dir = makeRepo(log);
    expect((await runCli(["run"], { cwd: dir })).code).toBe(0);
    // Damage the stored object of out/a (same size, other bytes), then remove the output.
    const objects = join(dir, ".llmops", "cache", "objects");
    const aHash = JSON.parse(readFileSync(join(dir, ".llmops", "pipelines", "main.state.json"), "utf8")).stages.prep_a.files[0].sha256;
    const obj = join(objects, aHash.slice(0, 2), aHash);
    writeFileSync(obj, readFileSync(obj, "utf8").replace("A", "Z"));
    rmSync(join(dir, "out", "a"));
    rmSync(log);
    const r = await runCli(["run", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/cache entry was damaged/);
    expect(executions(log)).toEqual(["prep_a"]);
    expect(readFileSync(join(dir, "out", "a"), "utf8")).toBe("prep_a(A)");
  }, 30_000);

  it("stops a service that never becomes ready, with a clear timeout, leaving nothing running", async () => {
    const dir = tempDir("llmops-svc-");
    git(dir, "init", "-q", "-b", "main");
    const marker = `llmops-never-ready-${process.pid}-${Date.now()}`;
    mkdirSync(join(dir, "pipelines"));
    writeFileSync(
      join(dir, "pipelines", "main.yaml"),
      `name: main\nservices:\n  model:\n    run: [node, -e, "setInterval(() => {}, 1000)", "\${port}", ${marker}]\n    timeout_s: 1.5\nstages:\n  eval:\n    run: [node, -e, "1"]\n    services: [model]\n`,
    );
    const r = await runCli(["run", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    const rec = JSON.parse(r.stdout);
    expect(rec.stages[0].outcome).toBe("failed");
    expect(rec.stages[0].reason).toMatch(/service model did not become ready at http:\/\/127\.0\.0\.1:\d+\/health within 1\.5s; it was stopped/);
    const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
    expect(ps).not.toContain(marker);
  }, 30_000);

  it("starts a service for a stage, hands it the URL, and stops it after", async () => {
    const dir = tempDir("llmops-svc-");
    git(dir, "init", "-q", "-b", "main");
    const marker = `llmops-svc-ok-${process.pid}-${Date.now()}`;
    mkdirSync(join(dir, "pipelines"));
    const server = `require('http').createServer((q, s) => s.end(q.url)).listen(Number(process.argv[1]), '127.0.0.1')`;
    const client = `fetch(process.argv[1] + '/models').then(r => r.text()).then(t => require('fs').writeFileSync('got.txt', t))`;
    writeFileSync(
      join(dir, "pipelines", "main.yaml"),
      `name: main\nservices:\n  model:\n    run: [node, -e, ${JSON.stringify(server)}, "\${port}", ${marker}]\n    ready: /ping\nstages:\n  use:\n    run: [node, -e, ${JSON.stringify(client)}, "\${services.model.url}"]\n    services: [model]\n    outs: [got.txt]\n`,
    );
    const r = await runCli(["run", "--json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "got.txt"), "utf8")).toBe("/v1/models");
    expect(JSON.parse(r.stdout).stages[0].services[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })).not.toContain(marker);
  }, 30_000);

  it("names file:line:col for a configuration error and exits 2", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "pipelines"));
    writeFileSync(join(dir, "pipelines", "main.yaml"), "name: main\nstages:\n  a:\n    run: [x]\n    deps: [b]\n    outs: [a]\n  b:\n    run: [y]\n    deps: [a]\n    outs: [b]\n");
    const r = await runCli(["run"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipelines\/main\.yaml:3:3: the stages form a cycle: a → b → a/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe("llmops eval --shard / eval merge", () => {
  let server: OpenAiTestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("sharded and merged equals unsharded; refuses gaps, overlaps and other suites", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt, 3), seed: 1 });
    const dir = tempDir();
    writeArithmeticCases(dir, 40);
    const suite = writeSuite(dir, server.baseUrl, { repeats: 2 });
    const whole = await runCli(["eval", suite, "--out", "whole", "--no-cache", "--quiet"], { cwd: dir });
    expect(whole.code, whole.stderr).toBe(0);
    for (const i of [1, 2, 3]) {
      const r = await runCli(["eval", suite, "--shard", `${i}/3`, "--out", `s${i}`, "--no-cache", "--quiet"], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const shard2 = JSON.parse(readFileSync(join(dir, "s2", "shard.json"), "utf8"));
    expect(shard2).toMatchObject({ schema: "llmops.eval-shard/v1", index: 2, count: 3, total_cases: 40 });
    expect(shard2.case_ids).toHaveLength(13);
    const m = await runCli(["eval", "merge", "s3", "s1", "s2", "--out", "merged"], { cwd: dir });
    expect(m.code, m.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, "whole", "summary.json"), "utf8"));
    const b = JSON.parse(readFileSync(join(dir, "merged", "summary.json"), "utf8"));
    expect(b.counts).toEqual(a.counts);
    expect(b.metrics).toEqual(a.metrics);
    const ids = (d: string) => readFileSync(join(dir, d, "results.jsonl"), "utf8").trim().split("\n").map((l) => { const r = JSON.parse(l); return `${r.case_id}#${r.repeat}:${r.output}`; });
    expect(ids("merged")).toEqual(ids("whole"));

    const gap = await runCli(["eval", "merge", "s1", "s3", "--out", "x"], { cwd: dir });
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/gap: shard 2\/3 missing/);
    const overlap = await runCli(["eval", "merge", "s1", "s2", "s2", "s3", "--out", "x"], { cwd: dir });
    expect(overlap.stderr).toMatch(/overlap: s2 and s2 are both shard 2\/3/);
    const notShard = await runCli(["eval", "merge", "whole", "s1", "--out", "x"], { cwd: dir });
    expect(notShard.stderr).toMatch(/whole has no shard\.json/);
    writeSuite(dir, server.baseUrl, { repeats: 1 });
    const other = await runCli(["eval", suite, "--shard", "2/3", "--out", "o2", "--no-cache", "--quiet"], { cwd: dir });
    expect(other.code).toBe(0);
    const mixed = await runCli(["eval", "merge", "s1", "o2", "s3", "--out", "x"], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/o2 is a shard of suite arith .* not of arith/);
    expect(readdirSync(dir)).not.toContain("x");
  }, 60_000);
});

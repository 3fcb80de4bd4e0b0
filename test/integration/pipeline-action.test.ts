// actions/pipeline spawned as the runner runs it, with a real @actions/cache round trip against a
// loopback fake of the cache service: a main job computes and saves; a fresh clone (another job)
// restores everything; a pull request restores main's baseline and reruns only what it changed,
// saving into its own scope, where main cannot read.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.js";
import { FakeActionsCache } from "../support/fake-actions-cache.js";
import { runActionBundle } from "../support/fake-github-action.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

const STAGE = `const fs = require("fs");
const [name, input, output, log] = process.argv.slice(2);
fs.appendFileSync(log, name + "\\n");
fs.mkdirSync(require("path").dirname(output), { recursive: true });
fs.writeFileSync(output, name + ":" + fs.readFileSync(input, "utf8"));
`;

let cache: FakeActionsCache | undefined;
afterEach(async () => {
  await cache?.close();
  cache = undefined;
});

// Training launches PyTorch: on two busy cores a run takes several times its idle 5–20 s, so
// these get a generous limit instead of the 60 s default (issue 9: two of them hit it).
describe("actions/pipeline with @actions/cache", { timeout: 240_000 }, () => {
  it("saves on main, restores in another job, and a PR reuses main's results as its baseline", async () => {
    cache = new FakeActionsCache();
    await cache.start();
    cache.addToken("tok-main", ["refs/heads/main"]);
    cache.addToken("tok-pr", ["refs/pull/7/merge", "refs/heads/main"]);
    const log = join(tempDir(), "log");
    const origin = tempDir("llmops-origin-");
    git(origin, "init", "-q", "-b", "main");
    git(origin, "config", "user.email", "t@example.com");
    git(origin, "config", "user.name", "t");
    mkdirSync(join(origin, "pipelines"));
    writeFileSync(join(origin, "stage.js"), STAGE);
    writeFileSync(join(origin, "data.txt"), "v1");
    writeFileSync(join(origin, "prompt.txt"), "p1");
    writeFileSync(join(origin, ".gitignore"), ".llmops/\nreports/\nout/\n");
    const st = (name: string, input: string, out: string) => `  ${name}:\n    run: [node, stage.js, ${name}, ${input}, ${out}, ${JSON.stringify(log)}]\n    deps: [stage.js, ${input}]\n    outs: [${out}]\n`;
    writeFileSync(join(origin, "pipelines", "main.yaml"), `name: main\nstages:\n${st("train", "data.txt", "out/model")}${st("score", "prompt.txt", "out/score")}${st("report", "out/model", "out/report")}`);
    git(origin, "add", "-A");
    git(origin, "commit", "-qm", "base");
    const env = (token: string) => ({ ACTIONS_CACHE_URL: cache!.url, ACTIONS_RUNTIME_TOKEN: token, HOME: origin });

    const main1 = await runActionBundle({ action: "pipeline", inputs: { pipeline: "main", cache: "true" }, cwd: origin, env: env("tok-main") });
    expect(main1.code, main1.stdout + main1.stderr).toBe(0);
    expect(main1.outputs).toMatchObject({ status: "passed", ran: "3" });
    expect(main1.summary).toContain("llmops pipeline `main`: passed");
    expect(readFileSync(log, "utf8").trim().split("\n").sort()).toEqual(["report", "score", "train"]);
    expect(cache.committed("refs/heads/main")).toHaveLength(3);
    // The runtime token never reaches a stage's environment.
    expect(main1.stdout + main1.stderr).not.toContain("tok-main");

    // Another job on a fresh clone: every stage comes from the remote cache.
    rmSync(log);
    const job2 = tempDir("llmops-clone-");
    git(job2, "clone", "-q", origin, ".");
    const main2 = await runActionBundle({ action: "pipeline", inputs: { pipeline: "main" }, cwd: job2, env: env("tok-main") });
    expect(main2.code, main2.stdout + main2.stderr).toBe(0);
    expect(main2.outputs.ran).toBe("0");
    expect(existsSync(log)).toBe(false);
    expect(readFileSync(join(job2, "out", "report"), "utf8")).toBe("report:train:v1");

    // A PR that edits only prompt.txt: the baseline (main) restores entirely, the PR reruns `score` only.
    const pr = tempDir("llmops-pr-");
    git(pr, "clone", "-q", origin, ".");
    git(pr, "config", "user.email", "t@example.com");
    git(pr, "config", "user.name", "t");
    git(pr, "checkout", "-qb", "pr");
    writeFileSync(join(pr, "prompt.txt"), "p2");
    git(pr, "commit", "-qam", "edit the prompt");
    const base = git(pr, "rev-parse", "origin/main");
    const prRun = await runActionBundle({ action: "pipeline", inputs: { baseline: base }, cwd: pr, env: env("tok-pr") });
    expect(prRun.code, prRun.stdout + prRun.stderr).toBe(0);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual(["score"]);
    const rec = JSON.parse(readFileSync(prRun.outputs["run-record"]!, "utf8"));
    expect(rec.stages.map((s: { name: string; outcome: string }) => `${s.name}:${s.outcome}`)).toEqual(["train:restored", "score:ran", "report:restored"]);
    expect(rec.baseline.commit).toBe(base);
    // The PR's entry went to the PR's scope; main's scope is unchanged.
    expect(cache.committed("refs/pull/7/merge")).toHaveLength(1);
    expect(cache.committed("refs/heads/main")).toHaveLength(3);
  }, 90_000);
});

// What a newcomer runs into by hand: output paths that are directories (or files where a directory
// is expected), --json on every command, a directory passed where a file is expected. Each case
// must end with a clear message naming the path, the documented exit code and no stack trace.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComparison, makeRecords } from "../support/report-fixture.js";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { arithmeticAnswer, waitForRecords, writeArithmeticCases, writeSuite } from "../support/suites.js";

const TRAIN = "data/train.jsonl";

function noStack(stderr: string) {
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(stderr).not.toContain("internal error");
}

describe("newcomer trial", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("llmops-ux-");
    const records = makeRecords();
    for (const side of ["baseline", "candidate"] as const) {
      mkdirSync(join(dir, "runs", side), { recursive: true });
      writeFileSync(join(dir, "runs", side, "results.jsonl"), records[side].map((r) => JSON.stringify(r)).join("\n") + "\n");
    }
    mkdirSync(join(dir, "cmp"));
    writeFileSync(join(dir, "cmp", "comparison.json"), JSON.stringify(makeComparison(records), null, 2));
    writeFileSync(join(dir, "a-file"), "x");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["data clean --out DIR", ["data", "clean", TRAIN, "--out", "DIR"]],
    ["data card --out DIR", ["data", "card", TRAIN, "--out", "DIR"]],
    ["data split --out-dir FILE", ["data", "split", TRAIN, "--out-dir", "FILE"]],
    ["report --markdown DIR", ["report", "--comparison", "CMP", "--markdown", "DIR"]],
  ])("%s: names the path, exit 2, no stack trace", async (_name, args) => {
    const a = args.map((x) => (x === "DIR" ? dir : x === "FILE" ? join(dir, "a-file") : x === "CMP" ? join(dir, "cmp", "comparison.json") : x));
    const r = await runCli(a);
    noStack(r.stderr);
    expect(r.stderr).toMatch(/^error: .*(is a directory|already exists as a file)/m);
    expect(r.stderr).toContain("hint: check the path");
    expect(r.code).toBe(2);
  });

  it("data card --json prints one JSON document on stdout", async () => {
    const out = join(dir, "card.md");
    const r = await runCli(["data", "card", TRAIN, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { card: string; records: number; errors: number };
    expect(j).toMatchObject({ card: out, errors: 0 });
    expect(j.records).toBeGreaterThan(0);
    expect(readFileSync(out, "utf8")).toContain("### Duplicates");
    const r2 = await runCli(["data", "card", TRAIN, "--json"]);
    expect((JSON.parse(r2.stdout) as { markdown: string }).markdown).toContain("### Duplicates");
  });

  it("report --json prints what it wrote; --comparison accepts the compare --out directory", async () => {
    const html = join(dir, "r.html");
    const r = await runCli(["report", "--comparison", join(dir, "cmp"), "--html", html, "--json"]);
    noStack(r.stderr);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ comparison: join(dir, "cmp", "comparison.json"), html, markdown: null, verdict: "fail" });
    expect(readFileSync(html, "utf8")).toContain("<html");
  });

  it("report --comparison on a directory without comparison.json says so (exit 2)", async () => {
    const r = await runCli(["report", "--comparison", join(dir, "runs")]);
    noStack(r.stderr);
    expect(r.stderr).toContain("is a directory with no comparison.json in it");
    expect(r.code).toBe(2);
  });
});

describe("eval interrupted with Ctrl-C (SIGINT)", () => {
  let server: OpenAiTestServer | undefined;
  afterAll(async () => server?.close());

  it("says it was interrupted, keeps the records, exits 1, and the rerun resumes", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt), latencyMs: 20 });
    const dir = tempDir("llmops-ux-int-");
    writeArithmeticCases(dir, 200);
    const suite = writeSuite(dir, server.baseUrl, { concurrency: 2 });
    const out = join(dir, "out");
    const first = runCli(["eval", suite, "--out", out, "--no-cache"], { cwd: dir });
    await waitForRecords(out, 20); // kill it once some records are on disk
    first.child.kill("SIGINT");
    const r = await first;
    noStack(r.stderr);
    expect(r.stderr).toMatch(/error: eval interrupted — stopped after \d+ of 200 records \(those are saved\)/);
    expect(r.stderr).toContain("hint: run the same command again to resume");
    expect(r.stderr).not.toContain("cancelled");
    expect(r.code).toBe(1);
    expect(existsSync(join(out, "summary.json"))).toBe(false);
    const kept = readFileSync(join(out, "results.jsonl"), "utf8").trim().split("\n").length;
    expect(kept).toBeGreaterThan(10);
    const second = await runCli(["eval", suite, "--out", out, "--no-cache"], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`resuming: ${kept} of 200`);
  });
});

describe("typos and stray arguments", () => {
  it.each([
    [["eval", "evals/arithmetic.yaml", "--base-ur", "http://127.0.0.1:1/v1"], '--base-ur\' (did you mean "--base-url"?)'],
    [["compare", "--baseline", "a", "--candidat", "b"], '(did you mean "--candidate"?)'],
    [["data", "validate", "data/train.jsonl", "--fromat", "chat"], '(did you mean "--format"?)'],
  ])("an unknown option suggests the near one: %j", async (args, want) => {
    const r = await runCli(args);
    expect(r.stderr).toContain(want);
    expect(r.code).toBe(2);
  });

  it("a second suite file is a usage error, not silently ignored", async () => {
    const r = await runCli(["eval", "evals/arithmetic.yaml", "evals/other.yaml", "--dry-run", "--json"]);
    expect(r.stderr).toContain('llmops eval: unexpected arguments "evals/other.yaml" (it takes 1 suite file)');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: "input", exit_code: 2 } });
  });

  it("a stray positional to compare is a usage error", async () => {
    const r = await runCli(["compare", "runs/a", "runs/b"]);
    expect(r.stderr).toContain('unexpected arguments "runs/a", "runs/b" (it takes only options)');
    expect(r.code).toBe(2);
  });
});

describe("report --run-url", () => {
  it("refuses a non-http(s) link instead of silently dropping it", async () => {
    const dir = tempDir("llmops-ux-url-");
    const records = makeRecords();
    writeFileSync(join(dir, "comparison.json"), JSON.stringify(makeComparison(records), null, 2));
    const r = await runCli(["report", "--comparison", join(dir, "comparison.json"), "--run-url", "javascript:alert(1)", "--markdown", join(dir, "c.md")]);
    expect(r.stderr).toContain('error: --run-url must be an http(s) URL, got "javascript:alert(1)"');
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, "c.md"))).toBe(false);
  });
});

describe("paths relative to the directory the user meant", () => {
  it("an npm script that cd's before running llmops resolves paths from that directory, not INIT_CWD", async () => {
    const r = await runCli(["eval", "arithmetic.yaml", "--dry-run", "--json"], {
      cwd: join(repoRoot, "evals"),
      env: { INIT_CWD: repoRoot, npm_package_json: join(repoRoot, "package.json") },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cases: 60 });
  });

  it("npm run from a subdirectory still resolves from there (INIT_CWD)", async () => {
    const r = await runCli(["eval", "arithmetic.yaml", "--dry-run", "--json"], {
      cwd: repoRoot,
      env: { INIT_CWD: join(repoRoot, "evals"), npm_package_json: join(repoRoot, "package.json") },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ cases: 60 });
  });
});

describe("finding the right command", () => {
  it("llmops help eval prints eval's help", async () => {
    const r = await runCli(["help", "eval"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: llmops eval <suite\.yaml>/);
  });
  it.each([
    ["evaluate", '"eval"'],
    ["validate", '"data validate"'],
    ["reports", '"report"'],
  ])("unknown command %s suggests %s", async (name, want) => {
    const r = await runCli([name, "x"]);
    expect(r.stderr).toContain(`error: unknown command "${name}" (did you mean ${want}?)`);
    expect(r.code).toBe(2);
  });
});

describe("a rerun into the same --out never destroys finished records", () => {
  let server: OpenAiTestServer | undefined;
  afterAll(async () => server?.close());

  it("--limit or another --model into a finished run keeps the old run as results.previous.jsonl", async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt) });
    const dir = tempDir("llmops-ux-prev-");
    writeArithmeticCases(dir, 20);
    const suite = writeSuite(dir, server.baseUrl);
    const out = join(dir, "out");
    expect((await runCli(["eval", suite, "--out", out], { cwd: dir })).code).toBe(0);
    const full = readFileSync(join(out, "results.jsonl"), "utf8");
    const fullSummary = readFileSync(join(out, "summary.json"), "utf8");

    const r = await runCli(["eval", suite, "--out", out, "--limit", "5"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("the previous run is kept as results.previous.jsonl and summary.previous.json");
    expect(readFileSync(join(out, "results.jsonl"), "utf8").trim().split("\n")).toHaveLength(5);
    expect(readFileSync(join(out, "results.previous.jsonl"), "utf8")).toBe(full);
    expect(readFileSync(join(out, "summary.previous.json"), "utf8")).toBe(fullSummary);

    // A plain rerun that keeps everything moves nothing aside.
    rmSync(join(out, "results.previous.jsonl"));
    const again = await runCli(["eval", suite, "--out", out, "--limit", "5"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain("previous");
    expect(existsSync(join(out, "results.previous.jsonl"))).toBe(false);
  });
});

describe("data split --key", () => {
  it("a --key field the records lack is a usage error naming file:line (was exit 0 with a read error)", async () => {
    const out = tempDir("llmops-ux-split-");
    const r = await runCli(["data", "split", TRAIN, "--out-dir", out, "--key", "idd"]);
    expect(r.stderr).toContain('error: data/train.jsonl:1: the record has no "idd" to split by');
    expect(r.stderr).toContain("hint: use --key content, or give every record the field");
    expect(r.code).toBe(2);
    const s = await runCli(["data", "split", TRAIN, "--out-dir", out, "--key", "idd", "--stratify", "task"]);
    expect(s.code).toBe(2);
  });
});

describe("paths in messages", () => {
  it("a file outside the current directory is shown absolute, not as ../../../tmp/…", async () => {
    const out = join(tempDir("llmops-ux-path-"), "card.md");
    const r = await runCli(["data", "card", TRAIN, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`card: ${out}\n`);
  });
});

describe("compare: pointing at the wrong level of the run tree", () => {
  it("the parent of the runs names the runs inside it; results.jsonl itself names its directory", async () => {
    const root = tempDir("llmops-ux-runs-");
    mkdirSync(join(root, "eval", "qa"), { recursive: true });
    writeFileSync(join(root, "eval", "qa", "results.jsonl"), "");
    const r = await runCli(["compare", "--baseline", join(root, "eval"), "--candidate", join(root, "eval", "qa")]);
    expect(r.stderr).toContain(`hint: runs found inside it: ${join(root, "eval", "qa")}`);
    expect(r.code).toBe(2);
    const f = await runCli(["compare", "--baseline", join(root, "eval", "qa", "results.jsonl"), "--candidate", join(root, "eval", "qa")]);
    expect(f.stderr).toContain(`is the results file; pass its directory\nhint: --baseline ${join(root, "eval", "qa")}`);
    expect(f.code).toBe(2);
  });
});

describe("compare a run with itself", () => {
  it("warns that baseline and candidate are the same directory", async () => {
    const dir = tempDir("llmops-ux-self-");
    // A run as llmops 0.1.0 wrote it (results lines are a contract: the fixture is a real run).
    copyFileSync(join(repoRoot, "test/fixtures/contracts/released-0.1.0/baseline/results.jsonl"), join(dir, "results.jsonl"));
    const r = await runCli(["compare", "--baseline", dir, "--candidate", dir, "--out", join(dir, "cmp")]);
    expect(r.stderr).toContain(`warning: --baseline and --candidate are the same run (${dir})`);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe("--out -", () => {
  it.each([
    [["data", "clean", TRAIN, "--out", "-"], "--out -"],
    [["report", "--comparison", "x.json", "--markdown", "-"], "--markdown -"],
  ])("is refused instead of writing a file named '-' (%j)", async (args, opt) => {
    const cwd = tempDir("llmops-ux-dash-");
    const r = await runCli(args.map((a) => (a === TRAIN ? join(repoRoot, TRAIN) : a)), { cwd });
    expect(r.stderr).toContain(`${opt} would write a file named "-"`);
    expect(r.code).toBe(2);
    expect(existsSync(join(cwd, "-"))).toBe(false);
  });
});

describe("data manifest --out DIR", () => {
  it("writes data-manifest.json inside an existing directory", async () => {
    const out = tempDir("llmops-ux-man-");
    const r = await runCli(["data", "manifest", TRAIN, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "data-manifest.json"), "utf8"))).toEqual(JSON.parse(r.stdout));
  });
});

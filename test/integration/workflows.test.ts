// Every workflow in .github/workflows must parse with GitHub's own parser (@actions/workflow-parser)
// and follow our rules: `permissions: {}` at the top and per job with a reason, third-party actions
// pinned by full commit SHA with a version comment, no `${{ }}` inside `run:`, no
// a pull_request_target/workflow_run job never runs the PR's code after checking it out, a job
// reading PR files holds no write permission, and the required gate check never comes from a
// pull_request run.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { loadWorkflowParser } from "../support/workflow-parser.js";
import { workflowRuleViolations } from "../support/workflow-rules.js";

const root = new URL("../..", import.meta.url).pathname;
const dir = join(root, ".github", "workflows");
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

describe("workflows", () => {
  test("there are workflows to check", () => {
    expect(files).toEqual(expect.arrayContaining(["ci.yml", "llmops-pr.yml", "llmops-pr-comment.yml", "llmops-gate.yml"]));
  });

  test.each(files)("%s parses with @actions/workflow-parser without errors", async (file) => {
    const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await loadWorkflowParser();
    const content = readFileSync(join(dir, file), "utf8");
    const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect((template.errors ?? []).map((e: { Message: string }) => e.Message)).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  test.each(files)("%s follows our workflow rules", (file) => {
    expect(workflowRuleViolations(file, readFileSync(join(dir, file), "utf8"))).toEqual([]);
  });
});

describe("the rules catch what they should", () => {
  const bad = `name: bad
on: [pull_request_target, workflow_run]
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
      - uses: actions/setup-node@820762786026740c76f36085b0efc47a31fe5020
      - run: echo "\${{ github.event.pull_request.title }}"
  b:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps: [{ run: "true" }]
`;
  test("a workflow breaking each rule is reported rule by rule", () => {
    expect(workflowRuleViolations("bad.yml", bad)).toEqual([
      'bad.yml: top-level "permissions: {}" is required',
      'bad.yml: job "a" must declare its permissions',
      'bad.yml: job "a" step 1: a workflow_run job must not check out the PR\'s code',
      'bad.yml: job "a" step 3: no ${{ }} inside run: (pass values through env:)',
      'bad.yml: job "a" step 3: a run: step after the PR\'s files were checked out in a privileged job (they could be executed); do it before, or in another job',
      'bad.yml:8: "actions/checkout@v4" must be pinned to a full commit SHA',
      'bad.yml:11: "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020" needs a version comment (# vX.Y.Z)',
      'bad.yml:16: permission "contents: write" needs a comment saying why',
    ]);
  });

  const pwn = (steps: string, perms = "contents: read # x") => `name: pwn
on: pull_request_target
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      ${perms}
    steps:
${steps}`;
  const prCheckout = (path?: string) => `      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          ref: \${{ github.event.pull_request.head.sha }}${path ? `\n          path: ${path}` : ""}
`;

  test.each([
    ["PR code checked out at the root", prCheckout(), /may check out the PR's files only as data, under a path: of their own/],
    ["a run: step after the PR's files are on disk", `${prCheckout(".llmops/pr")}      - run: npm ci\n`, /a run: step after the PR's files were checked out/],
    ["an action from the PR's checkout", `${prCheckout("pr")}      - uses: ./pr/actions/evaluate\n`, /runs an action from the PR's checkout \(\.\/pr\/actions\/evaluate\)/],
  ])("pull_request_target: %s is refused", (_n, steps, re) => {
    expect(workflowRuleViolations("pwn.yml", pwn(steps)).join("\n")).toMatch(re);
  });

  test("a job that reads the PR's files may not hold write permissions", () => {
    expect(workflowRuleViolations("pwn.yml", pwn(prCheckout(".llmops/pr"), "checks: write # post"))).toContain('pwn.yml: job "a" reads the PR\'s files and must not hold write permissions (checks: write)');
  });

  test("the required gate check is never posted from a pull_request run", () => {
    const wf = `name: pr
on: pull_request
permissions: {}
jobs:
  c:
    runs-on: ubuntu-latest
    permissions:
      checks: write # the check
    steps:
      - uses: ./actions/comment
        with:
          report-path: x
`;
    expect(workflowRuleViolations("pr.yml", wf)).toEqual(['pr.yml: job "c" step 1: posts the required "llmops / gate" check from a pull_request run (the PR\'s code computed it); give it another check-name']);
    expect(workflowRuleViolations("pr.yml", wf.replace("report-path: x", "report-path: x\n          check-name: llmops / advisory"))).toEqual([]);
  });

  test("GitHub's parser reports a misspelt key", async () => {
    const { parseWorkflow, NoOperationTraceWriter } = await loadWorkflowParser();
    const r = parseWorkflow({ name: "x.yml", content: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n" }, new NoOperationTraceWriter());
    expect(r.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});

// The release workflows (issue 14): tag triggers, least privilege per job, production behind an Environment.
describe("release workflows", () => {
  const load = (f: string) => parse(readFileSync(join(dir, f), "utf8")) as { on: Record<string, { tags?: string[] }>; jobs: Record<string, { permissions?: Record<string, string>; environment?: string; if?: string; steps?: Array<{ uses?: string; run?: string }> }> };

  test("llmops-gate.yml judges only PRs into main (a check lands on the commit, whatever branch judged it), re-runs on a base change, and lets only collaborators' comments start it", () => {
    const wf = load("llmops-gate.yml") as unknown as { on: { pull_request_target: { types: string[]; branches: string[] } }; jobs: { evaluate: { if: string } } };
    expect(wf.on.pull_request_target.branches).toEqual(["main"]);
    expect(wf.on.pull_request_target.types).toEqual(expect.arrayContaining(["opened", "synchronize", "reopened", "edited"]));
    expect(wf.jobs.evaluate.if).toContain("github.event.changes.base");
    expect(wf.jobs.evaluate.if).toMatch(/contains\(fromJSON\('\["OWNER", "MEMBER", "COLLABORATOR"\]'\), github\.event\.comment\.author_association\)/);
  });

  test("llmops-release.yml: registry tags start it; prod runs only behind the production environment", () => {
    const wf = load("llmops-release.yml");
    expect(wf.on.push!.tags).toEqual(["*@v*", "*#*"]);
    expect(wf.jobs.production!.environment).toBe("production");
    expect(wf.jobs.production!.if).toBe("needs.route.outputs.stage == 'prod'");
    expect(wf.jobs.staging!.if).toBe("needs.route.outputs.stage != 'prod'");
    for (const id of ["staging", "production"]) {
      expect(wf.jobs[id]!.permissions).toEqual({ contents: "write", "pull-requests": "write", checks: "read" });
      expect(wf.jobs[id]!.steps!.map((s) => s.uses)).toContain("./actions/promote");
    }
    expect(wf.jobs.route!.permissions).toEqual({});
  });

  test("release.yml: checks dist/ before releasing, moves the major tag, writes only in the release job", () => {
    const wf = load("release.yml");
    expect(wf.on.push!.tags).toEqual(["v[0-9]+.[0-9]+.[0-9]+"]);
    expect(wf.jobs.check!.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.check!.steps!.map((s) => s.run)).toContain("npm run check:dist");
    expect(wf.jobs.release!.permissions).toEqual({ contents: "write" });
    const script = wf.jobs.release!.steps!.map((s) => s.run ?? "").join("\n");
    expect(script).toContain("gh release create \"$TAG\" --verify-tag --generate-notes");
    expect(script).toContain('git push --force origin "refs/tags/$major"');
  });

  test("release.yml refuses a package.json whose repository, homepage or bugs point anywhere but the repository releasing", () => {
    const step = (load("release.yml").jobs.check!.steps! as { name?: string; run?: string }[]).find((s) => /points at this repository/.test(s.name ?? ""))!;
    const run = (pkg: object) => {
      const d = mkdtempSync(join(tmpdir(), "llmops-release-pkg-"));
      writeFileSync(join(d, "package.json"), JSON.stringify(pkg));
      return spawnSync("bash", ["-c", step.run!], { cwd: d, env: { ...process.env, REPO: "acme/llmops" }, encoding: "utf8" });
    };
    const url = (r: string) => ({ repository: { url: `git+https://github.com/${r}.git` }, homepage: `https://github.com/${r}#readme`, bugs: { url: `https://github.com/${r}/issues` } });
    expect(run(url("acme/llmops")).status).toBe(0);
    const placeholder = run(url("your-org/llmops"));
    expect(placeholder.status).toBe(1);
    expect(placeholder.stdout).toContain('::error::package.json repository.url is "git+https://github.com/your-org/llmops.git"; a release of acme/llmops must point at https://github.com/acme/llmops');
    expect(run({ ...url("acme/llmops"), bugs: undefined }).stdout).toContain("::error::package.json bugs.url is undefined");
  });

  test("the route job's stage extraction (a shell sed) reads GTO tags as the registry does", () => {
    const sed = "s/^[^#@]*#\\([a-z0-9/-]*\\)\\(#[0-9]*\\)\\{0,1\\}$/\\1/p";
    const stageOf = (tag: string) => execFileSync("sed", ["-n", sed], { input: tag, encoding: "utf8" }).trim();
    expect(["demo-model#prod#1", "demo-model#staging", "models=demo#prod#12", "demo-model@v0.1.0", "demo-model#prod!#3"].map(stageOf)).toEqual(["prod", "staging", "prod", "", ""]);
  });
});

// The PR workflow evaluates the real pipeline against the merge-base (issue 13); executed end to end
// in test/integration/pr-workflow.test.ts.
describe("llmops-pr.yml", () => {
  type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
  const wf = parse(readFileSync(join(dir, "llmops-pr.yml"), "utf8")) as { jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }> };
  const steps = wf.jobs.evaluate!.steps;

  test("runs actions/pipeline with the merge-base (not base.sha) as its baseline, and writes the bundle the comment paths read", () => {
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
    expect(checkout.with).toMatchObject({ ref: "${{ github.event.pull_request.head.sha }}", "fetch-depth": 0, "persist-credentials": false });
    const base = steps.find((s) => s.id === "base")!;
    expect(base.env).toEqual({ BASE_SHA: "${{ github.event.pull_request.base.sha }}" });
    expect(base.run).toContain('git merge-base --end-of-options "$BASE_SHA" HEAD');
    const pipeline = steps.find((s) => s.uses === "./actions/pipeline")!;
    expect(pipeline.with).toEqual({ pipeline: "main", baseline: "${{ steps.base.outputs.sha }}", "report-dir": "llmops-report", "fail-on-block": false });
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@") && s.with?.name === "llmops-report")!;
    expect(upload.with?.path).toBe("llmops-report");
    expect(wf.jobs.evaluate!.permissions).toEqual({ contents: "read" });
  });

  test("the simulated model and the evaluate/compare pair are gone from it", () => {
    const text = readFileSync(join(dir, "llmops-pr.yml"), "utf8");
    expect(text).not.toMatch(/simulated-model|\.\/actions\/evaluate|\.\/actions\/compare/);
  });
});

// The starter files `llmops init` writes into a repository adopting llmops: an eval suite with
// its cases and prompt, a pipeline, and the three workflows (push to main saves the stage cache; a
// pull request runs against its base and comments; the trusted gate judges the PR's files as data
// under the base's suite), with the actions pinned by commit SHA.

export interface InitOptions {
  /** The project's name (from its directory), used for the suite and file names. */
  name: string;
  /** `owner/repo` of llmops's actions. */
  actionsRepo: string;
  /** The commit SHA the workflows pin the actions to. */
  actionsSha: string;
  /** The version comment next to the pin. */
  version: string;
}

export interface StarterFile {
  path: string;
  content: string;
}

export function projectName(dirName: string): string {
  const n = dirName.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return /^[a-z]/.test(n) ? n.slice(0, 40) : `project-${n}`.slice(0, 40).replace(/-$/, "");
}

const PINS = {
  checkout: "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
  setupNode: "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 # v7.0.0",
  upload: "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f # v7.0.0",
  download: "actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c # v8.0.1",
};

export function renderStarterFiles(o: InitOptions): StarterFile[] {
  const action = (name: string) => `${o.actionsRepo}/actions/${name}@${o.actionsSha} # v${o.version}`;
  const suite = `# The eval suite: every case is sent to the model under test and scored. Add cases to
# evals/cases/${o.name}.jsonl (one JSON object per line: id, input, expected).
#   npx llmops eval evals/${o.name}.yaml --base-url http://127.0.0.1:8000/v1
name: ${o.name}
description: Starter suite written by llmops init; replace the cases with your task's.
cases:
  file: cases/${o.name}.jsonl
prompt:
  file: ../prompts/${o.name}.jinja
target:
  provider: openai-compatible
  base_url: http://127.0.0.1:8000/v1   # your model server (vLLM, TGI, Ollama, llama.cpp, a hosted API)
  model: my-model
  api: chat
  # api_key_env: LLMOPS_API_KEY        # for a hosted API: the environment variable holding its key
  params:
    temperature: 0
    max_tokens: 64
scorers:
  - type: json_fields
    fields: [answer]
  - type: contains
    name: contains_answer
repeats: 1
seed: 1
concurrency: 8
# The merge gate: decided from the 95% confidence bound of the paired difference, not point estimates.
gate:
  metrics:
    json_fields:
      max_regression: 0.02
  inconclusive: fail
`;
  const cases = [
    { id: "capital-fr", input: "What is the capital of France?", expected: '{"answer": "Paris"}' },
    { id: "capital-jp", input: "What is the capital of Japan?", expected: '{"answer": "Tokyo"}' },
    { id: "sum-small", input: "What is 2 + 3?", expected: '{"answer": "5"}' },
  ]
    .map((c) => JSON.stringify(c))
    .join("\n");
  const prompt = `{# The prompt each case is rendered with (Jinja; variables: the case's fields). #}
Answer with a JSON object {"answer": "..."} and nothing else.
Question: {{ input }}
`;
  const pipeline = `# The pipeline: stages, what they read (deps) and write (outs). \`llmops run\` runs only the
# stages whose inputs changed and restores the rest from the stage cache; \`llmops status\` says
# which and why. Add data, train and export stages before eval when you train (docs/pipelines.md).
name: main
params:
  base_url: http://127.0.0.1:8000/v1
stages:
  eval:
    uses: eval
    with:
      suite: evals/${o.name}.yaml
      out: .llmops/pipeline/eval
      base_url: \${base_url}
    deps: [evals/, prompts/]
    params: [base_url]
`;
  const main = `# Push to main → run the pipeline and save every stage result under its key in the Actions
# cache; pull requests restore them as their baseline (written by llmops init).
name: llmops main

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions: {}

jobs:
  pipeline:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    permissions:
      contents: read # check out the repository; the stage cache uses the runner's own token
    steps:
      - uses: ${PINS.checkout}
        with:
          persist-credentials: false
      - uses: ${PINS.setupNode}
        with:
          node-version: 24
      - uses: ${action("pipeline")}
        with:
          pipeline: main
`;
  const pr = `# Pull request → run the pipeline with the PR's merge-base as its baseline (restored from the
# stage cache main's workflow saved), compare, gate and write the report bundle; a second job, which
# never runs the PR's code, posts the sticky comment and the "llmops / advisory" check (written by
# llmops init). This run computes with the PR's own code, so its verdict is advisory: the required
# "llmops / gate" comes from a pull_request_target workflow that runs the base's llmops on the PR's
# files as data (llmops-gate.yml, beside this file; docs/github.md). Fork PRs get a read-only token here:
# post their bundle from a workflow_run (llmops-pr-comment.yml in llmops).
name: llmops PR

on:
  pull_request:

permissions: {}

concurrency:
  group: llmops-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  pipeline:
    runs-on: ubuntu-latest
    timeout-minutes: 60
    permissions:
      contents: read # check out the PR with its history; this job runs the PR's code and writes nothing to GitHub
    outputs:
      verdict: \${{ steps.pipeline.outputs.verdict }}
    steps:
      - uses: ${PINS.checkout}
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          fetch-depth: 0 # the merge-base is found with git and materialised in a worktree
          persist-credentials: false
      # The merge-base, not base.sha (the base's tip when the event fired, which may hold commits
      # the PR does not have): the commit the PR's changes apply to, whose results main cached.
      - id: base
        env:
          BASE_SHA: \${{ github.event.pull_request.base.sha }}
        run: |
          mb=$(git merge-base --end-of-options "$BASE_SHA" HEAD)
          echo "sha=$mb" >> "$GITHUB_OUTPUT"
      - uses: ${PINS.setupNode}
        with:
          node-version: 24
      - id: pipeline
        uses: ${action("pipeline")}
        with:
          pipeline: main
          baseline: \${{ steps.base.outputs.sha }}
          report-dir: llmops-report # the bundle actions/comment posts (not a dot-directory: upload-artifact skips those)
          fail-on-block: false # the check decides; a FAIL is a report, not a failed job
      - if: \${{ !cancelled() && steps.pipeline.outputs.bundle-dir != '' }}
        uses: ${PINS.upload}
        with:
          name: llmops-report
          path: llmops-report
          retention-days: 14
          if-no-files-found: error

  comment:
    needs: pipeline
    if: github.event.pull_request.head.repo.full_name == github.repository && needs.pipeline.outputs.verdict != ''
    runs-on: ubuntu-latest
    permissions:
      pull-requests: write # the sticky comment
      checks: write # the "llmops / advisory" check run
    steps:
      - uses: ${PINS.download}
        with:
          name: llmops-report
          path: \${{ runner.temp }}/llmops-report
      - uses: ${action("comment")}
        with:
          report-path: \${{ runner.temp }}/llmops-report
          check-name: llmops / advisory # computed by the PR's own code: never the required check
`;
  const suitePath = `evals/${o.name}.yaml`;
  const gate = `# The required "llmops / gate" check (written by llmops init), computed where the pull request
# cannot reach: pull_request_target runs THIS file from the default branch, every action that runs
# is pinned here, and the PR's files are checked out under .llmops/pr as data only — its prompt and
# sampling parameters are judged on the base's cases, scorers, endpoint and gate policy
# (${suitePath} of the base). The job that reads PR files has a read-only token; the job that posts
# reads only the bundle this run computed. Make "llmops / gate" a required check of main. A hosted
# API's key: add it to both evaluate steps' env: (it goes only to the base's endpoint). When the
# pipeline trains a model, add actions/gate-model (see llmops's llmops-gate.yml and docs/github.md).
name: llmops gate

on:
  pull_request_target:
    # edited: the PR's base branch may have changed (the job skips other edits).
    types: [opened, synchronize, reopened, edited]
    # The branch this check protects: a PR into another branch would be judged against that
    # branch's base, and a check run belongs to the commit, whatever the PR it was computed for.
    branches: [main]

permissions: {}

jobs:
  evaluate:
    if: github.event.action != 'edited' || github.event.changes.base
    runs-on: ubuntu-latest
    timeout-minutes: 60
    concurrency:
      group: llmops-gate-\${{ github.event.pull_request.number }}
      cancel-in-progress: true
    permissions:
      contents: read # check out the base (the yardstick) and the PR's files (data); nothing is written
    steps:
      - name: Check out the base
        uses: ${PINS.checkout}
        with:
          ref: \${{ github.event.pull_request.base.sha }}
          persist-credentials: false
      - name: Fetch the pull request's files (data only, never executed)
        uses: ${PINS.checkout}
        with:
          repository: \${{ github.event.pull_request.head.repo.full_name || github.repository }} # a deleted fork: its head is still the base repository's refs/pull/N/head
          ref: \${{ github.event.pull_request.head.sha }}
          path: .llmops/pr
          persist-credentials: false
      - name: Evaluate the baseline (the base's suite)
        id: baseline
        uses: ${action("evaluate")}
        with:
          suite: ${suitePath}
          out: .llmops/runs/baseline
          base-url: \${{ vars.LLMOPS_BASE_URL }} # empty: the base suite's target.base_url
      - name: Evaluate the pull request (its prompt and sampling parameters, the base's yardstick)
        id: candidate
        uses: ${action("evaluate")}
        with:
          suite: .llmops/pr/${suitePath}
          yardstick: ${suitePath} # cases, scorers, repeats and endpoint from the base
          out: .llmops/runs/candidate
          base-url: \${{ vars.LLMOPS_BASE_URL }}
      - name: Compare and gate under the base's policy
        uses: ${action("compare")}
        with:
          baseline: \${{ steps.baseline.outputs.results-dir }}
          candidate: \${{ steps.candidate.outputs.results-dir }}
          policy: ${suitePath}
          out: llmops-gate-report
          fail-on-block: false
          prompts-base-dir: . # the base checkout
          prompts-head-dir: .llmops/pr # the PR's prompts, read as data: the comment shows their diff
      - uses: ${PINS.upload}
        with:
          name: llmops-gate-report
          path: llmops-gate-report
          retention-days: 7
          if-no-files-found: error

  gate:
    needs: evaluate
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      pull-requests: write # the sticky report comment
      checks: write # the required llmops / gate check run
      statuses: write # fallback commit status where check runs are not allowed
    steps:
      - uses: ${PINS.download}
        with:
          name: llmops-gate-report
          path: \${{ runner.temp }}/llmops-gate-report
      - uses: ${action("comment")}
        with:
          report-path: \${{ runner.temp }}/llmops-gate-report
          comment-key: llmops-gate
          check-name: llmops / gate
          pr-number: \${{ github.event.pull_request.number }}
          verdict: fail # only if the bundle has no comparison: fail closed
`;
  return [
    { path: suitePath, content: suite },
    { path: `evals/cases/${o.name}.jsonl`, content: `${cases}\n` },
    { path: `prompts/${o.name}.jinja`, content: prompt },
    { path: "pipelines/main.yaml", content: pipeline },
    { path: ".github/workflows/llmops-main.yml", content: main },
    { path: ".github/workflows/llmops-pr.yml", content: pr },
    { path: ".github/workflows/llmops-gate.yml", content: gate },
  ];
}

export function renderNextSteps(o: InitOptions): string {
  return [
    "Next:",
    `  1. Point the suite at your model: target.base_url and target.model in evals/${o.name}.yaml`,
    "     (and params.base_url in pipelines/main.yaml); try it: npx llmops run",
    "  2. For a hosted API, add its key as a repository secret and name the variable in",
    `     target.api_key_env (e.g. LLMOPS_API_KEY), passed to the pipeline step's env:`,
    '  3. Make "llmops / gate" (.github/workflows/llmops-gate.yml, the trusted gate) a required check of main',
    '     (Settings → Branches); "llmops / advisory" is the PR\'s own view (docs/github.md).',
  ].join("\n");
}

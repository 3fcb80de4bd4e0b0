// The CLI and the actions are two shells over one core: an option one of them grows must be
// grown by the other, or be listed here as belonging to one shell, with the reason. (The action
// side is action.yml itself: action-contract.test.ts checks each INPUTS against its action.yml.)
import { describe, expect, it } from "vitest";
import { commands } from "../src/cli/commands.js";
import { INPUTS as comment } from "../src/actions/comment/inputs.js";
import { INPUTS as compare } from "../src/actions/compare/inputs.js";
import { INPUTS as evaluate } from "../src/actions/evaluate/inputs.js";
import { INPUTS as pipeline } from "../src/actions/pipeline/inputs.js";
import { INPUTS as promote } from "../src/actions/promote/inputs.js";
import { INPUTS as train } from "../src/actions/train/inputs.js";
import { INPUTS as validateDataset } from "../src/actions/validate-dataset/inputs.js";

type Reasons = Record<string, string>;
interface Pair {
  cli: string;
  action: string;
  inputs: object;
  /** The same setting under another name: CLI option → action input. */
  renamed?: Record<string, string>;
  cliOnly: Reasons;
  actionOnly: Reasons;
}

const TERMINAL = "terminal output (the action writes outputs and a job summary instead)";
const TOKEN = "the GitHub token: the CLI runs without one, or reads GITHUB_TOKEN from its environment";

const PAIRS: Pair[] = [
  {
    cli: "eval",
    action: "evaluate",
    inputs: evaluate,
    cliOnly: {
      variant: "names an arm for `llmops compare --arm` on a laptop; the action's arms are separate steps",
      limit: "a quick local try on the first N cases; a gate in CI must see every case, so the action has no way to cut the suite",
      shard: "a matrix shard is run by the CLI in each matrix job (docs/evaluation.md); the action evaluates whole suites",
      "dry-run": "shows the first request on a terminal",
      timeout: "per-phase deadlines are tuned locally; CI keeps the suite's own",
      "fixed-timeouts": "pairs with --timeout",
      "exact-percentiles": "a local diagnostic of latency percentiles",
      hedge: "hedging is tuned locally; the action keeps the default (auto)",
      json: TERMINAL,
      quiet: TERMINAL,
    },
    actionOnly: {
      suite: "the CLI takes the suite as its positional argument",
      yardstick: "the trusted-gate split of a base suite and a PR's prompts exists only in the workflow",
      "serve-model": "serves a GGUF for one workflow step; on a laptop `llmops serve` runs beside `llmops eval --base-url`, or a pipeline's service does",
    },
  },
  {
    cli: "compare",
    action: "compare",
    inputs: compare,
    cliOnly: { control: "k-arm comparisons are a local analysis", arm: "pairs with --control", json: TERMINAL, quiet: TERMINAL, "prompts-base": "the prompt diff against a git revision (the action takes a checkout of the base: prompts-base-dir)" },
    actionOnly: {
      "fail-on-block": "the action also gates (llmops gate is a separate command)",
      title: "the report title (llmops report --title)",
      "prompts-base-dir": "the PR comment's prompt diff against the base checkout (llmops compare|report --prompts-base REV)",
      "prompts-head-dir": "the trusted gate reads the PR's prompts from a data-only checkout; the CLI reads the working tree",
    },
  },
  {
    cli: "gate",
    action: "compare",
    inputs: compare,
    cliOnly: { plan: "a power analysis before running, on a terminal", json: TERMINAL, quiet: TERMINAL },
    actionOnly: {
      "fail-on-block": "llmops gate always exits 1 on FAIL",
      title: "the report title (llmops report --title)",
      "prompts-base-dir": "the PR comment's prompt diff against the base checkout (llmops report --prompts-base REV)",
      "prompts-head-dir": "the trusted gate reads the PR's prompts from a data-only checkout; the CLI reads the working tree",
    },
  },
  {
    cli: "report",
    action: "comment",
    inputs: comment,
    cliOnly: {
      comparison: "the CLI renders from comparison.json; the action posts the bundle actions/compare rendered",
      markdown: "file outputs of rendering",
      summary: "file outputs of rendering",
      html: "file outputs of rendering",
      baseline: "rendering reads the runs; the action reads a finished bundle",
      candidate: "rendering reads the runs; the action reads a finished bundle",
      "run-url": "a link the action takes from the workflow run itself",
      title: "set when the bundle is rendered (actions/compare's title)",
      "max-chars": "the action's limit is GitHub's comment limit",
      "prompts-base": "the prompt diff goes into the report when it is rendered; the comment action posts a finished bundle (actions/compare renders it: prompts-base-dir)",
      json: TERMINAL,
      quiet: TERMINAL,
    },
    actionOnly: {
      "report-path": "the bundle to post",
      token: TOKEN,
      "pr-number": "posting targets a pull request; the CLI posts nothing",
      "comment-key": "posting",
      "comment-author": "posting",
      check: "posting a check run",
      "check-name": "posting a check run",
      verdict: "posting a check run",
    },
  },
  {
    cli: "data",
    action: "validate-dataset",
    inputs: validateDataset,
    renamed: { eval: "eval-cases", threshold: "near-threshold", manifest: "manifest-path", base: "base-ref" },
    cliOnly: {
      report: "writes the full report to a file on a laptop; the action annotates and summarises",
      "max-line-bytes": "a guard for huge local files; the action keeps the default",
      "allow-no-assistant": "data validate's option for prompt-only chat data; not yet an action input",
      out: "clean/split/dedupe write files: not validation",
      "out-dir": "split writes files: not validation",
      "no-nfc": "clean",
      "no-trim": "clean",
      "keep-empty": "clean",
      "min-tokens": "clean",
      "max-tokens": "clean",
      unit: "clean",
      ratios: "split",
      key: "split",
      seed: "split",
      stratify: "split",
      title: "describe",
      json: TERMINAL,
      quiet: TERMINAL,
    },
    actionOnly: {
      files: "the CLI takes files as positional arguments",
      "max-annotations": "GitHub annotations",
      "write-manifest": "the CLI writes a manifest with `data version`",
      "fail-on-invalid": "the CLI always exits 1 on invalid data",
    },
  },
  {
    cli: "train",
    action: "train",
    inputs: train,
    renamed: { set: "overrides" },
    cliOnly: { json: TERMINAL, quiet: TERMINAL },
    actionOnly: { spec: "the CLI takes the spec as its positional argument", "runner-guard": "self-hosted runner protection exists only in a workflow", token: TOKEN },
  },
  {
    cli: "run",
    action: "pipeline",
    inputs: pipeline,
    cliOnly: { json: TERMINAL, quiet: TERMINAL },
    actionOnly: {
      pipeline: "the CLI takes the pipeline file as its positional argument",
      cache: "the workflow's @actions/cache for the stage cache",
      "report-dir": "the report bundle actions/comment posts (the CLI writes the comment and HTML report under reports/runs/<run-id>/)",
      "fail-on-block": "the CLI exits 1 when the gate blocks; a workflow may leave the decision to the check actions/comment publishes",
    },
  },
  {
    cli: "promote",
    action: "promote",
    inputs: promote,
    cliOnly: { repo: "the action promotes in its own repository (GITHUB_REPOSITORY)", json: TERMINAL, quiet: TERMINAL },
    actionOnly: { artifact: "the CLI takes the artifact as its positional argument", rollback: "the CLI has `llmops rollback`", token: TOKEN },
  },
];

describe("the CLI's options and the actions' inputs do not drift", () => {
  it.each(PAIRS.map((p) => [`llmops ${p.cli} ↔ actions/${p.action}`, p] as const))("%s", async (_name, p) => {
    const cmd = await commands.find((c) => c.name === p.cli)!.load();
    const renamed = p.renamed ?? {};
    const cli = Object.keys(cmd.options).map((o) => renamed[o] ?? o);
    const action = Object.keys(p.inputs);
    // Present in one shell only: each must be listed with its reason, and every listed one must exist.
    expect(cli.filter((o) => !action.includes(o)).sort(), "CLI options missing from the action, unlisted").toEqual(Object.keys(p.cliOnly).map((o) => renamed[o] ?? o).sort());
    expect(action.filter((i) => !cli.includes(i)).sort(), "action inputs missing from the CLI, unlisted").toEqual(Object.keys(p.actionOnly).sort());
    for (const [o, i] of Object.entries(renamed)) {
      expect(Object.keys(cmd.options), `--${o}`).toContain(o);
      expect(action, `input ${i}`).toContain(i);
    }
  });
});

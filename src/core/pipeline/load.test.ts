import { describe, expect, it } from "vitest";
import { parseYamlSource } from "../config/index.js";
import { ConfigError } from "../../errors.js";
import { computeKeyParts, computeStageKey, explainKeyChange } from "./key.js";
import { parsePipelineConfig, resolvePipeline } from "./load.js";
import { globToRegExp } from "./glob.js";

function load(text: string, params?: string) {
  const doc = parseYamlSource(text, "pipelines/p.yaml");
  const cfg = parsePipelineConfig(doc);
  return resolvePipeline(doc, cfg, text, params === undefined ? undefined : { doc: parseYamlSource(params, "params.yaml") });
}
function error(text: string): string {
  try {
    load(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("no error");
}

const BASIC = `name: demo
params:
  lr: 0.003
  data: { n: 100 }
stages:
  eval:
    uses: eval
    services: [model]
    with: { suite: evals/a.yaml, out: out/eval, base_url: "\${services.model.url}" }
    deps: [evals/]
  prepare:
    run: [node, gen.mjs, --n, "\${data.n}", --out, data/gen]
    deps: [gen.mjs]
    params: [data.n]
    outs: [data/gen]
  train:
    uses: train
    with: { spec: train.yaml, out: out/train, set: ["learning_rate=\${lr}"] }
    deps: [data/gen/train.jsonl]
    params: [lr]
services:
  model:
    run: [node, server.mjs, --port, "\${port}", --model, out/train/model]
    deps: [out/train]
`;

describe("pipeline loading", () => {
  it("orders stages by their data, expands built-in steps and params", () => {
    const p = load(BASIC);
    expect(p.stages.map((s) => s.name)).toEqual(["prepare", "train", "eval"]);
    const [prepare, train, ev] = p.stages;
    expect(prepare!.command).toEqual({ llmops: false, argv: ["node", "gen.mjs", "--n", "100", "--out", "data/gen"] });
    expect(prepare!.params).toEqual({ "data.n": 100 });
    expect(train!.command.argv).toEqual(["train", "train.yaml", "--out", "out/train", "--set", "learning_rate=0.003"]);
    expect(train!.deps).toEqual(["data/gen/train.jsonl", "train.yaml"]);
    expect(train!.upstream).toEqual(["prepare"]);
    expect(ev!.upstream).toEqual(["train"]);
    expect(ev!.command.argv).toEqual(["eval", "evals/a.yaml", "--out", "out/eval", "--base-url", "${services.model.url}", "--no-cache", "--quiet"]);
    expect(ev!.outs).toEqual(["out/eval"]);
  });

  it("takes params from a params file, inline values winning", () => {
    const text = BASIC.replace("params:\n  lr: 0.003\n  data: { n: 100 }\n", "params_file: params.yaml\nparams:\n  lr: 0.003\n");
    const p = load(text, "lr: 1\ndata:\n  n: 7\n");
    expect(p.stages[0]!.params).toEqual({ "data.n": 7 });
    expect(p.stages[1]!.command.argv).toContain("learning_rate=0.003");
  });

  it.each([
    ["a cycle, naming it", `name: c\nstages:\n  a:\n    run: [x]\n    deps: [b.txt]\n    outs: [a.txt]\n  b:\n    run: [y]\n    deps: [a.txt]\n    outs: [b.txt]\n`, /p\.yaml:3:3: the stages form a cycle: a → b → a/],
    ["an unknown step, with a suggestion", `name: c\nstages:\n  a:\n    uses: trian\n`, /p\.yaml:4:11: stages\.a\.uses: expected one of .* found the string "trian" \(did you mean "train"\?\)/],
    ["a shell string not asked for", `name: c\nstages:\n  a:\n    run: "make all"\n`, /p\.yaml:4:10: stages\.a\.run: a command string runs through a shell/],
    ["an unknown parameter", `name: c\nparams: { lr: 1 }\nstages:\n  a:\n    run: [x]\n    params: [lrr]\n`, /p\.yaml:6:14: stages\.a\.params\[0\]: unknown parameter "lrr" \(did you mean "lr"\?\)/],
    ["an unknown variable", `name: c\nstages:\n  a:\n    run: [x, "\${nope}"]\n`, /p\.yaml:4:14: stages\.a\.run\[1\]: unknown variable \$\{nope\}/],
    ["a step input typo", `name: c\nstages:\n  a:\n    uses: train\n    with: { spec: s.yaml, out: o, sett: [] }\n`, /p\.yaml:5:35: stages\.a\.with\.sett: unknown input "sett" of train \(did you mean "set"\?\)/],
    ["two writers of one path", `name: c\nstages:\n  a:\n    run: [x]\n    outs: [out]\n  b:\n    run: [y]\n    outs: [out/sub]\n`, /stages\.b\.outs\[0\]: output "out\/sub" overlaps "out", an output of stage "a"/],
    ["an output outside the workspace", `name: c\nstages:\n  a:\n    run: [x]\n    outs: [../x]\n`, /p\.yaml:5:12: stages\.a\.outs\[0\]: output "\.\.\/x" must be a file or directory inside the workspace/],
    ["a stage reading its own output", `name: c\nstages:\n  a:\n    run: [x]\n    deps: [o/f]\n    outs: [o]\n`, /stages\.a\.deps\[0\]: depends on its own output "o"/],
    ["a service without a port", `name: c\nservices:\n  m:\n    run: [srv]\nstages:\n  a:\n    run: [x]\n    services: [m]\n`, /services\.m\.run: the command must take its port from \$\{port\}/],
    ["an unknown service", `name: c\nstages:\n  a:\n    run: [x]\n    services: [m]\n`, /stages\.a\.services\[0\]: unknown service "m"/],
  ])("rejects %s", (_what, text, re) => {
    expect(error(text)).toMatch(re);
  });
});

describe("stage keys", () => {
  const p = load(BASIC);
  const train = p.stages[1]!;
  const base = computeKeyParts(train, { "train.yaml": "h1", "data/gen/train.jsonl": "h2" }, { prepare: "a".repeat(64) }, "0.1.0");
  it("is stable under key order and moves with each input", () => {
    const reordered = computeKeyParts(train, { "data/gen/train.jsonl": "h2", "train.yaml": "h1" }, { prepare: "a".repeat(64) }, "0.1.0");
    expect(computeStageKey(reordered)).toBe(computeStageKey(base));
    const variants = [
      { ...base, deps: { ...base.deps, "train.yaml": "h9" } },
      { ...base, params: { lr: 0.03 } },
      { ...base, upstream: { prepare: "b".repeat(64) } },
      { ...base, llmops_version: "0.2.0" },
      { ...base, definition: "c".repeat(64) },
    ];
    const keys = new Set([computeStageKey(base), ...variants.map(computeStageKey)]);
    expect(keys.size).toBe(6);
  });
  it("explains what moved", () => {
    expect(explainKeyChange(base, { ...base, params: { lr: 0.03 }, deps: { ...base.deps, "train.yaml": "h9" } })).toEqual(["parameter lr: 0.003 → 0.03", "modified: train.yaml"]);
    expect(explainKeyChange(base, { ...base, upstream: { prepare: "b".repeat(64) } })).toEqual(["upstream stage prepare changed"]);
    expect(explainKeyChange(undefined, base)).toEqual(["never ran here"]);
  });
});

describe("globs", () => {
  it.each([
    ["data/*.jsonl", "data/a.jsonl", true],
    ["data/*.jsonl", "data/x/a.jsonl", false],
    ["data/**/*.jsonl", "data/x/y/a.jsonl", true],
    ["data/**/*.jsonl", "data/a.jsonl", true],
    ["a?.txt", "ab.txt", true],
  ])("%s matches %s: %s", (g, p, m) => {
    expect(globToRegExp(g).test(p)).toBe(m);
  });
});

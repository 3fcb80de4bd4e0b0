// Under the gate's yardstick a pull request contributes its prompt and sampling parameters, but not
// the seed the samples are drawn with: with temperature > 0 a chosen seed is a free draw an author
// can search offline until the samples pass. The yardstick's seed (named or in extra) is used, and
// the PR's is reported as ignored.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSuite } from "./load-suite.js";
import { withYardstick } from "./run-suite.js";

const suite = (params: string) => `name: s
cases: [{id: a, input: x}]
prompt: "{{ input }}"
target: {base_url: "http://127.0.0.1:1/v1", model: m, params: ${params}}
scorers: [{type: exact_match}]
`;

describe("withYardstick: the seed", () => {
  it("comes from the yardstick, named or in extra; the PR's temperature and other params are kept", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llmops-yardstick-"));
    writeFileSync(join(dir, "base.yaml"), suite("{temperature: 0.7, seed: 1}"));
    writeFileSync(join(dir, "pr.yaml"), suite("{temperature: 0.9, seed: 424242, extra: {seed: 7, top_a: 0.1}}"));
    const warnings: string[] = [];
    const merged = withYardstick(await loadSuite(join(dir, "base.yaml"), dir), await loadSuite(join(dir, "pr.yaml"), dir), { warn: (m: string) => warnings.push(m) });
    expect(merged.suite.target.params).toMatchObject({ temperature: 0.9, seed: 1, extra: { top_a: 0.1 } });
    expect(merged.suite.target.params.extra).not.toHaveProperty("seed");
    expect(warnings.join("\n")).toMatch(/its sampling seed/);
  });

  it("a PR that sets no seed keeps the yardstick's absence of one (per-repeat seeds from the suite)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llmops-yardstick-"));
    writeFileSync(join(dir, "base.yaml"), suite("{temperature: 0.7}"));
    writeFileSync(join(dir, "pr.yaml"), suite("{temperature: 0.7}"));
    const warnings: string[] = [];
    const merged = withYardstick(await loadSuite(join(dir, "base.yaml"), dir), await loadSuite(join(dir, "pr.yaml"), dir), { warn: (m: string) => warnings.push(m) });
    expect(merged.suite.target.params.seed).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

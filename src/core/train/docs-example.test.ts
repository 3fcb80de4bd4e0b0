// docs/training.md's spec example must stay a valid spec.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTrainSpec } from "./spec.js";

describe("docs/training.md", () => {
  it("shows a spec that validates", () => {
    const md = readFileSync(new URL("../../../docs/training.md", import.meta.url), "utf8");
    const section = md.slice(md.indexOf("## The spec"));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const spec = parseTrainSpec(yaml!, "docs/training.md");
    expect(spec).toMatchObject({ name: "tiny-sft", backend: "reference", max_steps: 150, base: { architecture: { intermediate_size: 192 } } });
  });
});

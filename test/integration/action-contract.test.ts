// Contract between each actions/<name>/action.yml and its code. Convention: every action exports
// its input spec as `INPUTS` from src/actions/<name>/inputs.ts; this test checks that action.yml
// declares exactly those inputs, that it is valid under GitHub's action schema, and that it runs
// the bundle the build writes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import type { InputSpecs } from "../../src/actions/runtime/inputs.js";
import { loadWorkflowParser } from "../support/workflow-parser.js";

const root = new URL("../..", import.meta.url).pathname;
const actions = readdirSync(join(root, "actions"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, "actions", d.name, "action.yml")))
  .map((d) => d.name)
  .sort();

interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  runs: { using: string; main: string };
}

describe.each(actions)("actions/%s", (name) => {
  const ymlText = readFileSync(join(root, "actions", name, "action.yml"), "utf8");
  const yml = parse(ymlText) as ActionYml;

  test("is valid under GitHub's action schema", async () => {
    const { parseAction, NoOperationTraceWriter } = await loadWorkflowParser();
    const r = parseAction({ name: `actions/${name}/action.yml`, content: ymlText }, new NoOperationTraceWriter());
    expect(r.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  test("runs its bundle on node24", () => {
    expect(yml.runs).toEqual({ using: "node24", main: `../../dist/${name}/index.js` });
    expect(existsSync(join(root, "src", "actions", name, "index.ts"))).toBe(true);
  });

  test("declares exactly the inputs its parser reads (src/actions/<name>/inputs.ts exports INPUTS)", async () => {
    const specFile = join(root, "src", "actions", name, "inputs.ts");
    expect(existsSync(specFile), `${specFile} must export INPUTS (the input spec parseInputs reads)`).toBe(true);
    const { INPUTS } = (await import(specFile)) as { INPUTS: InputSpecs };
    expect(Object.keys(yml.inputs ?? {}).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [input, spec] of Object.entries(INPUTS)) {
      const declared = yml.inputs?.[input];
      expect(declared?.description, `actions/${name} input "${input}" needs a description`).toBeTruthy();
      expect(spec.description.length, `spec of "${input}" needs a description`).toBeGreaterThan(0);
      expect(input, "inputs are kebab-case").toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      // Required in code: the workflow must set it, or action.yml supplies a default.
      if (spec.required) expect(declared?.required === true || declared?.default !== undefined, `"${input}" is required by the parser`).toBe(true);
    }
  });
});

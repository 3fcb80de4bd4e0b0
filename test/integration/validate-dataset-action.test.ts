// Spawns the bundled validate-dataset action with INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY in temp files; and checks action.yml declares exactly the parsed inputs.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { INPUTS } from "../../src/actions/validate-dataset/inputs.js";
import { runActionBundle } from "../support/fake-github-action.js";

const root = new URL("../..", import.meta.url).pathname;
const bundle = join(root, "dist/validate-dataset/index.js");
let ws: string;

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error("dist/validate-dataset/index.js is missing: run `node scripts/build.mjs` first");
  ws = mkdtempSync(join(tmpdir(), "llmops-validate-dataset-"));
  mkdirSync(join(ws, "data/eval"), { recursive: true });
  copyFileSync(join(root, "data/train.jsonl"), join(ws, "data/train.jsonl"));
  copyFileSync(join(root, "data/eval/cases.jsonl"), join(ws, "data/eval/cases.jsonl"));
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

function runAction(inputs: Record<string, string>) {
  return runActionBundle({ action: "validate-dataset", inputs, cwd: ws, env: { RUNNER_TEMP: ws } });
}

describe("actions/validate-dataset", () => {
  it("valid example data: outputs, manifest and the card in the job summary", async () => {
    const r = await runAction({ files: "data/*.jsonl", "eval-cases": "data/eval/cases.jsonl" });
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ valid: "true", records: "220", "manifest-path": "data/data-manifest.json" });
    expect(JSON.parse(readFileSync(join(ws, "data/data-manifest.json"), "utf8"))).toMatchObject({ schema: "llmops.data-manifest/v1", totals: { records: 220 } });
    expect(r.summary).toMatch(/^\*\*Data valid\*\*: 220 records/);
    expect(r.summary).toContain("## Dataset card: data/train.jsonl");
    expect(r.summary).toContain("xychart-beta");
  });

  it("annotates the offending lines and fails the step", async () => {
    const good = JSON.stringify({ messages: [{ role: "user", content: "hi" }, { role: "assistant", content: "hello" }] });
    const leak = JSON.stringify({ messages: [{ role: "user", content: (JSON.parse(readFileSync(join(ws, "data/eval/cases.jsonl"), "utf8").split("\n")[0]!) as { input: string }).input }, { role: "assistant", content: "x" }] });
    writeFileSync(join(ws, "bad.jsonl"), `${good}\n{"messages": [{"role": "robot", "content": "x"}]}\n${leak}\n{"trunc`);
    const r = await runAction({ files: "bad.jsonl", "eval-cases": "data/eval/cases.jsonl", "manifest-path": "out/m.json" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error title=unknown_role (messages[0].role),file=bad.jsonl,line=2::unknown role \"robot\"");
    expect(r.stdout).toMatch(/::error title=leakage,file=bad\.jsonl,line=3::exact match with eval case "eval-add-000"/);
    expect(r.stdout).toMatch(/::error title=truncated_line,file=bad\.jsonl,line=4::/);
    expect(r.stdout).toMatch(/::error::3 error\(s\) in the data/);
    expect(r.outputs).toMatchObject({ valid: "false", records: "4", "manifest-path": "out/m.json" });
    expect(r.summary).toMatch(/\*\*Data invalid\*\*: 3 error\(s\) in 4 records/);
  });

  it("base-ref: the data diff against the manifest at another revision", async () => {
    const git = (...a: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...a], { cwd: ws, encoding: "utf8" });
    git("init", "-q");
    expect((await runAction({ files: "data/train.jsonl", dedupe: "none" })).code).toBe(0);
    git("add", "data");
    git("commit", "-qm", "base");
    const lines = readFileSync(join(ws, "data/train.jsonl"), "utf8").trim().split("\n");
    writeFileSync(join(ws, "data/train.jsonl"), `${lines.slice(5).join("\n")}\n`);
    const r = await runAction({ files: "data/train.jsonl", dedupe: "none", "base-ref": "HEAD" });
    expect(r.code).toBe(0);
    expect(r.summary).toContain("### Data changes since `HEAD`");
    expect(r.summary).toMatch(/^\| `train\.jsonl` \| +changed \| +220 → 215 \| +0 \| +5 \| +0 \|$/m); // markdown-table pads the columns
    expect(readFileSync(r.outputs["diff-path"]!, "utf8")).toContain("220 → 215");
    writeFileSync(join(ws, "data/train.jsonl"), `${lines.join("\n")}\n`);
  });

  it("max-line-bytes and allow-no-assistant mean what the CLI's flags mean (they were CLI-only)", async () => {
    const promptOnly = JSON.stringify({ messages: [{ role: "user", content: "only a prompt, ".repeat(8) }] });
    writeFileSync(join(ws, "prompts.jsonl"), `${promptOnly}\n`);
    const strict = await runAction({ files: "prompts.jsonl", "write-manifest": "false" });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("::error title=no_assistant_turn (messages),file=prompts.jsonl,line=1::");
    const allowed = await runAction({ files: "prompts.jsonl", "write-manifest": "false", "allow-no-assistant": "true" });
    expect(allowed.code).toBe(0);
    expect(allowed.outputs.valid).toBe("true");
    const short = await runAction({ files: "prompts.jsonl", "write-manifest": "false", "allow-no-assistant": "true", "max-line-bytes": "64" });
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/::error title=line_too_long,file=prompts\.jsonl,line=1::line is \d+ bytes, over the limit of 64 bytes/);
  });

  it("bad inputs fail with the input's name", async () => {
    expect((await runAction({})).stdout).toMatch(/::error::input "files" is required/);
    expect((await runAction({ files: "data/train.jsonl", dedupe: "fuzzy" })).stdout).toMatch(/input "dedupe" has an invalid value "fuzzy": expected none, exact or near/);
    expect((await runAction({ files: "data/*.csv" })).stdout).toMatch(/input "files": data\/\*\.csv matches no file/);
    expect((await runAction({ files: "data" })).stdout).toMatch(/data is a directory, not a data file/);
  });

  it("action.yml declares exactly the inputs the parser reads", () => {
    const yml = parse(readFileSync(join(root, "actions/validate-dataset/action.yml"), "utf8")) as { inputs: Record<string, { required?: boolean }>; outputs: Record<string, unknown>; runs: { main: string } };
    expect(Object.keys(yml.inputs).sort()).toEqual(Object.keys(INPUTS).sort());
    for (const [name, spec] of Object.entries(INPUTS)) expect(Boolean(yml.inputs[name]!.required), name).toBe(Boolean((spec as { required?: boolean }).required));
    expect(Object.keys(yml.outputs).sort()).toEqual(["diff-path", "manifest-path", "records", "valid"]);
    expect(yml.runs.main).toBe("../../dist/validate-dataset/index.js");
  });
});

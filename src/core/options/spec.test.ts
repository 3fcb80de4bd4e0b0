import { describe, expect, it } from "vitest";
import { parseInputs } from "../../actions/runtime/inputs.js";
import { InputError, InternalError } from "../../errors.js";
import { DATA_VALIDATE_OPTIONS } from "./data-validate.js";
import { EVAL_OPTIONS } from "./eval.js";
import { TRAIN_OPTIONS } from "./train.js";
import { actionInputs, cliParseConfig, defineOptions, parseScalar, readCliValues, renderCliHelp, type ValueType } from "./spec.js";

describe("parseScalar: one parser for a flag's value and an input's text", () => {
  const int: ValueType = { kind: "int", min: 1 };
  const share: ValueType = { kind: "number", gt: 0, lte: 1 };
  const mode: ValueType = { kind: "enum", values: ["none", "exact", "near"] };
  const url: ValueType = { kind: "url" };
  const flag: ValueType = { kind: "flag" };
  const key: ValueType = { kind: "string", min: 1, max: 5, pattern: { re: /^[a-z]+$/, expected: "lowercase letters" } };
  it.each([
    [int, "3", 3],
    [int, "0", undefined],
    [int, "-1", undefined],
    [int, "1.5", undefined],
    [int, "1e3", undefined],
    [int, "99999999999999999999", undefined],
    [share, "0.9", 0.9],
    [share, "1", 1],
    [share, "0", undefined],
    [share, "", undefined],
    [share, "1.01", undefined],
    [share, "NaN", undefined],
    [mode, "near", "near"],
    [mode, "Near", undefined],
    [url, "http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1"],
    [url, "https://api.example.com", "https://api.example.com"],
    [url, "ftp://host/x", undefined],
    [url, "http://", undefined],
    [url, "http://a b", undefined],
    [flag, "TRUE", true],
    [flag, "false", false],
    [flag, "yes", undefined],
    [key, "abc", "abc"],
    [key, "abcdef", undefined],
    [key, "ABC", undefined],
  ] as const)("%j %j → %j", (t, raw, want) => {
    const r = parseScalar(t, raw);
    expect(r.ok ? r.value : undefined).toEqual(want);
  });
});

describe("the same bad value, named as each shell names it", () => {
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? "";
  it.each([
    ["max-errors", "max-errors", "0", "a whole number ≥ 1"],
    ["threshold", "near-threshold", "2", "a number in (0, 1]"],
    ["dedupe", "dedupe", "fuzzy", "none, exact or near"],
    ["format", "format", "xml", "auto, chat, instruction, completion, preference or custom"],
  ])("--%s / input %s = %j", (flag, input, raw, expected) => {
    let cli: unknown;
    try {
      readCliValues(DATA_VALIDATE_OPTIONS, { [flag]: raw });
    } catch (e) {
      cli = e;
    }
    expect(cli).toBeInstanceOf(InputError);
    const oneOf = flag === "dedupe" || flag === "format" ? "one of " : "";
    expect((cli as Error).message).toBe(`--${flag} must be ${oneOf}${expected}, got ${JSON.stringify(raw)}`);
    expect(() => parseInputs(actionInputs(DATA_VALIDATE_OPTIONS), read({ files: "a.jsonl", [input]: raw }))).toThrow(`input "${input}" has an invalid value ${JSON.stringify(raw)}: expected ${expected}`);
  });

  it("converts good values to the same types on both sides", () => {
    const cli = readCliValues(EVAL_OPTIONS, { concurrency: "4", "base-url": "http://127.0.0.1:1/v1", "no-cache": true, timeout: ["idle=5"] });
    expect(cli).toEqual({ concurrency: 4, "base-url": "http://127.0.0.1:1/v1", "no-cache": true, timeout: ["idle=5"] });
    const action = parseInputs(actionInputs(EVAL_OPTIONS), read({ suite: "evals/qa.yaml", concurrency: "4", "base-url": "http://127.0.0.1:1/v1", "no-cache": "true" }));
    expect(action).toMatchObject({ suite: "evals/qa.yaml", concurrency: 4, "base-url": "http://127.0.0.1:1/v1", "no-cache": true, model: undefined });
    expect(Object.isFrozen(cli) && Object.isFrozen(action)).toBe(true);
  });

  it("splits an action's list by lines (and commas where the option says) where the CLI repeats the flag", () => {
    const inputs = parseInputs(actionInputs(DATA_VALIDATE_OPTIONS), read({ files: "a.jsonl, b.jsonl\n\n c.jsonl ", "eval-cases": "e1.jsonl\ne2.jsonl" }));
    expect(inputs.files).toEqual(["a.jsonl", "b.jsonl", "c.jsonl"]);
    expect(inputs["eval-cases"]).toEqual(["e1.jsonl", "e2.jsonl"]);
    expect(cliParseConfig(DATA_VALIDATE_OPTIONS).eval).toEqual({ type: "string", multiple: true });
    const train = parseInputs(actionInputs(TRAIN_OPTIONS), read({ spec: "s.yaml", overrides: "max_steps=5\n\n# note\r\n lora.r=8 " }));
    expect(train.overrides).toEqual(["max_steps=5", "", "# note", "lora.r=8"]);
  });

  it("requires what the spec requires, in the action only", () => {
    expect(() => parseInputs(actionInputs(EVAL_OPTIONS), read({}))).toThrow(/input "suite" is required: Path of the eval suite YAML/);
    expect(cliParseConfig(EVAL_OPTIONS).suite).toBeUndefined();
  });
});

describe("defineOptions refuses an inconsistent table (a bug, exit 70)", () => {
  const base = { type: { kind: "string" }, description: "a description long enough" } as const;
  it.each([
    [{ x: { ...base, side: "cli" } }, /exists on the cli side only: say why/],
    [{ x: { ...base, side: "both", why: "no" } }, /why: is for options on one side only/],
    [{ x: { ...base, side: "cli", why: "local", required: true } }, /a CLI-only option has no input, required or actionDefault/],
    [{ x: { ...base, side: "action", why: "ci only", flag: "y" } }, /an action-only option has no flag/],
    [{ x: { ...base, side: "both", description: "out dir (default .x)" } }, /put the default in `default`/],
    [{ x: { ...base, side: "both" }, y: { ...base, side: "both", flag: "x" } }, /--x is declared by "x" and "y"/],
    [{ x: { ...base, side: "both" }, y: { ...base, side: "both", input: "x" } }, /input "x" is declared by "x" and "y"/],
    [{ Bad_Key: { ...base, side: "both" } }, /not kebab-case/],
    [{ x: { ...base, side: "both", type: { kind: "number", gt: 1, lte: 0 } } }, /an empty range: gt must be below lte/],
    [{ x: { ...base, side: "both", type: { kind: "enum", values: ["only"] } } }, /type\.values/],
    [{ x: { ...base, side: "both", type: { kind: "int" } } }, /type\.min/],
    [{ x: { ...base, side: "both", type: { kind: "bytes" } } }, /type/],
  ])("%j", (spec, message) => {
    expect(() => defineOptions("t", spec as never)).toThrow(InternalError);
    expect(() => defineOptions("t", spec as never)).toThrow(message);
  });
});

describe("renderCliHelp", () => {
  it("aligns, wraps at the width, shows the value's name, enum values and the CLI's default", () => {
    const specs = defineOptions("t", {
      limit: { type: { kind: "int", min: 1 }, side: "cli", why: "local", arg: "N", description: "evaluate only the first N cases" },
      hedge: { type: { kind: "enum", values: ["auto", "on", "off"] }, side: "both", description: "send a second copy of a silent request", default: { cli: "auto", action: "never shown here" } },
      "a-very-long-flag-name": { type: { kind: "flag" }, side: "both", description: "one two three four five six seven eight nine ten eleven twelve" },
      hidden: { type: { kind: "flag" }, side: "action", why: "ci only", description: "not on the command line" },
    });
    expect(renderCliHelp(specs, { width: 60 })).toBe(
      [
        "  --limit N            evaluate only the first N cases",
        "  --hedge auto|on|off  send a second copy of a silent",
        "                       request (default: auto)",
        "  --a-very-long-flag-name",
        "                       one two three four five six seven",
        "                       eight nine ten eleven twelve",
        "  -h, --help           this help",
      ].join("\n"),
    );
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError } from "../../errors.js";
import { parseYamlSource } from "./yaml-source.js";
import { validateConfig } from "./validate.js";
import { closest, editDistance } from "./suggest.js";

const schema = z.strictObject({
  name: z.string(),
  repeats: z.number().int().min(1).default(1),
  target: z.strictObject({ model: z.string(), api: z.enum(["chat", "completions"]).default("chat"), temp: z.number().positive().optional() }),
  scorers: z.array(z.discriminatedUnion("type", [z.strictObject({ type: z.literal("bleu") }), z.strictObject({ type: z.literal("chrf"), order: z.number().optional() })])),
});

function errorOf(text: string): string {
  try {
    validateConfig(schema, parseYamlSource(text, "s.yaml"));
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("validateConfig", () => {
  it.each([
    ["unknown top-level key with a typo", "name: a\nrepeat: 2\ntarget: {model: m}\nscorers: []\n", /s\.yaml:2:1: repeat: unknown key "repeat" \(did you mean "repeats"\?\)/],
    ["unknown nested key", "name: a\ntarget:\n  model: m\n  modle: x\nscorers: []\n", /s\.yaml:4:3: target\.modle: unknown key "modle" \(did you mean "model"\?\)/],
    ["unknown key inside a union member", "name: a\ntarget: {model: m}\nscorers:\n  - type: chrf\n    ordr: 2\n", /s\.yaml:5:5: scorers\[0\]\.ordr: unknown key "ordr" \(did you mean "order"\?\)/],
    ["wrong type", "name: a\nrepeats: many\ntarget: {model: m}\nscorers: []\n", /s\.yaml:2:10: repeats: expected number, found the string "many"/],
    ["bad enum with suggestion", "name: a\ntarget: {model: m, api: chatt}\nscorers: []\n", /target\.api: expected one of "chat", "completions", found the string "chatt" \(did you mean "chat"\?\)/],
    ["unknown discriminator", "name: a\ntarget: {model: m}\nscorers: [{type: blue}]\n", /s\.yaml:3:\d+: scorers\[0\]\.type: unknown value "blue" \(did you mean "bleu"\?\)/],
    ["missing required at the top", "target: {model: m}\nscorers: []\n", /s\.yaml:1:1: name: missing required key "name" \(string\) in the top-level mapping/],
    ["missing required in a nested mapping", "name: a\nscorers: []\ntarget:\n  api: chat\n", /s\.yaml:4:3: target\.model: missing required key "model" \(string\) in the mapping target \(which starts here\)/],
    ["too small", "name: a\nrepeats: 0\ntarget: {model: m}\nscorers: []\n", /repeats: expected ≥ 1, found number 0/],
    ["not positive", "name: a\ntarget: {model: m, temp: 0}\nscorers: []\n", /target\.temp: expected > 0, found number 0/],
  ])("%s", (_label, text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });

  it.each([
    ["a syntax error on line 3", "name: a\nrepeats: 1\nx: d: e\ny: 3\n", "x.yaml:3:", /\n {2}3 \| x: d: e\n {2}\s+\^/],
    ["a duplicate key", "a: 1\nb:\n  c: 1\n  c: 2\n", "x.yaml:4:3: invalid YAML: Map keys must be unique", /\n {2}4 \| {3}c: 2\n {2} {6}\^$/],
    ["a tab", "a:\n\tb: 1\n", "x.yaml:2:1: invalid YAML: Tabs are not allowed as indentation", /→b: 1/],
    ["an unresolved alias", "a: 1\nb: *nosuch\n", "x.yaml:2:4: invalid YAML: alias *nosuch names no anchor defined before it", /\^/],
    ["an alias bomb", `a: &a [1,2,3,4,5,6,7,8,9]\nb: &b [${"*a,".repeat(9)}*a]\nc: &c [${"*b,".repeat(9)}*b]\n`, "invalid YAML: too many aliases", /x\.yaml:2:\d+/],
    ["2,000-deep block mappings", `n: x\n${Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}a:\n`).join("")}${" ".repeat(2000)}b: 1\n`, "invalid YAML: nested too deeply", /^x\.yaml:/],
    ["2,000-deep flow sequences", `x: ${"[".repeat(2000)}${"]".repeat(2000)}\n`, "invalid YAML:", /^x\.yaml:/],
    ["a NUL byte", "a: 1\nb: \"x\u0000y\"\n", "x.yaml:2:6: a NUL byte in the file", /./],
  ])("YAML-level errors are configuration errors at their real place: %s", (_label, text, start, pattern) => {
    let err: unknown;
    try {
      parseYamlSource(text, "x.yaml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain(start);
    expect((err as Error).message).toMatch(pattern);
  });

  it("returns typed values with defaults", () => {
    const v = validateConfig(schema, parseYamlSource("name: a\ntarget: {model: m}\nscorers: [{type: bleu}]\n", "s.yaml"));
    expect(v).toEqual({ name: "a", repeats: 1, target: { model: "m", api: "chat" }, scorers: [{ type: "bleu" }] });
  });

  it("lists every problem at once, sorted by position", () => {
    const msg = errorOf("name: 3\nrepeats: x\ntarget: {model: m, zz: 1}\nscorers: []\n");
    expect(msg).toMatch(/3 problems/);
    const lines = msg.split("\n").slice(1).map((l) => l.trim());
    expect(lines[0]).toMatch(/^s\.yaml:1:7: name:/);
    expect(lines[1]).toMatch(/^s\.yaml:2:10: repeats:/);
    expect(lines[2]).toMatch(/^s\.yaml:3:\d+: target\.zz:/);
  });
});

describe("suggest", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["flaw", "lawn", 2],
    ["same", "same", 0],
  ])("editDistance(%s, %s) = %i", (a, b, d) => expect(editDistance(a, b)).toBe(d));
  it("only suggests plausible typos", () => {
    expect(closest("concurency", ["concurrency", "cases"])).toBe("concurrency");
    expect(closest("zzzzzz", ["concurrency", "cases"])).toBeUndefined();
  });
});

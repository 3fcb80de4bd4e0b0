import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseYamlSource } from "./yaml-source.js";
import { validateConfig } from "./validate.js";
import { closest, editDistance } from "./suggest.js";

const schema = z.strictObject({
  name: z.string(),
  repeats: z.number().int().min(1).default(1),
  target: z.strictObject({ model: z.string(), api: z.enum(["chat", "completions"]).default("chat") }),
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
    ["missing required", "target: {model: m}\nscorers: []\n", /name: expected string, found nothing/],
    ["too small", "name: a\nrepeats: 0\ntarget: {model: m}\nscorers: []\n", /repeats: expected ≥ 1, found number 0/],
  ])("%s", (_label, text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });

  it("reports YAML syntax errors with file:line:col", () => {
    expect(() => parseYamlSource("a: [1, 2\nb: 3\n", "x.yaml")).toThrow(/x\.yaml:\d+:\d+: invalid YAML/);
  });

  it("rejects duplicate keys", () => {
    expect(() => parseYamlSource("a: 1\na: 2\n", "x.yaml")).toThrow(/x\.yaml:\d+:\d+: invalid YAML: Map keys must be unique/);
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

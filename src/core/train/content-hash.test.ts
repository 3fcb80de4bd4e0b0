import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { stableStringify } from "../stable-json.js";
import { computeContentHash, isCheckpointPath } from "./content-hash.js";

const enc = (s: string) => new TextEncoder().encode(s);

describe("content hash", () => {
  it("is sha256 over sorted `name\\0size\\0bytes`", () => {
    const expected = createHash("sha256").update("a.json\u00002\u0000{}").update("b/w.bin\u00003\u0000abc").digest("hex");
    expect(computeContentHash([{ name: "b/w.bin", data: enc("abc") }, { name: "a.json", data: enc("{}") }])).toBe(`sha256:${expected}`);
  });
  it("changes with a name or a byte, not with order", () => {
    const h = computeContentHash([{ name: "x", data: enc("1") }, { name: "y", data: enc("2") }]);
    expect(computeContentHash([{ name: "y", data: enc("2") }, { name: "x", data: enc("1") }])).toBe(h);
    expect(computeContentHash([{ name: "x", data: enc("1") }, { name: "z", data: enc("2") }])).not.toBe(h);
    expect(computeContentHash([{ name: "x", data: enc("1") }, { name: "y", data: enc("3") }])).not.toBe(h);
    // The size field keeps "ab"+"c" and "a"+"bc" apart.
    expect(computeContentHash([{ name: "n", data: enc("ab") }, { name: "o", data: enc("c") }])).not.toBe(computeContentHash([{ name: "n", data: enc("a") }, { name: "o", data: enc("bc") }]));
  });
  it.each([
    ["checkpoint-100/model.safetensors", true],
    ["checkpoints/checkpoint-5/state.pt", true],
    ["runs/events", true],
    ["model.safetensors", false],
    ["my-checkpoint-notes.txt", false],
  ])("isCheckpointPath(%s)", (p, yes) => {
    expect(isCheckpointPath(p)).toBe(yes);
  });
  it("canonical JSON sorts keys and drops undefined", () => {
    expect(stableStringify({ b: 1, a: [{ d: undefined, c: "x" }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});

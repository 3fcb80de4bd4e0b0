import { describe, expect, it } from "vitest";
import { stableStringify } from "./stable-json.js";

describe("stableStringify", () => {
  it("sorts keys at every level, drops undefined members, writes BigInt as digits", () => {
    expect(stableStringify({ b: [1, { z: null, y: undefined, x: "s" }], a: 12345678901234567890n })).toBe('{"a":12345678901234567890,"b":[1,{"x":"s","z":null}]}');
    expect(stableStringify({ 10: 1, 9: 2, a: 3 })).toBe('{"10":1,"9":2,"a":3}');
    expect(stableStringify(undefined)).toBe("null");
  });
});

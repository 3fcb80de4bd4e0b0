import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "./hash.js";

describe("sha256", () => {
  it.each([[""], ["abc"], ['{"input":"héllo — 世界 🎉"}'], ["x".repeat(100_000)]])("is the digest of the UTF-8 bytes of %#", (text) => {
    expect(sha256(text)).toBe(createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"));
    expect(sha256(new Uint8Array(Buffer.from(text, "utf8")))).toBe(sha256(text));
  });
  it("matches the published digest of 'abc'", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

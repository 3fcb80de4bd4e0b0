import { describe, expect, it } from "vitest";
import { DigestIndex, digest64 } from "./digest-index.js";

describe("DigestIndex", () => {
  it("maps 200,000 keys to their values through several growths, and misses unknown keys", () => {
    const ix = new DigestIndex();
    let fresh = 0;
    for (let i = 0; i < 200_000; i++) if (ix.setIfAbsent(`case-${i}`, i) === -1) fresh++;
    expect(fresh).toBe(200_000);
    expect(ix.size).toBe(200_000);
    let right = 0;
    for (let i = 0; i < 200_000; i++) if (ix.get(`case-${i}`) === i) right++;
    expect(right).toBe(200_000);
    expect(ix.get("case-200000")).toBe(-1);
    expect(ix.setIfAbsent("case-42", 7)).toBe(42);
    // At most 3/4 full, at least 3/8 after a growth: 32 bytes an entry at worst.
    expect(ix.bytes).toBeLessThanOrEqual(200_000 * 32);
  });
  it("digests differ for near keys (no collision among 200,000 similar ids)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(digest64(`c${i}`).join(":"));
    expect(seen.size).toBe(200_000);
    expect(digest64("ab")).not.toEqual(digest64("ba"));
  });
});

import { describe, expect, it } from "vitest";
import { bf16BitsToF32, f16BitsToF32, f32ToBf16Bits, f32ToF16Bits } from "./half.js";
import { encodeBf16, encodeF16, quantizeQ4_0, quantizeQ8_0 } from "./quantize.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("f32 → f16 (round to nearest even, IEEE binary16 bits)", () => {
  it.each([
    [0, 0x0000],
    [-0, 0x8000],
    [1, 0x3c00],
    [-2, 0xc000],
    [65504, 0x7bff], // the largest half
    [65520, 0x7c00], // rounds up to infinity
    [65519, 0x7bff],
    [Infinity, 0x7c00],
    [2 ** -24, 0x0001], // the smallest subnormal
    [2 ** -25, 0x0000], // a tie between 0 and the smallest subnormal: to even (0)
    [3 * 2 ** -25, 0x0002], // a tie between 1 and 2 subnormal steps: to even (2)
    [1 + 2 ** -11, 0x3c00], // a tie at 1: to even (1.0)
    [1 + 3 * 2 ** -11, 0x3c02], // a tie above 1 + 2^-10: to even (1 + 2^-9)
    [0.1, 0x2e66],
    [6.1e-5, 0x03ff], // just below the smallest normal, 1023 subnormal steps
  ])("%s → %s", (x, bits) => {
    expect(f32ToF16Bits(x)).toBe(bits);
  });
  it("keeps NaN a NaN and round-trips every half exactly", () => {
    expect(f32ToF16Bits(NaN) & 0x7c00).toBe(0x7c00);
    expect(f32ToF16Bits(NaN) & 0x3ff).not.toBe(0);
    const wrong: number[] = [];
    for (let h = 0; h < 0x10000; h++) {
      if ((h & 0x7c00) === 0x7c00 && h & 0x3ff) continue;
      if (f32ToF16Bits(f16BitsToF32(h)) !== h) wrong.push(h);
    }
    expect(wrong).toEqual([]);
  });
});

describe("f32 → bf16", () => {
  it.each([
    [1, 0x3f80],
    [-1.5, 0xbfc0],
    [1 + 2 ** -8, 0x3f80], // tie: to even
    [1 + 3 * 2 ** -8, 0x3f82], // tie: to even (up)
    [3.4e38, 0x7f80], // rounds to infinity
  ])("%s → %s", (x, bits) => {
    expect(f32ToBf16Bits(x)).toBe(bits);
    expect(bf16BitsToF32(bits)).toBe(bits === 0x7f80 ? Infinity : Math.fround(bits === 0x3f82 ? 1 + 2 ** -6 : Number(x) > 1 && Number(x) < 1.01 ? 1 : Number(x)));
  });
});

// Blocks with hand-checkable values. Block A: x_j = (j - 16) / 8, max |x| = 2:
//   Q8_0: d = 2/127 → f16 0x2408 (bytes 08 24); q_j = roundf(x_j · 63.5) — ±8/8 → ±63.5 → ±64 (half away
//   from zero, where round-half-even would also give 64, but -63.5 → -64 where Math.round gives -63).
//   Q4_0: the largest magnitude is -2 → d = -2 / -8 = 0.25 → f16 0x3400 (00 34); q = trunc(x/0.25 + 8.5)
//   clamped to 15: x = -2 → 0, x = 0 → 8, x = 1.875 → 16 → 15.
const blockA = Float32Array.from({ length: 32 }, (_, j) => (j - 16) / 8);

describe("Q8_0 and Q4_0 on fixed blocks (llama.cpp's reference quantizer bytes)", () => {
  it("block A, Q8_0", () => {
    const q = quantizeQ8_0(blockA);
    expect(q.length).toBe(34);
    expect(hex(q.subarray(0, 2))).toBe("0824");
    const codes = [...new Int8Array(q.buffer, 2, 32)];
    expect(codes[0]).toBe(-127);
    expect(codes[8]).toBe(-64); // -1 · 63.5 = -63.5 → -64 (half away from zero)
    expect(codes[24]).toBe(64); // 1 · 63.5 = 63.5 → 64
    expect(codes[16]).toBe(0);
    expect(codes[31]).toBe(119); // 1.875 · 63.5 = 119.06
    // q_j = roundf((j - 16) · 7.9375): -127, -119, -111, … (steps of 8 until the tie at -63.5 → -64), …, 119
    expect(hex(q)).toBe("0824" + "81899199a1a9b1b9c0c8d0d8e0e8f0f8" + "00081018202830384047" + "4f575f676f77");
  });
  it("block A, Q4_0", () => {
    const q = quantizeQ4_0(blockA);
    expect(q.length).toBe(18);
    // low nibbles x_0..x_15: trunc(4x + 8.5) = 0,1,1,2,2,…,7,7,8; high nibbles x_16..x_31: 8,9,9,…,15,15,15 (16 clamped)
    expect(hex(q)).toBe("0034" + "809191a2a2b3b3c4c4d5d5e6e6f7f7f8");
  });
  it("a zero block: Q8_0 d = +0 and codes 0; Q4_0 d = 0 / -8 = -0 (f16 0x8000) and codes 8", () => {
    const z = new Float32Array(32);
    expect(hex(quantizeQ8_0(z))).toBe("00".repeat(34));
    expect(hex(quantizeQ4_0(z))).toBe("0080" + "88".repeat(16));
  });
  it("rejects a length that is not a multiple of the block", () => {
    expect(() => quantizeQ8_0(new Float32Array(31))).toThrow(/multiple of 32/);
    expect(() => quantizeQ4_0(new Float32Array(33))).toThrow(/multiple of 32/);
  });
  it("F16 and BF16 encode little-endian", () => {
    expect(hex(encodeF16(Float32Array.of(1, -2)))).toBe("003c00c0");
    expect(hex(encodeBf16(Float32Array.of(1, -1.5)))).toBe("803fc0bf");
  });
});

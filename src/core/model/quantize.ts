// Tensor encodings llama.cpp reads: F32, F16, BF16 and the block quantizations Q8_0 and Q4_0,
// computed exactly as ggml's reference quantizers (quantize_row_q8_0_ref / _q4_0_ref), in float32
// arithmetic, so the bytes match llama.cpp's own for the same input.
import { f32BitsToBf16Bits, f32BitsToF16Bits, f32ToF16Bits } from "./half.js";

export type TensorEncoding = "f32" | "f16" | "bf16" | "q8_0" | "q4_0";

/** ggml_type ids as stored in a GGUF tensor info. */
export const GGML_TYPE: Record<TensorEncoding, number> = { f32: 0, f16: 1, q4_0: 2, q8_0: 8, bf16: 30 };

/** llama_ftype ids for `general.file_type` (the dominant encoding of the file). */
export const FILE_TYPE: Record<TensorEncoding, number> = { f32: 0, f16: 1, q4_0: 2, q8_0: 7, bf16: 32 };

/** Values per block and bytes per block of each encoding. */
export const BLOCK: Record<TensorEncoding, { values: number; bytes: number }> = {
  f32: { values: 1, bytes: 4 },
  f16: { values: 1, bytes: 2 },
  bf16: { values: 1, bytes: 2 },
  q8_0: { values: 32, bytes: 34 },
  q4_0: { values: 32, bytes: 18 },
};

export function encodedSize(encoding: TensorEncoding, count: number): number {
  const b = BLOCK[encoding];
  return (count / b.values) * b.bytes;
}

const fround = Math.fround;

/** C's roundf: half away from zero (Math.round rounds half toward +∞). */
function roundf(v: number): number {
  return v < 0 ? -Math.round(-v) : Math.round(v);
}

export function encodeF32(x: Float32Array): Uint8Array {
  // GGUF is little-endian, as is every platform node-llama-cpp ships binaries for.
  return new Uint8Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
}

function bitsOf(x: Float32Array): Uint32Array {
  return x.byteOffset % 4 === 0 ? new Uint32Array(x.buffer, x.byteOffset, x.length) : new Uint32Array(x.slice().buffer);
}

// Typed-array stores are little-endian on every platform node-llama-cpp ships for, as GGUF is.
export function encodeF16(x: Float32Array): Uint8Array {
  const bits = bitsOf(x);
  const out = new Uint16Array(x.length);
  for (let i = 0; i < bits.length; i++) out[i] = f32BitsToF16Bits(bits[i]!);
  return new Uint8Array(out.buffer);
}

export function encodeBf16(x: Float32Array): Uint8Array {
  const bits = bitsOf(x);
  const out = new Uint16Array(x.length);
  for (let i = 0; i < bits.length; i++) out[i] = f32BitsToBf16Bits(bits[i]!);
  return new Uint8Array(out.buffer);
}

/** Q8_0: per 32 values one f16 scale d = max|x| / 127, then round(x / d) as int8. */
export function quantizeQ8_0(x: Float32Array): Uint8Array {
  if (x.length % 32) throw new RangeError(`Q8_0 needs a multiple of 32 values, got ${x.length}`);
  const out = new Uint8Array((x.length / 32) * 34);
  const view = new DataView(out.buffer);
  for (let b = 0, o = 0; b < x.length; b += 32, o += 34) {
    let amax = 0;
    for (let j = 0; j < 32; j++) amax = Math.max(amax, Math.abs(x[b + j]!));
    const d = fround(amax / 127);
    const id = d ? fround(1 / d) : 0;
    view.setUint16(o, f32ToF16Bits(d), true);
    for (let j = 0; j < 32; j++) view.setInt8(o + 2 + j, roundf(fround(x[b + j]! * id)));
  }
  return out;
}

/** Q4_0: per 32 values one f16 scale d = max / -8 (max: the value of largest magnitude, signed),
 * then 4-bit codes min(15, trunc(x / d + 8.5)), low nibbles the first 16 values. */
export function quantizeQ4_0(x: Float32Array): Uint8Array {
  if (x.length % 32) throw new RangeError(`Q4_0 needs a multiple of 32 values, got ${x.length}`);
  const out = new Uint8Array((x.length / 32) * 18);
  const view = new DataView(out.buffer);
  for (let b = 0, o = 0; b < x.length; b += 32, o += 18) {
    let amax = 0;
    let max = 0;
    for (let j = 0; j < 32; j++) {
      const v = x[b + j]!;
      if (amax < Math.abs(v)) {
        amax = Math.abs(v);
        max = v;
      }
    }
    const d = fround(max / -8);
    const id = d ? fround(1 / d) : 0;
    view.setUint16(o, f32ToF16Bits(d), true);
    for (let j = 0; j < 16; j++) {
      const x0 = fround(x[b + j]! * id);
      const x1 = fround(x[b + 16 + j]! * id);
      const q0 = Math.min(15, Math.trunc(fround(x0 + 8.5)));
      const q1 = Math.min(15, Math.trunc(fround(x1 + 8.5)));
      out[o + 2 + j] = q0 | (q1 << 4);
    }
  }
  return out;
}

export function encodeTensor(encoding: TensorEncoding, x: Float32Array): Uint8Array {
  switch (encoding) {
    case "f32":
      return encodeF32(x);
    case "f16":
      return encodeF16(x);
    case "bf16":
      return encodeBf16(x);
    case "q8_0":
      return quantizeQ8_0(x);
    case "q4_0":
      return quantizeQ4_0(x);
  }
}

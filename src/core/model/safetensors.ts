// The safetensors header (u64 little-endian length, then JSON {name: {dtype, shape, data_offsets}}),
// checked against the file's size so a truncated or corrupt file is an error naming the file and tensor.
import { DataInvalidError } from "../../errors.js";
import { bf16BitsToF32, f16BitsToF32 } from "./half.js";

export type SafetensorsDtype = "F32" | "F16" | "BF16";

export interface SafetensorsEntry {
  name: string;
  dtype: string;
  shape: number[];
  /** Absolute byte offsets in the file. */
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  headerBytes: number;
  tensors: Map<string, SafetensorsEntry>;
  metadata: Record<string, string>;
}

const DTYPE_BYTES: Record<string, number> = { F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1 };
/** Headers past this size are corrupt, not models (the format's own readers cap at 100 MB). */
export const MAX_HEADER_BYTES = 100 * 1024 * 1024;

/** Length of the JSON header from the first 8 bytes, checked against the file size. */
export function headerLength(first8: Uint8Array, fileSize: number, file: string): number {
  if (fileSize < 8 || first8.length < 8) throw new DataInvalidError(`${file}: ${fileSize} bytes is too short for a safetensors file (truncated?)`, { hint: "re-download or re-export the model" });
  const n = new DataView(first8.buffer, first8.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_BYTES)) throw new DataInvalidError(`${file}: the header declares ${n} bytes, more than the ${MAX_HEADER_BYTES}-byte limit; the file is corrupt or not safetensors`);
  if (Number(n) + 8 > fileSize) throw new DataInvalidError(`${file}: the header declares ${n} bytes but the file has ${fileSize - 8} after the length field (truncated)`, { hint: "re-download or re-export the model" });
  return Number(n);
}

export function parseSafetensorsHeader(json: Uint8Array, fileSize: number, file: string): SafetensorsHeader {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch (err) {
    throw new DataInvalidError(`${file}: the safetensors header is not valid JSON (${err instanceof Error ? err.message : String(err)}); the file is corrupt`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new DataInvalidError(`${file}: the safetensors header is not a JSON object`);
  const dataStart = 8 + json.length;
  const tensors = new Map<string, SafetensorsEntry>();
  let metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(doc as Record<string, unknown>)) {
    if (name === "__metadata__") {
      metadata = (raw ?? {}) as Record<string, string>;
      continue;
    }
    const e = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const where = `${file}: tensor ${name}`;
    if (typeof e !== "object" || e === null) throw new DataInvalidError(`${where}: entry is not an object`);
    if (typeof e.dtype !== "string" || !(e.dtype in DTYPE_BYTES)) throw new DataInvalidError(`${where}: unknown dtype ${JSON.stringify(e.dtype)}`);
    if (!Array.isArray(e.shape) || !e.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new DataInvalidError(`${where}: shape must be a list of non-negative integers`);
    const offs = e.data_offsets;
    if (!Array.isArray(offs) || offs.length !== 2 || !offs.every((d) => Number.isInteger(d) && d >= 0) || offs[0] > offs[1]) {
      throw new DataInvalidError(`${where}: data_offsets must be [begin, end] with begin ≤ end`);
    }
    const count = (e.shape as number[]).reduce((a, b) => a * b, 1);
    const want = count * DTYPE_BYTES[e.dtype]!;
    if (offs[1] - offs[0] !== want) throw new DataInvalidError(`${where}: data_offsets span ${offs[1] - offs[0]} bytes but shape ${JSON.stringify(e.shape)} of ${e.dtype} needs ${want}; the file is corrupt`);
    if (dataStart + offs[1] > fileSize) {
      throw new DataInvalidError(`${where}: data ends at byte ${dataStart + offs[1]} but the file has ${fileSize} bytes (truncated)`, { hint: "re-download or re-export the model" });
    }
    tensors.set(name, { name, dtype: e.dtype, shape: e.shape as number[], begin: dataStart + offs[0], end: dataStart + offs[1] });
  }
  return { headerBytes: json.length, tensors, metadata };
}

/** Decode F32/F16/BF16 little-endian bytes to float32 values. */
export function decodeToF32(bytes: Uint8Array, dtype: string, where: string): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (dtype) {
    case "F32": {
      if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      const out = new Float32Array(bytes.byteLength / 4);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    }
    case "F16": {
      const out = new Float32Array(bytes.byteLength / 2);
      for (let i = 0; i < out.length; i++) out[i] = f16BitsToF32(view.getUint16(i * 2, true));
      return out;
    }
    case "BF16": {
      const out = new Float32Array(bytes.byteLength / 2);
      for (let i = 0; i < out.length; i++) out[i] = bf16BitsToF32(view.getUint16(i * 2, true));
      return out;
    }
    default:
      throw new DataInvalidError(`${where}: dtype ${dtype} is not a floating-point weight (F32, F16 or BF16 expected)`);
  }
}

// The GGUF v3 container: metadata key/values and tensor infos before the data, every tensor aligned.
// Pure: this builds the header bytes and the data layout; an adapter streams the tensor bytes.
import { BLOCK, GGML_TYPE, type TensorEncoding } from "./quantize.js";

export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
export const GGUF_VERSION = 3;
export const GGUF_ALIGNMENT = 32;

/** A metadata value with the exact GGUF type llama.cpp checks (counts are u32, epsilons f32). */
export type GgufValue =
  | { type: "u8"; value: number }
  | { type: "i32"; value: number }
  | { type: "u32"; value: number }
  | { type: "u64"; value: bigint }
  | { type: "f32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "array"; of: "string"; value: readonly string[] }
  | { type: "array"; of: "f32"; value: ArrayLike<number> }
  | { type: "array"; of: "i32"; value: ArrayLike<number> };

export type GgufMetadata = ReadonlyArray<readonly [string, GgufValue]>;

export interface GgufTensorInfo {
  name: string;
  /** PyTorch order (rows, cols); written reversed, as ggml's ne[0] is the row length. */
  shape: readonly number[];
  encoding: TensorEncoding;
}

export interface GgufLayout {
  header: Uint8Array;
  /** Byte offset of each tensor's data from the start of the file, and its encoded size. */
  tensors: { offset: number; size: number; padded: number }[];
  totalBytes: number;
}

const VT = { u8: 0, i32: 5, u32: 4, f32: 6, bool: 7, string: 8, array: 9, u64: 10 } as const;

export function alignUp(n: number, a = GGUF_ALIGNMENT): number {
  return Math.ceil(n / a) * a;
}

export function tensorBytes(t: GgufTensorInfo): number {
  const count = t.shape.reduce((a, b) => a * b, 1);
  const b = BLOCK[t.encoding];
  const rowLength = t.shape[t.shape.length - 1]!;
  if (rowLength % b.values) throw new RangeError(`tensor ${t.name}: rows of ${rowLength} values are not a multiple of the ${t.encoding} block size ${b.values}`);
  return (count / b.values) * b.bytes;
}

class ByteSink {
  private chunks: Uint8Array[] = [];
  length = 0;
  private enc = new TextEncoder();
  private push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  private num(bytes: number, set: (v: DataView) => void): void {
    const b = new Uint8Array(bytes);
    set(new DataView(b.buffer));
    this.push(b);
  }
  u8(v: number) { this.num(1, (d) => d.setUint8(0, v)); }
  u32(v: number) { this.num(4, (d) => d.setUint32(0, v, true)); }
  i32(v: number) { this.num(4, (d) => d.setInt32(0, v, true)); }
  u64(v: number | bigint) { this.num(8, (d) => d.setBigUint64(0, BigInt(v), true)); }
  f32(v: number) { this.num(4, (d) => d.setFloat32(0, v, true)); }
  str(s: string) {
    const b = this.enc.encode(s);
    this.u64(b.length);
    this.push(b);
  }
  zeros(n: number) { if (n > 0) this.push(new Uint8Array(n)); }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

function writeValue(s: ByteSink, v: GgufValue): void {
  s.u32(VT[v.type]);
  switch (v.type) {
    case "u8": return s.u8(v.value);
    case "i32": return s.i32(v.value);
    case "u32": return s.u32(v.value);
    case "u64": return s.u64(v.value);
    case "f32": return s.f32(v.value);
    case "bool": return s.u8(v.value ? 1 : 0);
    case "string": return s.str(v.value);
    case "array": {
      s.u32(VT[v.of]);
      s.u64(v.value.length);
      for (let i = 0; i < v.value.length; i++) {
        const e = v.value[i]!;
        if (v.of === "string") s.str(e as string);
        else if (v.of === "f32") s.f32(e as number);
        else s.i32(e as number);
      }
    }
  }
}

/** Header bytes (magic … tensor infos, padded) and where each tensor's data goes. */
export function layoutGguf(metadata: GgufMetadata, tensors: readonly GgufTensorInfo[]): GgufLayout {
  const names = new Set<string>();
  for (const t of tensors) {
    if (names.has(t.name)) throw new RangeError(`tensor ${t.name} appears twice`);
    names.add(t.name);
    if (new TextEncoder().encode(t.name).length >= 64) throw new RangeError(`tensor name ${t.name} is 64 bytes or longer (llama.cpp's limit)`);
  }
  const s = new ByteSink();
  s.u32(GGUF_MAGIC);
  s.u32(GGUF_VERSION);
  s.u64(tensors.length);
  s.u64(metadata.length);
  for (const [key, value] of metadata) {
    s.str(key);
    writeValue(s, value);
  }
  let offset = 0;
  const sizes = tensors.map((t) => {
    const size = tensorBytes(t);
    const at = offset;
    offset += alignUp(size);
    return { at, size, padded: alignUp(size) };
  });
  tensors.forEach((t, i) => {
    s.str(t.name);
    s.u32(t.shape.length);
    for (const d of [...t.shape].reverse()) s.u64(d);
    s.u32(GGML_TYPE[t.encoding]);
    s.u64(sizes[i]!.at);
  });
  s.zeros(alignUp(s.length) - s.length);
  const header = s.bytes();
  return {
    header,
    tensors: sizes.map((x) => ({ offset: header.length + x.at, size: x.size, padded: x.padded })),
    totalBytes: header.length + offset,
  };
}

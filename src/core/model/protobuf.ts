// A minimal protocol-buffers wire reader (proto2/proto3 wire format): enough to walk the fields of a
// message such as SentencePiece's ModelProto without a protobuf dependency. Unknown fields are skipped.
import { DataInvalidError } from "../../errors.js";

export const WIRE = { varint: 0, i64: 1, len: 2, i32: 5 } as const;

export interface ProtoField {
  field: number;
  wire: number;
  /** varint / i64 / i32 payload as a bigint (varint) or number (fixed); undefined for len. */
  int?: bigint;
  /** The bytes of a length-delimited field (a sub-message, a string, packed values). */
  bytes?: Uint8Array;
  /** Offset of the field's tag, for error messages. */
  at: number;
}

/** Every field of one message, in order. Throws DataInvalidError naming `where` and the byte offset on malformed input. */
export function readProtoFields(buf: Uint8Array, where: string, base = 0): ProtoField[] {
  const out: ProtoField[] = [];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let p = 0;
  const fail = (what: string, at: number): never => {
    throw new DataInvalidError(`${where}: not a valid protobuf message: ${what} at byte ${base + at}`, { hint: "the file is truncated or is not the format expected; re-save it with the tool that made it" });
  };
  const varint = (): bigint => {
    const start = p;
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (p >= buf.length) fail("a varint runs past the end", start);
      if (shift > 63n) fail("a varint longer than 10 bytes", start);
      const b = buf[p++]!;
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
  };
  while (p < buf.length) {
    const at = p;
    const tag = varint();
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field === 0) fail("field number 0", at);
    if (wire === WIRE.varint) out.push({ field, wire, int: varint(), at: base + at });
    else if (wire === WIRE.i64) {
      if (p + 8 > buf.length) fail("a 64-bit field runs past the end", at);
      out.push({ field, wire, int: view.getBigUint64(p, true), at: base + at });
      p += 8;
    } else if (wire === WIRE.i32) {
      if (p + 4 > buf.length) fail("a 32-bit field runs past the end", at);
      out.push({ field, wire, int: BigInt(view.getUint32(p, true)), at: base + at });
      p += 4;
    } else if (wire === WIRE.len) {
      const n = varint();
      if (n > BigInt(buf.length - p)) fail(`field ${field} declares ${n} bytes but ${buf.length - p} remain`, at);
      const len = Number(n);
      out.push({ field, wire, bytes: buf.subarray(p, p + len), at: base + at });
      p += len;
    } else fail(`wire type ${wire} (groups are not supported)`, at);
  }
  return out;
}

/** The f32 a fixed32 field holds. */
export function protoFloat(f: ProtoField): number {
  const b = new DataView(new ArrayBuffer(4));
  b.setUint32(0, Number(f.int ?? 0n), true);
  return b.getFloat32(0, true);
}

/** A varint field as a signed 32-bit integer (proto int32: negatives are 10-byte two's complement). */
export function protoInt32(f: ProtoField): number {
  return Number(BigInt.asIntN(32, f.int ?? 0n));
}

// Reading tensors from a model directory's safetensors files (one file or an index of shards),
// one tensor at a time, so memory stays bounded by the largest tensor.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { decodeToF32, headerLength, parseSafetensorsHeader, type SafetensorsEntry } from "../../core/model/safetensors.js";
import { DataInvalidError, InputError } from "../../errors.js";

export interface TensorSource {
  entry: SafetensorsEntry;
  file: string;
}

export class SafetensorsDir {
  private fds = new Map<string, number>();
  readonly tensors = new Map<string, TensorSource>();
  readonly files: string[] = [];

  constructor(readonly dir: string, readonly display: string, single = "model.safetensors", index = "model.safetensors.index.json") {
    const indexPath = join(dir, index);
    let shards: string[];
    if (existsSync(join(dir, single))) shards = [single];
    else if (existsSync(indexPath)) {
      let doc: { weight_map?: Record<string, string> };
      try {
        doc = JSON.parse(readFileSync(indexPath, "utf8")) as typeof doc;
      } catch (err) {
        throw new DataInvalidError(`${display}/${index}: not valid JSON (${(err as Error).message})`);
      }
      if (typeof doc.weight_map !== "object" || doc.weight_map === null) throw new DataInvalidError(`${display}/${index}: no "weight_map" object`);
      shards = [...new Set(Object.values(doc.weight_map))].sort();
      for (const s of shards) if (typeof s !== "string" || s.includes("/") || s.includes("\\")) throw new DataInvalidError(`${display}/${index}: shard name ${JSON.stringify(s)} must be a file name in the same directory`);
    } else {
      throw new InputError(`${display}: neither ${single} nor ${index} exists`, { hint: "export takes a model directory in HF layout: config.json and safetensors weights" });
    }
    for (const s of shards) this.open(s);
  }

  private open(name: string): void {
    const path = join(this.dir, name);
    const shown = `${this.display}/${name}`;
    if (!existsSync(path)) throw new InputError(`${shown}: shard listed in the index is missing`);
    const fd = openSync(path, "r");
    this.fds.set(name, fd);
    this.files.push(name);
    const size = fstatSync(fd).size;
    const first = Buffer.alloc(8);
    readSync(fd, first, 0, 8, 0);
    const n = headerLength(first, size, shown);
    const json = Buffer.alloc(n);
    readSync(fd, json, 0, n, 8);
    const header = parseSafetensorsHeader(json, size, shown);
    for (const [k, entry] of header.tensors) {
      if (this.tensors.has(k)) throw new DataInvalidError(`${shown}: tensor ${k} also appears in ${this.tensors.get(k)!.file}`);
      this.tensors.set(k, { entry, file: name });
    }
  }

  /** The tensor's entry, checked to exist and (when given) to have the shape the caller expects. */
  checkShape(name: string, shape?: readonly number[]): TensorSource {
    const src = this.tensors.get(name);
    if (!src) throw new DataInvalidError(`${this.display}: tensor ${name} is missing from the safetensors files`, { hint: "the weights do not match config.json (wrong directory or an incomplete download?)" });
    if (shape && (shape.length !== src.entry.shape.length || shape.some((d, i) => d !== src.entry.shape[i]))) {
      throw new DataInvalidError(`${this.display}/${src.file}: tensor ${name} has shape [${src.entry.shape.join(", ")}] but config.json implies [${shape.join(", ")}]`, {
        hint: "check config.json (hidden_size, heads, intermediate_size, vocab_size, LoRA r) against the weights",
      });
    }
    return src;
  }

  /** A tensor's values as float32, checked against the shape the caller expects. */
  read(name: string, shape?: readonly number[]): Float32Array {
    const src = this.checkShape(name, shape);
    const where = `${this.display}/${src.file}: tensor ${name}`;
    // Not pooled (allocUnsafeSlow): the float32 view over it must start 4-byte aligned and own its memory.
    const bytes = Buffer.allocUnsafeSlow(src.entry.end - src.entry.begin);
    const got = readSync(this.fds.get(src.file)!, bytes, 0, bytes.length, src.entry.begin);
    if (got !== bytes.length) throw new DataInvalidError(`${where}: read ${got} of ${bytes.length} bytes (truncated)`);
    return decodeToF32(bytes, src.entry.dtype, where);
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

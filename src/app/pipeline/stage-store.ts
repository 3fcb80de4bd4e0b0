// The local content-addressed store of stage outputs: objects/<aa>/<sha256> hold file contents,
// stages/<key>.json the entry that lists a stage's files. An entry is written last and atomically,
// so a killed save leaves no entry; a restore verifies every byte it copies, and an entry whose
// objects are missing or damaged is a miss, never a wrong result.
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, constants, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { stageCacheEntryFormat } from "../../core/contracts/added-formats.js";
import type { StageCacheEntry } from "../../core/contracts/pipeline-run.js";
import { DataInvalidError } from "../../errors.js";
import { sha256File } from "../fs/sha256-file.js";
import type { HashedFile } from "./file-hasher.js";

export type Lookup = { hit: true; entry: StageCacheEntry } | { hit: false; reason: string };

export class StageStore {
  constructor(readonly dir: string) {}

  objectPath(sha: string): string {
    return join(this.dir, "objects", sha.slice(0, 2), sha);
  }

  entryPath(key: string): string {
    return join(this.dir, "stages", `${key}.json`);
  }

  lookup(key: string): Lookup {
    const p = this.entryPath(key);
    if (!existsSync(p)) return { hit: false, reason: "not in the cache" };
    let entry: StageCacheEntry;
    try {
      entry = stageCacheEntryFormat.parse(readFileSync(p, "utf8"), p);
      if (entry.key !== key) return { hit: false, reason: "the cache entry is damaged" };
    } catch {
      return { hit: false, reason: "the cache entry is damaged" };
    }
    for (const f of entry.files) {
      let size: number;
      try {
        size = statSync(this.objectPath(f.sha256)).size;
      } catch {
        return { hit: false, reason: `the cache entry is incomplete (${f.path} is missing)` };
      }
      if (size !== f.size) return { hit: false, reason: `the cache entry is damaged (${f.path} has the wrong size)` };
    }
    return { hit: true, entry };
  }

  /** Store files (already hashed) and then the entry that names them. */
  save(entry: StageCacheEntry, root: string, files: readonly HashedFile[]): void {
    for (const f of files) {
      const obj = this.objectPath(f.sha256);
      if (existsSync(obj) && statSync(obj).size === f.size) continue;
      mkdirSync(dirname(obj), { recursive: true });
      const tmp = `${obj}.${process.pid}.tmp`;
      copyFileSync(join(root, f.path), tmp, constants.COPYFILE_FICLONE);
      renameSync(tmp, obj);
    }
    const p = this.entryPath(entry.key);
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, stageCacheEntryFormat.serialize(entry));
    renameSync(tmp, p);
  }

  /**
   * Replace the entry's outputs in the workspace with the stored files, verifying each file's
   * hash as it is copied. On a mismatch the damaged object and the entry are removed and an
   * error says so; the caller treats it as a miss.
   */
  async restore(entry: StageCacheEntry, root: string): Promise<void> {
    for (const o of entry.outs) rmSync(join(root, o), { recursive: true, force: true });
    for (const d of entry.dirs) mkdirSync(join(root, d), { recursive: true });
    for (const f of entry.files) {
      const dest = join(root, f.path);
      mkdirSync(dirname(dest), { recursive: true });
      const tmp = `${dest}.llmops-restore`;
      const h = createHash("sha256");
      const src = createReadStream(this.objectPath(f.sha256));
      src.on("data", (c) => h.update(c));
      await pipeline(src, createWriteStream(tmp));
      const got = h.digest("hex");
      if (got !== f.sha256) {
        rmSync(tmp, { force: true });
        rmSync(this.objectPath(f.sha256), { force: true });
        rmSync(this.entryPath(entry.key), { force: true });
        for (const o of entry.outs) rmSync(join(root, o), { recursive: true, force: true });
        throw new CorruptEntryError(`${f.path}: stored content hashes to ${got.slice(0, 12)}…, expected ${f.sha256.slice(0, 12)}…`);
      }
      if (f.executable) chmodSync(tmp, 0o755);
      renameSync(tmp, dest);
    }
  }
}

/**
 * One entry and its objects as a self-contained directory (entry.json + objects/<sha256>), the unit
 * a remote cache (a workflow's @actions/cache) stores under the key.
 */
export function exportBundle(store: StageStore, key: string, dir: string): boolean {
  const l = store.lookup(key);
  if (!l.hit) return false;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "objects"), { recursive: true });
  for (const f of l.entry.files) {
    const dest = join(dir, "objects", f.sha256);
    if (!existsSync(dest)) copyFileSync(store.objectPath(f.sha256), dest, constants.COPYFILE_FICLONE);
  }
  writeFileSync(join(dir, "entry.json"), stageCacheEntryFormat.serialize(l.entry));
  return true;
}

/** Bring a bundle into the store, checking the entry's schema and key and every object's hash. */
export async function importBundle(store: StageStore, key: string, dir: string): Promise<void> {
  let entry: StageCacheEntry;
  try {
    entry = stageCacheEntryFormat.parse(readFileSync(join(dir, "entry.json"), "utf8"), join(dir, "entry.json"));
  } catch (err) {
    throw new CorruptEntryError(`the bundle for ${key.slice(0, 12)} is not a stage cache entry (${err instanceof Error ? err.message : String(err)})`);
  }
  if (entry.key !== key) throw new CorruptEntryError(`the bundle for ${key.slice(0, 12)} is not a stage cache entry for that key`);
  for (const f of entry.files) {
    const src = join(dir, "objects", f.sha256);
    const got = await sha256File(src);
    if (got !== f.sha256) throw new CorruptEntryError(`the bundle for ${key.slice(0, 12)} holds damaged content for ${f.path}`);
    const obj = store.objectPath(f.sha256);
    if (existsSync(obj)) continue;
    mkdirSync(dirname(obj), { recursive: true });
    copyFileSync(src, `${obj}.${process.pid}.tmp`);
    renameSync(`${obj}.${process.pid}.tmp`, obj);
  }
  const p = store.entryPath(key);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(`${p}.${process.pid}.tmp`, stageCacheEntryFormat.serialize(entry));
  renameSync(`${p}.${process.pid}.tmp`, p);
}

/** A stored entry that fails its own hashes: the stage runs again (it never reaches a shell as is). */
export class CorruptEntryError extends DataInvalidError {
  override readonly name = "CorruptEntryError";
}

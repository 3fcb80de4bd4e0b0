// Content hashes of workspace files, remembered by path, size, mtime and inode so that hashing an
// unchanged tree costs one stat per file. A file modified within the last two seconds is not
// remembered (its mtime could still change without its size: git's "racily clean" problem).
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname, join } from "node:path";
import { hashMemoFormat } from "../../core/contracts/added-formats.js";
import type { HashMemo } from "../../core/contracts/pipeline-run.js";
import { globBase, globToRegExp, isGlob, within } from "../../core/pipeline/glob.js";
import { sha256File } from "../fs/sha256-file.js";

const RACY_MS = 2000;

export interface HashedFile {
  path: string;
  sha256: string;
  size: number;
  executable: boolean;
}

export class FileHasher {
  private memo: HashMemo["entries"];
  private dirty = false;
  /** Bytes actually read and hashed (the rest came from the memo). */
  bytesHashed = 0;

  constructor(
    readonly root: string,
    private readonly memoPath: string,
  ) {
    this.memo = readMemo(memoPath);
  }

  async hashFile(rel: string, st?: Stats): Promise<HashedFile> {
    const abs = join(this.root, rel);
    const s = st ?? statSync(abs);
    const executable = (s.mode & 0o111) !== 0;
    const m = this.memo[rel];
    if (m && m[0] === s.size && m[1] === s.mtimeMs && m[2] === s.ino) return { path: rel, sha256: m[3], size: s.size, executable };
    const sha256 = await sha256File(abs);
    this.bytesHashed += s.size;
    if (Date.now() - s.mtimeMs > RACY_MS) {
      this.memo[rel] = [s.size, s.mtimeMs, s.ino, sha256];
      this.dirty = true;
    }
    return { path: rel, sha256, size: s.size, executable };
  }

  /** Record a hash we know (a file just restored and verified). */
  remember(rel: string, sha256: string): void {
    const s = statSync(join(this.root, rel));
    if (Date.now() - s.mtimeMs > RACY_MS) {
      this.memo[rel] = [s.size, s.mtimeMs, s.ino, sha256];
      this.dirty = true;
    }
  }

  /**
   * The files a dependency or output names, sorted: a file, every file under a directory, or the
   * files a glob matches. Files under `exclude` (other stages' outputs) are left out. Null when
   * nothing exists at a plain path.
   */
  expand(spec: string, exclude: readonly string[] = []): { path: string; stat: Stats }[] | null {
    const keep = (p: string) => !exclude.some((e) => within(p, e));
    if (isGlob(spec)) {
      const re = globToRegExp(spec);
      const base = globBase(spec);
      return walk(this.root, base).filter((f) => re.test(f.path) && keep(f.path));
    }
    let st: Stats;
    try {
      st = statSync(join(this.root, spec));
    } catch {
      return null;
    }
    if (st.isDirectory()) return walk(this.root, spec).filter((f) => keep(f.path));
    return keep(spec) ? [{ path: spec, stat: st }] : [];
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.memoPath), { recursive: true });
    const tmp = `${this.memoPath}.${process.pid}.tmp`;
    writeFileSync(tmp, hashMemoFormat.serialize({ schema: "llmops.hash-memo/v1", entries: this.memo }));
    renameSync(tmp, this.memoPath);
    this.dirty = false;
  }
}

function readMemo(path: string): HashMemo["entries"] {
  try {
    return hashMemoFormat.parse(readFileSync(path, "utf8"), path).entries;
  } catch {
    // none yet, damaged or another llmops's: files are hashed again
    return {};
  }
}

/** Every regular file under a workspace-relative directory, sorted by path; '.git' and '.llmops' are skipped. */
export function walk(root: string, rel: string): { path: string; stat: Stats }[] {
  const out: { path: string; stat: Stats }[] = [];
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name === ".git" || name === ".llmops") continue;
      const p = dir && dir !== "." ? `${dir}/${name}` : name;
      const st = statSync(join(root, p));
      if (st.isDirectory()) visit(p);
      else if (st.isFile()) out.push({ path: p, stat: st });
    }
  };
  visit(rel);
  return out;
}

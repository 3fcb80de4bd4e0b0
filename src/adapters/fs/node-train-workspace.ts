// TrainWorkspace over node:fs: the run's output directory, streaming content hashes, free disk.
import { createReadStream } from "node:fs";
import { appendFile, mkdir, readFile, readdir, rm, stat, statfs, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { createContentHasher, sortForHash } from "../../core/train/content-hash.js";
import type { HashedDirectory, TrainWorkspace } from "../../core/ports/index.js";

export class NodeTrainWorkspace implements TrainWorkspace {
  async exists(path: string): Promise<boolean> {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  }
  readText(path: string): Promise<string> {
    return readFile(path, "utf8");
  }
  async writeText(path: string, text: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  async appendText(path: string, text: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, text);
  }
  async remove(path: string): Promise<void> {
    await rm(path, { recursive: true, force: true });
  }
  async list(path: string): Promise<string[]> {
    try {
      return (await readdir(path)).sort();
    } catch {
      return [];
    }
  }
  async hashDirectory(path: string, exclude: (relative: string) => boolean = () => false): Promise<HashedDirectory> {
    const all: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        const rel = relative(path, full).split(sep).join("/");
        if (exclude(rel)) continue;
        if (e.isDirectory()) await walk(full);
        else if (e.isFile()) all.push(rel);
      }
    };
    await walk(path);
    const hasher = createContentHasher();
    const files: { name: string; bytes: number }[] = [];
    for (const rel of sortForHash(all)) {
      const full = join(path, ...rel.split("/"));
      const { size } = await stat(full);
      hasher.addFile(rel, size);
      for await (const chunk of createReadStream(full)) hasher.addBytes(chunk as Buffer);
      files.push({ name: rel, bytes: size });
    }
    return { hash: hasher.digest(), files };
  }
  async freeBytes(path: string): Promise<number | undefined> {
    // The output directory may not exist yet: ask about its nearest existing ancestor.
    let p = path;
    for (;;) {
      try {
        const s = await statfs(p);
        return Number(s.bavail) * Number(s.bsize);
      } catch {
        const parent = dirname(p);
        if (parent === p) return undefined;
        p = parent;
      }
    }
  }
}

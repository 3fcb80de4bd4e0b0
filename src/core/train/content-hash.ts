// The model's content hash: sha256 over the files sorted by relative path (byte order, '/'
// separators), each contributing `<path>\0<size>\0<bytes>`. Same files, same hash, on any machine.
import { createHash, type Hash } from "node:crypto";

export interface ContentHasher {
  addFile(relativePath: string, size: number): void;
  addBytes(chunk: Uint8Array): void;
  digest(): string;
}

export function createContentHasher(): ContentHasher {
  const h: Hash = createHash("sha256");
  return {
    addFile(relativePath, size) {
      h.update(`${relativePath}\0${size}\0`, "utf8");
    },
    addBytes(chunk) {
      h.update(chunk);
    },
    digest: () => `sha256:${h.digest("hex")}`,
  };
}

/** Files in hash order. */
export function sortForHash(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** In-memory form, for tests and small outputs. */
export function computeContentHash(files: readonly { name: string; data: Uint8Array }[]): string {
  const byName = new Map(files.map((f) => [f.name, f.data]));
  const hasher = createContentHasher();
  for (const name of sortForHash([...byName.keys()])) {
    const data = byName.get(name)!;
    hasher.addFile(name, data.length);
    hasher.addBytes(data);
  }
  return hasher.digest();
}

/** Trainer checkpoints inside a model directory are not part of the model. */
export function isCheckpointPath(relative: string): boolean {
  return /(^|\/)(checkpoint-\d+|checkpoints|axolotl-prepared|runs)(\/|$)/.test(relative);
}

export function sha256Text(text: string): string {
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}

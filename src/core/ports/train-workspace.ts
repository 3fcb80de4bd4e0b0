// The TrainWorkspace port: files under a training run's output directory.
// Adapter: src/adapters/fs/node-train-workspace.ts.

export interface HashedDirectory {
  hash: string;
  files: { name: string; bytes: number }[];
}

export interface TrainWorkspace {
  exists(path: string): Promise<boolean>;
  readText(path: string): Promise<string>;
  /** Creates parent directories. */
  writeText(path: string, text: string): Promise<void>;
  appendText(path: string, text: string): Promise<void>;
  remove(path: string): Promise<void>;
  list(path: string): Promise<string[]>;
  /** sha256 content hash (see content-hash.ts) of the files under `path`, skipping excluded relative paths. */
  hashDirectory(path: string, exclude?: (relative: string) => boolean): Promise<HashedDirectory>;
  freeBytes(path: string): Promise<number | undefined>;
}

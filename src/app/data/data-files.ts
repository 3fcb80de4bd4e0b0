// File access for the data domain: fast chunked reads (fs.read into one reused buffer), gzip,
// Parquet row groups through hyparquet, and a file's content at another git revision.
import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { lstat, open } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { createGunzip } from "node:zlib";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { DataInvalidError, ExternalError, InputError } from "../../errors.js";
import type { FileSummary } from "../../core/data/types.js";
import type { DatasetValidator, ParquetRowGroup } from "../../core/data/validate.js";

export type DataFileKind = FileSummary["kind"];

export function dataFileKind(path: string): DataFileKind {
  if (path.endsWith(".parquet")) return "parquet";
  if (path.endsWith(".gz")) return "jsonl.gz";
  return "jsonl";
}

/** Size of a data file; a missing path or a directory is a usage error (exit 2). */
export async function statDataFile(path: string, shown: string): Promise<number> {
  let s;
  try {
    s = await lstat(path);
  } catch {
    throw new InputError(`${shown}: no such file`, { hint: "check the path (relative paths start from the current directory)" });
  }
  // A link in a checked dataset could point anywhere (a runner secret, /proc): its target would be
  // read, hashed and quoted in annotations. Data files are regular files.
  if (s.isSymbolicLink()) throw new DataInvalidError(`${shown} is a symbolic link; a checked dataset may not contain links`, { hint: "commit the file itself, not a link to it" });
  if (s.isDirectory()) throw new InputError(`${shown} is a directory, not a data file`, { hint: `name the files, e.g. ${shown}/*.jsonl` });
  if (!s.isFile()) throw new InputError(`${shown} is not a regular file`);
  return s.size;
}

/** The bytes of a file in chunks; each chunk is a view into one reused buffer. */
export async function* readChunks(path: string, chunkBytes = 1 << 20): AsyncGenerator<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(chunkBytes);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

export async function* readGzipChunks(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));
  for await (const chunk of stream) yield chunk as Buffer;
}

export function fileChunks(path: string): AsyncGenerator<Uint8Array> {
  return dataFileKind(path) === "jsonl.gz" ? readGzipChunks(path) : readChunks(path);
}

/** Rows of a Parquet file, one row group at a time (memory bounded by the largest group). */
export async function* parquetRowGroups(path: string): AsyncGenerator<ParquetRowGroup> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  let firstRow = 0;
  for (let g = 0; g < metadata.row_groups.length; g++) {
    const n = Number(metadata.row_groups[g]!.num_rows);
    const rows = (await parquetReadObjects({ file, metadata, rowStart: firstRow, rowEnd: firstRow + n })) as Record<string, unknown>[];
    yield { rowGroup: g, firstRow, rows };
    firstRow += n;
  }
}

/** Validate (and visit) each file with the validator; paths are shown as given. */
export async function validateFiles(v: DatasetValidator, files: { path: string; shown: string }[]): Promise<void> {
  // Check every path first, so a typo in the last one fails before minutes of reading.
  const sizes = await Promise.all(files.map((f) => statDataFile(f.path, f.shown)));
  for (const [i, f] of files.entries()) {
    const bytes = sizes[i]!;
    const kind = dataFileKind(f.path);
    if (kind === "parquet") await v.validateParquet(f.shown, bytes, parquetRowGroups(f.path));
    else await v.validateJsonl(f.shown, kind, bytes, fileChunks(f.path));
    if (v.budgetSpent) return;
  }
}

/** A file's content at a git revision (`git show REV:./path`), or undefined if it did not exist there. */
export function gitShowFile(path: string, rev: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile("git", ["show", "--end-of-options", `${rev}:./${basename(path)}`], { cwd: dirname(path), maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const msg = String(stderr);
      if (/does not exist|exists on disk, but not in/.test(msg)) return resolve(undefined);
      if (/invalid object name|unknown revision|bad revision/i.test(msg)) {
        return reject(new InputError(`git revision ${JSON.stringify(rev)} not found`, { hint: "fetch it first (actions/checkout with fetch-depth: 0) or name an existing branch, tag or commit" }));
      }
      reject(new ExternalError(`git show ${rev}:${path} failed: ${msg.trim() || (err as Error).message}`));
    });
  });
}

// The sha256 of a file's bytes, read in 1 MiB chunks so a model of any size hashes in bounded memory.
// The one file hasher of the flows: callers add a "sha256:" prefix where their format wants one.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** Lowercase hex sha256 of the file at `path`. */
export async function sha256File(path: string): Promise<string> {
  return (await sha256AndLines(path, false)).hash;
}

/** The sha256 of a file and, when asked, how many lines it has (newlines, plus one for an unterminated last line), in one read. */
export async function sha256AndLines(path: string, countLines: boolean): Promise<{ hash: string; lines: number | undefined }> {
  const h = createHash("sha256");
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    h.update(b);
    if (!countLines || b.length === 0) continue;
    for (let i = b.indexOf(0x0a); i !== -1; i = b.indexOf(0x0a, i + 1)) lines++;
    last = b[b.length - 1]!;
  }
  return { hash: h.digest("hex"), lines: countLines ? lines + (last === 0x0a ? 0 : 1) : undefined };
}

// The sha256 of a file's bytes, read in 1 MiB chunks so a model of any size hashes in bounded memory.
// The one file hasher of the flows: callers add a "sha256:" prefix where their format wants one.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** Lowercase hex sha256 of the file at `path`. */
export async function sha256File(path: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

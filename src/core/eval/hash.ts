// Content hashes for provenance and cache keys: sha256 over canonical JSON (src/core/stable-json.ts).
import * as crypto from "node:crypto";

// crypto.hash (Node 20.12+, 21.7+) hashes in one call, without a Hash object: 0.5 µs against 1.3 µs
// for a short string on this machine, and a run hashes every request twice (its cache key and its
// input hash). Older Nodes get the same digest the long way.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: "hex") => string }).hash;

export function sha256(data: string | Uint8Array): string {
  return oneShot !== undefined ? oneShot("sha256", data, "hex") : crypto.createHash("sha256").update(data).digest("hex");
}

// Content hashes for provenance and cache keys: sha256 over canonical JSON (src/core/stable-json.ts).
import { createHash } from "node:crypto";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

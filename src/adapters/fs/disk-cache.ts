// The response cache on disk: one JSON entry per key under <dir>/<2 hex>/<key>.json, written to a
// temp name and renamed so a reader never sees half a file. Every entry records the request it
// answers and carries an HMAC under the directory's secret (<dir>/cache-key, mode 0600, made by
// the first writer). An entry that does not verify — planted under a computable key by a PR's
// tree or anything else that cannot read the secret — is ignored, never scored. A secret that git
// could have written (readable by group or others, not ours, a link) disables the cache instead.
import { createHmac, randomBytes } from "node:crypto";
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { responseCacheEntryFormat } from "../../core/contracts/added-formats.js";
import type { ResponseCacheEntry } from "../../core/contracts/response-cache-entry.js";
import { sha256 } from "../../core/eval/hash.js";
import type { CompletionRequest } from "../../core/ports/provider.js";
import type { CachedResponse, ResponseCache } from "../../core/ports/response-cache.js";
import type { Logger } from "../../core/ports/index.js";
import { stableStringify } from "../../core/stable-json.js";

export const CACHE_SECRET_FILE = "cache-key";

/** What identifies a request's answer: everything but the transport setting (streaming). */
export function requestDigest(req: CompletionRequest): string {
  const { stream: _s, ...what } = req;
  return sha256(stableStringify(what));
}

export class DiskResponseCache implements ResponseCache {
  private secret: Buffer | null | undefined;
  /** Entries found that did not verify (forged, for another request, or corrupt). */
  rejected = 0;

  constructor(
    readonly dir: string,
    private readonly logger?: Pick<Logger, "warn">,
  ) {}

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string, request: CompletionRequest): Promise<CachedResponse | undefined> {
    const secret = this.loadSecret(false);
    if (!secret) return undefined;
    let text: string;
    try {
      const p = this.pathOf(key);
      if (!lstatSync(p).isFile()) return this.reject(key, "not a regular file");
      text = readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
    let entry: ResponseCacheEntry;
    try {
      entry = responseCacheEntryFormat.parse(text, this.pathOf(key));
    } catch (err) {
      // the format names what is wrong (not JSON, another version, a bad field)
      return this.reject(key, err instanceof Error ? err.message : String(err));
    }
    if (entry.key !== key || entry.request_sha256 !== requestDigest(request)) return this.reject(key, "it answers another request");
    if (entry.mac !== mac(secret, entry)) return this.reject(key, "its MAC does not verify under this cache's key");
    return entry.response;
  }

  async set(key: string, request: CompletionRequest, value: CachedResponse): Promise<void> {
    const secret = this.loadSecret(true);
    if (!secret) return;
    const body = { key, request_sha256: requestDigest(request), response: { ...value } };
    const entry: ResponseCacheEntry = { schema: "llmops.response-cache-entry/v1", ...body, mac: mac(secret, body) };
    const p = this.pathOf(key);
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, responseCacheEntryFormat.serialize(entry));
    renameSync(tmp, p);
  }

  private reject(key: string, why: string): undefined {
    if (this.rejected++ === 0) this.logger?.warn(`response cache: ignored the entry ${key.slice(0, 12)}… in ${this.dir} (${why}); it is re-requested from the model`);
    return undefined;
  }

  /** The directory's secret, created on first write; null (cache off) when it is missing on read or cannot be trusted. */
  private loadSecret(create: boolean): Buffer | null {
    if (this.secret !== undefined && (this.secret !== null || !create)) return this.secret;
    const file = join(this.dir, CACHE_SECRET_FILE);
    const st = (() => {
      try {
        return lstatSync(file);
      } catch {
        return null;
      }
    })();
    if (!st) {
      if (!create) return null; // nothing was ever written here by us: every entry would be foreign
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const key = randomBytes(32);
      try {
        const fd = openSync(file, "wx", 0o600);
        writeSync(fd, key.toString("hex"));
        closeSync(fd);
        return (this.secret = key);
      } catch {
        return this.loadSecret(false); // another process made it first
      }
    }
    const uid = process.getuid?.();
    const problem = !st.isFile()
      ? "is not a regular file"
      : (st.mode & 0o077) !== 0
        ? `has mode ${(st.mode & 0o777).toString(8)}, readable by others (a checked-out file always is)`
        : uid !== undefined && st.uid !== uid
          ? "belongs to another user"
          : null;
    if (problem) {
      this.logger?.warn(`response cache disabled: ${file} ${problem}; delete the cache directory or point cache-dir elsewhere`);
      return (this.secret = null);
    }
    const hex = readFileSync(file, "utf8").trim();
    return (this.secret = /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, "hex") : null);
  }
}

function mac(secret: Buffer, e: Pick<ResponseCacheEntry, "key" | "request_sha256" | "response">): string {
  return createHmac("sha256", secret).update(stableStringify({ key: e.key, request_sha256: e.request_sha256, response: e.response })).digest("hex");
}

// The response cache on disk: one small JSON file per key under <dir>/<2 hex>/<key>.json, written
// to a temp name and renamed so a reader never sees half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CachedResponse, ResponseCache } from "../../core/ports/response-cache.js";

export class DiskResponseCache implements ResponseCache {
  constructor(readonly dir: string) {}
  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
  async get(key: string): Promise<CachedResponse | undefined> {
    try {
      const v = JSON.parse(readFileSync(this.pathOf(key), "utf8")) as CachedResponse & { v?: number };
      return typeof v.text === "string" ? v : undefined;
    } catch {
      return undefined;
    }
  }
  async set(key: string, value: CachedResponse): Promise<void> {
    const p = this.pathOf(key);
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ v: 1, ...value }));
    renameSync(tmp, p);
  }
}

// A loopback fake of the GitHub Actions cache service (the v1 REST protocol @actions/cache speaks
// when ACTIONS_CACHE_URL is set): look up by keys and version, reserve, upload chunks, commit,
// download. Stateful, with GitHub's scoping: a token writes into its own scope and reads its own
// scope and then its base branch's, so a pull request sees main's entries and main never sees a PR's.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

interface Entry {
  id: number;
  key: string;
  version: string;
  scope: string;
  chunks: { start: number; data: Buffer }[];
  committed: boolean;
  size: number;
}

export class FakeActionsCache {
  private server: Server | undefined;
  readonly entries: Entry[] = [];
  readonly log: string[] = [];
  /** token → [write scope, …read scopes in order]. */
  private readonly scopes = new Map<string, string[]>();
  url = "";

  addToken(token: string, scopes: string[]): void {
    this.scopes.set(token, scopes);
  }

  committed(scope?: string): Entry[] {
    return this.entries.filter((e) => e.committed && (scope === undefined || e.scope === scope));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res).catch((e: Error) => this.send(res, 500, { message: e.message })));
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    const a = this.server.address();
    this.url = `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}/`;
  }

  close(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private send(res: ServerResponse, status: number, body?: unknown): void {
    res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private async body(req: IncomingMessage): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    return Buffer.concat(parts);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? "/", this.url);
    this.log.push(`${req.method} ${u.pathname}`);
    if (req.method === "GET" && u.pathname.startsWith("/download/")) {
      const e = this.entries.find((x) => x.id === Number(u.pathname.split("/")[2]) && x.committed);
      if (!e) return this.send(res, 404);
      const buf = assemble(e);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": buf.length });
      res.end(buf);
      return;
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const scopes = this.scopes.get(token);
    if (!scopes) return this.send(res, 401, { message: "bad token" });
    if (req.method === "GET" && u.pathname === "/_apis/artifactcache/cache") {
      const keys = (u.searchParams.get("keys") ?? "").split(",");
      const version = u.searchParams.get("version");
      for (const scope of scopes) {
        for (const k of keys) {
          const e = this.entries.filter((x) => x.committed && x.scope === scope && x.version === version && (x.key === k || x.key.startsWith(k))).at(-1);
          if (e) return this.send(res, 200, { cacheKey: e.key, scope: e.scope, archiveLocation: `${this.url}download/${e.id}` });
        }
      }
      return this.send(res, 204);
    }
    if (req.method === "POST" && u.pathname === "/_apis/artifactcache/caches") {
      const b = JSON.parse((await this.body(req)).toString("utf8")) as { key: string; version: string };
      if (this.entries.some((e) => e.key === b.key && e.version === b.version && e.scope === scopes[0])) return this.send(res, 409, { message: "Cache already exists." });
      const e: Entry = { id: this.entries.length + 1, key: b.key, version: b.version, scope: scopes[0]!, chunks: [], committed: false, size: 0 };
      this.entries.push(e);
      return this.send(res, 201, { cacheId: e.id });
    }
    const m = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(u.pathname);
    const e = m ? this.entries.find((x) => x.id === Number(m[1]) && x.scope === scopes[0]) : undefined;
    if (m && !e) return this.send(res, 404, { message: "no such cache" });
    if (req.method === "PATCH" && e) {
      const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers["content-range"] ?? "");
      if (!range) return this.send(res, 400, { message: "Content-Range required" });
      e.chunks.push({ start: Number(range[1]), data: await this.body(req) });
      return this.send(res, 204);
    }
    if (req.method === "POST" && e) {
      const b = JSON.parse((await this.body(req)).toString("utf8")) as { size: number };
      if (assemble(e).length !== b.size) return this.send(res, 400, { message: "size mismatch" });
      e.committed = true;
      e.size = b.size;
      return this.send(res, 204);
    }
    this.send(res, 404, { message: `unknown ${req.method} ${u.pathname}` });
  }
}

function assemble(e: Entry): Buffer {
  const sorted = [...e.chunks].sort((a, b) => a.start - b.start);
  return Buffer.concat(sorted.map((c) => c.data));
}

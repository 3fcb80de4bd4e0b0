// A stateful loopback fake of the GitHub REST endpoints llmops uses: issue comments (paginated
// with Link headers), the token's identity, pull requests, check runs and commit statuses. It
// records every request and injects faults (5xx, secondary rate limits, 429) on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Permission = "issues" | "checks" | "statuses" | "pulls" | "contents";

export interface FakeRelease {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  target_commitish: string;
  make_latest: string;
  assets: Array<{ id: number; name: string; data: Buffer }>;
}

export interface FakeToken {
  login: string;
  /** false for installation tokens such as an Actions GITHUB_TOKEN: GET /user answers 403. */
  canGetUser: boolean;
  /** What GraphQL `viewer { login }` answers (bots without "[bot]", as GitHub does); undefined: an error. */
  graphqlLogin?: string;
  permissions: Permission[];
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  created_at: string;
  updated_at: string;
}

export interface FakePull {
  number: number;
  state: "open" | "closed";
  headSha: string;
  headRef: string;
  headRepo: string | null;
  baseRepo?: string;
  /** Default: MEMBER for a same-repository head, CONTRIBUTOR for a fork. */
  authorAssociation?: string;
  authorLogin?: string;
  title?: string;
  body?: string;
  base?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the API prefix and query. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests it answers (default 1). */
  times?: number;
  /** Apply the request first, then answer with the fault: a response lost after the write happened. */
  afterApplying?: boolean;
}

export const SECONDARY_RATE_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  /** "" for github.com-style URLs, "/api/v3" for GitHub Enterprise Server-style ones. */
  readonly prefix: string;
  readonly tokens = new Map<string, FakeToken>();
  readonly comments: StoredComment[] = [];
  readonly pulls = new Map<number, FakePull>();
  /** login → role, as GET /collaborators/{login}/permission answers (absent: 404, not a collaborator). */
  readonly collaborators = new Map<string, "admin" | "maintain" | "write" | "triage" | "read">();
  readonly checkRuns: Array<Record<string, unknown> & { id: number }> = [];
  readonly statuses: Array<Record<string, unknown> & { sha: string }> = [];
  readonly requests: RecordedRequest[] = [];
  readonly releases: FakeRelease[] = [];
  defaultBranch = "main";
  private readonly faults: Array<Fault & { left: number }> = [];
  private barrier: { method: string; path: RegExp; count: number; waiting: Array<() => void> } | null = null;
  private nextId = 1000;
  private clock = Date.UTC(2026, 0, 1);
  private server: Server | null = null;
  url = "";

  constructor(opts: { repository?: string; prefix?: string } = {}) {
    const [owner, repo] = (opts.repository ?? "octo-org/llm-app").split("/") as [string, string];
    this.owner = owner;
    this.repo = repo;
    this.prefix = opts.prefix ?? "";
  }

  addToken(token: string, t: FakeToken): this {
    this.tokens.set(token, t);
    return this;
  }

  /**
   * A job's GITHUB_TOKEN as GitHub mints it from the job's `permissions:` block: `pull-requests:
   * write` may comment, `checks: write` create check runs, `statuses: write` set statuses,
   * `contents: write` upload release assets; any token may read this public repository's pulls.
   */
  addWorkflowToken(token: string, permissions: Record<string, string>): this {
    const granted: Permission[] = ["pulls"];
    const write = (scope: string) => permissions[scope] === "write";
    if (write("pull-requests") || write("issues")) granted.push("issues");
    if (write("checks")) granted.push("checks");
    if (write("statuses")) granted.push("statuses");
    if (write("contents")) granted.push("contents");
    return this.addToken(token, { login: "github-actions[bot]", canGetUser: false, permissions: granted });
  }

  addPull(p: FakePull): this {
    this.pulls.set(p.number, p);
    return this;
  }

  /** Seed a comment as if someone had posted it earlier. */
  seedComment(issue: number, login: string, body: string): StoredComment {
    const c = { id: this.nextId++, issue, body, login, created_at: this.tick(), updated_at: "" };
    c.updated_at = c.created_at;
    this.comments.push(c);
    return c;
  }

  commentsOn(issue: number): StoredComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  inject(f: Fault): this {
    this.faults.push({ ...f, left: f.times ?? 1 });
    return this;
  }

  /** Hold the first `count` matching requests until all of them have arrived (forces a race). */
  holdUntil(method: string, path: RegExp, count: number): this {
    this.barrier = { method, path, count, waiting: [] };
    return this;
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((err: unknown) => send(res, 500, { message: `fake: ${String(err)}` }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}${this.prefix}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.barrier?.waiting.splice(0).forEach((go) => go());
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const rawBuf = await readBody(req);
    const raw = url.pathname.includes("/uploads/") ? "" : rawBuf.toString("utf8");
    // GHES serves REST under /api/v3 and GraphQL at /api/graphql.
    const pathname = this.prefix === "/api/v3" && url.pathname === "/api/graphql" ? "/api/v3/graphql" : url.pathname;
    if (!pathname.startsWith(this.prefix)) return send(res, 404, { message: "Not Found (wrong API prefix)" });
    const path = pathname.slice(this.prefix.length) || "/";
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, 400, { message: "Problems parsing JSON" });
      }
    }
    const rec: RecordedRequest = { method, path, query: url.searchParams, authorization: req.headers.authorization, body: path.startsWith("/uploads/") ? rawBuf : body };
    this.requests.push(rec);

    const b = this.barrier;
    if (b && method === b.method && b.path.test(path) && b.count > 0) {
      b.count--;
      if (b.count > 0) await new Promise<void>((go) => { b.waiting.push(go); setTimeout(go, 5000).unref(); });
      else b.waiting.splice(0).forEach((go) => go());
    }

    const fault = this.faults.find((f) => f.left > 0 && (f.method === undefined || f.method === method) && f.path.test(path));
    if (fault) fault.left--;
    if (fault && !fault.afterApplying) return send(res, fault.status, fault.body ?? { message: "fault" }, fault.headers);

    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const who = token === undefined ? undefined : this.tokens.get(token);
    if (!who) return send(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
    if (fault) {
      const sink = { writeHead: () => sink, end: () => sink } as unknown as ServerResponse;
      this.route(method, path, url, rec.body, who, sink, req.headers.accept);
      return send(res, fault.status, fault.body ?? { message: "fault" }, fault.headers);
    }
    return this.route(method, path, url, rec.body, who, res, req.headers.accept);
  }

  private route(method: string, path: string, url: URL, body: unknown, who: FakeToken, res: ServerResponse, accept?: string): void {
    const deny = (p: Permission) => (who.permissions.includes(p) ? false : (send(res, 403, { message: "Resource not accessible by integration" }), true));
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    if (method === "GET" && path === "/user") {
      if (!who.canGetUser) return send(res, 403, { message: "Resource not accessible by integration" });
      return send(res, 200, { login: who.login, id: 1, type: who.login.endsWith("[bot]") ? "Bot" : "User" });
    }
    if (method === "POST" && path === "/graphql") {
      const q = typeof (body as { query?: unknown } | undefined)?.query === "string" ? (body as { query: string }).query : "";
      if (!/viewer\s*\{\s*login\s*\}/.test(q)) return send(res, 200, { errors: [{ message: "fake: only viewer { login } is served" }] });
      if (who.graphqlLogin === undefined) return send(res, 200, { errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }] });
      return send(res, 200, { data: { viewer: { login: who.graphqlLogin } } });
    }
    if (path.startsWith(`/uploads${repoPrefix}/`)) return this.routeUpload(method, path.slice(`/uploads${repoPrefix}`.length), url, body as Buffer, who, res);
    if (method === "GET" && path === repoPrefix) return send(res, 200, { full_name: `${this.owner}/${this.repo}`, default_branch: this.defaultBranch, private: false });
    if (!path.startsWith(`${repoPrefix}/`)) return send(res, 404, { message: "Not Found" });
    const rest = path.slice(repoPrefix.length);
    const b = (body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (!this.pulls.has(issue)) return send(res, 404, { message: "Not Found" });
      if (method === "GET") return this.listComments(issue, url, res);
      if (method === "POST") {
        if (deny("issues")) return;
        if (typeof b.body !== "string" || b.body.length === 0) return send(res, 422, { message: "Validation Failed: body is missing" });
        if (b.body.length > 65_536) return send(res, 422, { message: "Validation Failed", errors: [{ message: "Body is too long (maximum is 65536 characters)" }] });
        const c = this.seedComment(issue, who.login, b.body);
        return send(res, 201, this.commentJson(c));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const id = Number(m[1]);
      const i = this.comments.findIndex((c) => c.id === id);
      if (method === "GET") return i < 0 ? send(res, 404, { message: "Not Found" }) : send(res, 200, this.commentJson(this.comments[i]!));
      if (deny("issues")) return;
      if (i < 0) return send(res, 404, { message: "Not Found" });
      const c = this.comments[i]!;
      // GitHub lets an integration edit only its own comments (without admin rights).
      if (c.login !== who.login) return send(res, 403, { message: "Resource not accessible by integration" });
      if (method === "PATCH") {
        if (typeof b.body !== "string") return send(res, 422, { message: "Validation Failed: body is missing" });
        if (b.body.length > 65_536) return send(res, 422, { message: "Validation Failed", errors: [{ message: "Body is too long (maximum is 65536 characters)" }] });
        c.body = b.body;
        c.updated_at = this.tick();
        return send(res, 200, this.commentJson(c));
      }
      if (method === "DELETE") {
        this.comments.splice(i, 1);
        return send(res, 204, undefined);
      }
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === "GET") {
      const p = this.pulls.get(Number(m[1]));
      if (!p) return send(res, 404, { message: "Not Found" });
      const full = `${this.owner}/${this.repo}`;
      return send(res, 200, {
        number: p.number,
        state: p.state,
        user: { login: p.authorLogin ?? "contributor" },
        author_association: p.authorAssociation ?? (p.headRepo === full ? "MEMBER" : "CONTRIBUTOR"),
        head: { sha: p.headSha, ref: p.headRef, repo: p.headRepo ? { full_name: p.headRepo } : null },
        base: { sha: "b".repeat(40), ref: p.base ?? "main", repo: { full_name: p.baseRepo ?? full } },
      });
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)) && method === "GET") {
      const role = this.collaborators.get(decodeURIComponent(m[1]!));
      if (!role) return send(res, 404, { message: `${decodeURIComponent(m[1]!)} is not a user` });
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return send(res, 200, { permission, role_name: role, user: { login: decodeURIComponent(m[1]!) } });
    }
    if (rest === "/check-runs" && method === "POST") {
      if (deny("checks")) return;
      const err = checkRunErrors(b);
      if (err) return send(res, 422, { message: err });
      const run = { ...b, id: this.nextId++ };
      this.checkRuns.push(run);
      return send(res, 201, { ...run, html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}` });
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest)) && method === "PATCH") {
      if (deny("checks")) return;
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(res, 404, { message: "Not Found" });
      const err = checkRunErrors({ ...run, ...b });
      if (err) return send(res, 422, { message: err });
      Object.assign(run, b);
      return send(res, 200, { ...run, html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}` });
    }
    if ((m = /^\/statuses\/([0-9a-f]{40})$/.exec(rest)) && method === "POST") {
      if (deny("statuses")) return;
      if (!["success", "failure", "error", "pending"].includes(String(b.state))) return send(res, 422, { message: "Validation Failed: state" });
      if (typeof b.description === "string" && b.description.length > 140) return send(res, 422, { message: "Validation Failed: description is too long (maximum is 140 characters)" });
      const s = { ...b, sha: m[1]! };
      this.statuses.push(s);
      return send(res, 201, { ...s, id: this.nextId++ });
    }
    if (this.routeRelease(method, rest, url, b, who, res, accept)) return;
    return send(res, 404, { message: `Not Found (fake has no ${method} ${rest})` });
  }

  /** Check-run lookup, pull requests opened by a promotion, and releases with their assets. */
  private routeRelease(method: string, rest: string, url: URL, b: Record<string, unknown>, who: FakeToken, res: ServerResponse, accept?: string): boolean {
    const deny = (p: Permission) => (who.permissions.includes(p) ? false : (send(res, 403, { message: "Resource not accessible by integration" }), true));
    const full = `${this.owner}/${this.repo}`;
    let m: RegExpExecArray | null;
    if ((m = /^\/commits\/([0-9a-f]{40})\/check-runs$/.exec(rest)) && method === "GET") {
      const name = url.searchParams.get("check_name");
      const runs = this.checkRuns.filter((r) => r.head_sha === m![1] && (name === null || r.name === name));
      send(res, 200, { total_count: runs.length, check_runs: runs.map((r) => ({ ...r, html_url: `https://github.com/${full}/runs/${r.id}`, app: { slug: String(r.app_slug ?? "github-actions") } })) });
      return true;
    }
    if ((m = /^\/commits\/([0-9a-f]{40})\/status$/.exec(rest)) && method === "GET") {
      const statuses = this.statuses.filter((s) => s.sha === m![1]);
      send(res, 200, { sha: m[1], state: statuses.length ? "success" : "pending", statuses });
      return true;
    }
    if (rest === "/pulls" && method === "POST") {
      if (deny("pulls")) return true;
      if (typeof b.head !== "string" || typeof b.base !== "string" || typeof b.title !== "string") return (send(res, 422, { message: "Validation Failed: head, base and title are required" }), true);
      const existing = [...this.pulls.values()].find((p) => p.state === "open" && p.headRef === b.head);
      if (existing) return (send(res, 422, { message: "Validation Failed", errors: [{ message: `A pull request already exists for ${this.owner}:${String(b.head)}.` }] }), true);
      const number = Math.max(0, ...this.pulls.keys()) + 1;
      const p: FakePull = { number, state: "open", headSha: String(b.head_sha ?? "0".repeat(40)), headRef: b.head, headRepo: full, title: b.title, body: String(b.body ?? ""), base: b.base };
      this.pulls.set(number, p);
      send(res, 201, this.pullJson(p));
      return true;
    }
    if (rest === "/pulls" && method === "GET") {
      const head = url.searchParams.get("head");
      const state = url.searchParams.get("state") ?? "open";
      const list = [...this.pulls.values()].filter((p) => (state === "all" || p.state === state) && (head === null || `${this.owner}:${p.headRef}` === head));
      send(res, 200, list.map((p) => this.pullJson(p)));
      return true;
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === "PATCH") {
      if (deny("pulls")) return true;
      const p = this.pulls.get(Number(m[1]));
      if (!p) return (send(res, 404, { message: "Not Found" }), true);
      if (b.state === "closed" || b.state === "open") p.state = b.state;
      send(res, 200, this.pullJson(p));
      return true;
    }
    if (rest === "/releases" && method === "POST") {
      if (deny("contents")) return true;
      if (typeof b.tag_name !== "string") return (send(res, 422, { message: "Validation Failed: tag_name" }), true);
      if (this.releases.some((r) => r.tag_name === b.tag_name)) return (send(res, 422, { message: "Validation Failed", errors: [{ resource: "Release", code: "already_exists", field: "tag_name" }] }), true);
      const r: FakeRelease = { id: this.nextId++, tag_name: b.tag_name, name: String(b.name ?? b.tag_name), body: String(b.body ?? ""), draft: b.draft === true, prerelease: b.prerelease === true, target_commitish: String(b.target_commitish ?? this.defaultBranch), make_latest: String(b.make_latest ?? "true"), assets: [] };
      this.releases.push(r);
      send(res, 201, this.releaseJson(r));
      return true;
    }
    if ((m = /^\/releases\/tags\/(.+)$/.exec(rest)) && method === "GET") {
      const tag = decodeURIComponent(m[1]!);
      const r = this.releases.find((x) => x.tag_name === tag);
      send(res, r ? 200 : 404, r ? this.releaseJson(r) : { message: "Not Found" });
      return true;
    }
    if ((m = /^\/releases\/(\d+)$/.exec(rest)) && method === "PATCH") {
      if (deny("contents")) return true;
      const r = this.releases.find((x) => x.id === Number(m![1]));
      if (!r) return (send(res, 404, { message: "Not Found" }), true);
      if (typeof b.body === "string") r.body = b.body;
      if (typeof b.draft === "boolean") r.draft = b.draft;
      send(res, 200, this.releaseJson(r));
      return true;
    }
    if ((m = /^\/releases\/assets\/(\d+)$/.exec(rest)) && method === "GET") {
      const asset = this.releases.flatMap((r) => r.assets).find((a) => a.id === Number(m![1]));
      if (!asset) return (send(res, 404, { message: "Not Found" }), true);
      if (accept !== "application/octet-stream") return (send(res, 200, { id: asset.id, name: asset.name, size: asset.data.length }), true);
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": asset.data.length });
      res.end(asset.data);
      return true;
    }
    return false;
  }

  private routeUpload(method: string, rest: string, url: URL, data: Buffer, who: FakeToken, res: ServerResponse): void {
    const m = /^\/releases\/(\d+)\/assets$/.exec(rest);
    if (!m || method !== "POST") return send(res, 404, { message: "Not Found" });
    if (!who.permissions.includes("contents")) return send(res, 403, { message: "Resource not accessible by integration" });
    const r = this.releases.find((x) => x.id === Number(m[1]));
    if (!r) return send(res, 404, { message: "Not Found" });
    const name = url.searchParams.get("name");
    if (!name) return send(res, 422, { message: "Validation Failed: name" });
    if (r.assets.some((a) => a.name === name)) return send(res, 422, { message: "Validation Failed", errors: [{ resource: "ReleaseAsset", code: "already_exists", field: "name" }] });
    const asset = { id: this.nextId++, name, data: Buffer.from(data) };
    r.assets.push(asset);
    send(res, 201, { id: asset.id, name, size: asset.data.length, browser_download_url: `https://github.com/${this.owner}/${this.repo}/releases/download/${encodeURIComponent(r.tag_name)}/${encodeURIComponent(name)}` });
  }

  private pullJson(p: FakePull): Record<string, unknown> {
    const full = `${this.owner}/${this.repo}`;
    return {
      number: p.number,
      state: p.state,
      title: p.title ?? "",
      body: p.body ?? "",
      html_url: `https://github.com/${full}/pull/${p.number}`,
      head: { sha: p.headSha, ref: p.headRef, repo: p.headRepo ? { full_name: p.headRepo } : null },
      base: { sha: "b".repeat(40), ref: p.base ?? "main", repo: { full_name: p.baseRepo ?? full } },
    };
  }

  private releaseJson(r: FakeRelease): Record<string, unknown> {
    const full = `${this.owner}/${this.repo}`;
    return {
      id: r.id,
      tag_name: r.tag_name,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      target_commitish: r.target_commitish,
      html_url: `https://github.com/${full}/releases/tag/${encodeURIComponent(r.tag_name)}`,
      upload_url: `${this.url}/uploads/repos/${full}/releases/${r.id}/assets{?name,label}`,
      assets: r.assets.map((a) => ({ id: a.id, name: a.name, size: a.data.length, url: `${this.url}/repos/${full}/releases/assets/${a.id}` })),
    };
  }

  /** Seed a completed check run on a commit, as the trusted gate workflow would have left it. */
  seedCheckRun(headSha: string, name: string, conclusion: string, appSlug = "github-actions"): this {
    this.checkRuns.push({ id: this.nextId++, name, head_sha: headSha, status: "completed", conclusion, app_slug: appSlug });
    return this;
  }

  private listComments(issue: number, url: URL, res: ServerResponse): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const all = this.commentsOn(issue);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string) => {
      const u = new URL(this.url + `/repos/${this.owner}/${this.repo}/issues/${issue}/comments`);
      u.searchParams.set("per_page", String(perPage));
      u.searchParams.set("page", String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
    send(res, 200, slice.map((c) => this.commentJson(c)), links.length ? { link: links.join(", ") } : {});
  }

  private commentJson(c: StoredComment): Record<string, unknown> {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      body: c.body,
      user: { login: c.login, type: c.login.endsWith("[bot]") ? "Bot" : "User" },
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  }
}

function checkRunErrors(b: Record<string, unknown>): string | null {
  if (typeof b.name !== "string" || !b.name) return "Validation Failed: name is missing";
  if (typeof b.head_sha !== "string" || !/^[0-9a-f]{40}$/.test(b.head_sha)) return "Validation Failed: head_sha";
  const out = (b.output ?? {}) as Record<string, unknown>;
  if (typeof out.summary === "string" && out.summary.length > 65_535) return "Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.";
  if (b.status === "completed" && !["success", "failure", "neutral", "cancelled", "skipped", "timed_out", "action_required"].includes(String(b.conclusion))) {
    return "Validation Failed: conclusion is required when status is completed";
  }
  return null;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/html" : "application/json; charset=utf-8", ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export const ACTIONS_TOKEN: FakeToken = { login: "github-actions[bot]", canGetUser: false, permissions: ["issues", "checks", "statuses", "pulls"] };
export const READ_ONLY_TOKEN: FakeToken = { login: "github-actions[bot]", canGetUser: false, permissions: ["pulls"] };

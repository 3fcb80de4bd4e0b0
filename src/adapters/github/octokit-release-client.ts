// ReleaseClient over Octokit: repository metadata, check-run lookup, pull requests, releases and
// asset upload. Errors name the route and GitHub's reason, never the token.
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import type { GateCheck, PullInfo, ReleaseClient, ReleaseInfo } from "../../core/ports/release-client.js";
import { GitHubApiError } from "../../core/ports/github-client.js";

import { InputError } from "../../errors.js";
type Octokit = ReturnType<typeof getOctokit>;

export class OctokitReleaseClient implements ReleaseClient {
  private readonly octokit: Octokit;
  private readonly owner: string;
  private readonly repo: string;

  constructor(private readonly opts: { token: string; repository: string; baseUrl: string }) {
    const [owner, repo] = opts.repository.split("/");
    if (!owner || !repo) throw new InputError(`repository must be owner/name, got ${JSON.stringify(opts.repository)}`, { hint: "pass the repository as owner/name (GITHUB_REPOSITORY, --repo)" });
    this.owner = owner;
    this.repo = repo;
    this.octokit = getOctokit(opts.token, { baseUrl: opts.baseUrl.replace(/\/+$/, ""), userAgent: "llmops", retry: { retries: 3 }, log: { debug() {}, info() {}, warn() {}, error() {} } }, retry);
  }

  async defaultBranch(): Promise<string> {
    const r = await this.call("GET /repos/{owner}/{repo}", () => this.octokit.rest.repos.get({ owner: this.owner, repo: this.repo }));
    return r.data.default_branch;
  }

  async checkRuns(sha: string, name: string): Promise<GateCheck[]> {
    const r = await this.call(`GET /repos/{owner}/{repo}/commits/${sha}/check-runs`, () =>
      this.octokit.rest.checks.listForRef({ owner: this.owner, repo: this.repo, ref: sha, check_name: name, filter: "latest", per_page: 100 }),
    );
    return r.data.check_runs
      .filter((c) => c.name === name)
      .map((c) => ({ id: c.id, name: c.name, status: c.status, conclusion: c.conclusion ?? null, url: c.html_url ?? "", app: c.app?.slug ?? "" }))
      .sort((a, b) => b.id - a.id);
  }

  async openPullRequest(p: { head: string; base: string; title: string; body: string }): Promise<PullInfo> {
    const r = await this.call("POST /repos/{owner}/{repo}/pulls", () => this.octokit.rest.pulls.create({ owner: this.owner, repo: this.repo, ...p }));
    return { number: r.data.number, url: r.data.html_url };
  }

  async closePullRequest(number: number): Promise<void> {
    await this.call(`PATCH /repos/{owner}/{repo}/pulls/${number}`, () => this.octokit.rest.pulls.update({ owner: this.owner, repo: this.repo, pull_number: number, state: "closed" }));
  }

  async findOpenPullRequest(head: string): Promise<PullInfo | null> {
    const r = await this.call("GET /repos/{owner}/{repo}/pulls", () => this.octokit.rest.pulls.list({ owner: this.owner, repo: this.repo, head: `${this.owner}:${head}`, state: "open", per_page: 1 }));
    const p = r.data[0];
    return p ? { number: p.number, url: p.html_url } : null;
  }

  async getRelease(tag: string): Promise<ReleaseInfo | null> {
    try {
      const r = await this.call(`GET /repos/{owner}/{repo}/releases/tags/${tag}`, () => this.octokit.rest.repos.getReleaseByTag({ owner: this.owner, repo: this.repo, tag }));
      return toRelease(r.data);
    } catch (err) {
      if (err instanceof GitHubApiError && err.status === 404) return null;
      throw err;
    }
  }

  async createRelease(p: { tag: string; name: string; body: string; commit: string; prerelease: boolean }): Promise<ReleaseInfo> {
    const r = await this.call("POST /repos/{owner}/{repo}/releases", () =>
      this.octokit.rest.repos.createRelease({ owner: this.owner, repo: this.repo, tag_name: p.tag, name: p.name, body: p.body, target_commitish: p.commit, prerelease: p.prerelease, make_latest: "false" }),
    );
    return toRelease(r.data);
  }

  async updateReleaseBody(id: number, body: string): Promise<void> {
    await this.call(`PATCH /repos/{owner}/{repo}/releases/${id}`, () => this.octokit.rest.repos.updateRelease({ owner: this.owner, repo: this.repo, release_id: id, body }));
  }

  async uploadAsset(release: ReleaseInfo, name: string, data: Uint8Array, contentType: string): Promise<void> {
    const url = release.uploadUrl.replace(/\{\?[^}]*\}$/, "");
    await this.call(`POST ${url}`, () =>
      this.octokit.request({ method: "POST", url: `${url}?name=${encodeURIComponent(name)}`, headers: { "content-type": contentType, "content-length": data.length }, data: Buffer.from(data) }),
    );
  }

  private async call<T>(route: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : 0;
      const data = (err as { response?: { data?: unknown } }).response?.data;
      const apiMessage = data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string" ? (data as { message: string }).message : err instanceof Error ? err.message : String(err);
      const hint =
        status === 403 ? "grant the job the permission it needs (contents: write for releases, pull-requests: write for the GitOps PR, checks: read for the gate lookup)" : status === 401 ? "the token was rejected" : undefined;
      throw new GitHubApiError(`GitHub API ${route.replace("{owner}/{repo}", `${this.owner}/${this.repo}`)} at ${this.opts.baseUrl} failed${status ? ` with ${status}` : ""}: ${apiMessage}`, status, apiMessage, { hint, cause: err });
    }
  }
}

function toRelease(d: { id: number; tag_name: string; html_url: string; upload_url: string; body?: string | null; assets?: Array<{ id: number; name: string; size: number }> }): ReleaseInfo {
  return { id: d.id, tag: d.tag_name, url: d.html_url, uploadUrl: d.upload_url, body: d.body ?? "", assets: (d.assets ?? []).map((a) => ({ id: a.id, name: a.name, size: a.size })) };
}

// GitHubClient over Octokit (through @actions/github's getOctokit), with GitHub's recommended retry
// and throttling plugins: 5xx are retried with backoff, secondary rate limits wait out retry-after.
// GITHUB_API_URL (GitHub Enterprise Server) is passed in as baseUrl by the shell.
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { Logger } from "../../core/ports/index.js";
import {
  GitHubApiError,
  type CheckRunPayload,
  type CheckRunRef,
  type CommitStatusPayload,
  type GitHubClient,
  type IssueComment,
  type PullRequestInfo,
  type RepoPermission,
} from "../../core/ports/github-client.js";
import { InputError } from "../../errors.js";

export interface OctokitClientOptions {
  token: string;
  /** owner/name */
  repository: string;
  /** https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string;
  logger: Logger;
  /** Retries after a 5xx or a rate limit (default 3). */
  retries?: number;
  /** Longest retry-after we wait out, in seconds (default 120); longer ones fail the call. */
  maxRetryAfterSeconds?: number;
}

type Octokit = ReturnType<typeof getOctokit>;

interface RawComment {
  id: number;
  body?: string | null;
  user: { login: string } | null;
  html_url: string;
  created_at: string;
}

export class OctokitGitHubClient implements GitHubClient {
  private readonly octokit: Octokit;
  private readonly owner: string;
  private readonly repo: string;

  constructor(private readonly opts: OctokitClientOptions) {
    const [owner, repo] = opts.repository.split("/");
    if (!owner || !repo) throw new InputError(`repository must be owner/name, got ${JSON.stringify(opts.repository)}`, { hint: "pass the repository as owner/name (GITHUB_REPOSITORY, --repo)" });
    this.owner = owner;
    this.repo = repo;
    const retries = opts.retries ?? 3;
    const maxWait = opts.maxRetryAfterSeconds ?? 120;
    const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
      const route = `${options.method} ${options.url}`;
      if (retryCount < retries && retryAfter <= maxWait) {
        opts.logger.warn(`GitHub ${kind} rate limit on ${route}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${retries})`);
        return true;
      }
      opts.logger.warn(`GitHub ${kind} rate limit on ${route}; giving up (retry-after ${retryAfter}s, ${retryCount} retries done)`);
      return false;
    };
    this.octokit = getOctokit(
      opts.token,
      {
        baseUrl: opts.baseUrl.replace(/\/+$/, ""),
        userAgent: "llmops",
        retry: { retries },
        throttle: { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
        log: { debug: () => {}, info: () => {}, warn: (m: string) => opts.logger.debug(m), error: (m: string) => opts.logger.debug(m) },
      },
      retry,
      throttling,
    );
  }

  async listIssueComments(issueNumber: number): Promise<IssueComment[]> {
    const raw = await this.call(`GET /repos/${this.slug}/issues/${issueNumber}/comments`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, { owner: this.owner, repo: this.repo, issue_number: issueNumber, per_page: 100 }),
    );
    return (raw as RawComment[]).map(toComment);
  }

  async createIssueComment(issueNumber: number, body: string): Promise<IssueComment> {
    const r = await this.call(`POST /repos/${this.slug}/issues/${issueNumber}/comments`, () =>
      this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: issueNumber, body }),
    );
    return toComment(r.data as RawComment);
  }

  async updateIssueComment(commentId: number, body: string): Promise<IssueComment> {
    const r = await this.call(`PATCH /repos/${this.slug}/issues/comments/${commentId}`, () =>
      this.octokit.rest.issues.updateComment({ owner: this.owner, repo: this.repo, comment_id: commentId, body }),
    );
    return toComment(r.data as RawComment);
  }

  async deleteIssueComment(commentId: number): Promise<boolean> {
    try {
      await this.call(`DELETE /repos/${this.slug}/issues/comments/${commentId}`, () =>
        this.octokit.rest.issues.deleteComment({ owner: this.owner, repo: this.repo, comment_id: commentId }),
      );
      return true;
    } catch (err) {
      if (err instanceof GitHubApiError && err.status === 404) return false;
      throw err;
    }
  }

  async getAuthenticatedLogin(): Promise<string | null> {
    try {
      const r = await this.call("GET /user", () => this.octokit.rest.users.getAuthenticated());
      return r.data.login;
    } catch (err) {
      // Installation tokens (an Actions GITHUB_TOKEN, a GitHub App's) may not read /user.
      if (!(err instanceof GitHubApiError && (err.status === 403 || err.status === 404))) throw err;
    }
    // GraphQL's viewer does answer installation tokens: the app's bot account.
    try {
      const r = await this.call("POST /graphql (viewer)", () => this.octokit.graphql<{ viewer?: { login?: unknown } }>("query { viewer { login } }"));
      const login = r.viewer?.login;
      if (typeof login !== "string" || login === "") return null;
      // GraphQL names bot accounts without the "[bot]" that REST comment authors carry.
      return login.endsWith("[bot]") ? login : `${login}[bot]`;
    } catch (err) {
      this.opts.logger.debug(`GraphQL viewer refused: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  async getPullRequest(number: number): Promise<PullRequestInfo> {
    const r = await this.call(`GET /repos/${this.slug}/pulls/${number}`, () =>
      this.octokit.rest.pulls.get({ owner: this.owner, repo: this.repo, pull_number: number }),
    );
    const d = r.data;
    return {
      number: d.number,
      state: d.state,
      headSha: d.head.sha,
      headRef: d.head.ref,
      headRepo: d.head.repo?.full_name ?? null,
      baseRepo: d.base.repo.full_name,
      baseRef: d.base.ref,
      authorAssociation: d.author_association,
    };
  }

  async getCollaboratorPermission(login: string): Promise<RepoPermission> {
    try {
      const r = await this.call(`GET /repos/${this.slug}/collaborators/${login}/permission`, () =>
        this.octokit.rest.repos.getCollaboratorPermissionLevel({ owner: this.owner, repo: this.repo, username: login }),
      );
      // role_name distinguishes maintain and triage, which `permission` folds into write and read.
      const role = (r.data as { role_name?: string }).role_name ?? r.data.permission;
      return (["admin", "maintain", "write", "triage", "read"] as const).find((p) => p === role) ?? "none";
    } catch (err) {
      if (err instanceof GitHubApiError && err.status === 404) return "none";
      throw err;
    }
  }

  async createCheckRun(p: CheckRunPayload): Promise<CheckRunRef> {
    const r = await this.call(`POST /repos/${this.slug}/check-runs`, () =>
      this.octokit.rest.checks.create({
        owner: this.owner,
        repo: this.repo,
        name: p.name,
        head_sha: p.headSha,
        status: p.status,
        ...(p.conclusion ? { conclusion: p.conclusion } : {}),
        ...(p.detailsUrl ? { details_url: p.detailsUrl } : {}),
        output: { title: p.title, summary: p.summary },
      }),
    );
    return { id: r.data.id, htmlUrl: r.data.html_url ?? "" };
  }

  async updateCheckRun(id: number, p: Partial<CheckRunPayload>): Promise<CheckRunRef> {
    const r = await this.call(`PATCH /repos/${this.slug}/check-runs/${id}`, () =>
      this.octokit.rest.checks.update({
        owner: this.owner,
        repo: this.repo,
        check_run_id: id,
        ...(p.name ? { name: p.name } : {}),
        ...(p.status ? { status: p.status } : {}),
        ...(p.conclusion ? { conclusion: p.conclusion } : {}),
        ...(p.detailsUrl ? { details_url: p.detailsUrl } : {}),
        ...(p.title !== undefined && p.summary !== undefined ? { output: { title: p.title, summary: p.summary } } : {}),
      }),
    );
    return { id: r.data.id, htmlUrl: r.data.html_url ?? "" };
  }

  async createCommitStatus(sha: string, p: CommitStatusPayload): Promise<void> {
    await this.call(`POST /repos/${this.slug}/statuses/${sha}`, () =>
      this.octokit.rest.repos.createCommitStatus({
        owner: this.owner,
        repo: this.repo,
        sha,
        state: p.state,
        context: p.context,
        description: p.description,
        ...(p.targetUrl ? { target_url: p.targetUrl } : {}),
      }),
    );
  }

  private get slug(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** Turn Octokit's RequestError into our error, naming the route and GitHub's reason, never the token. */
  private async call<T>(route: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : 0;
      const data = (err as { response?: { data?: unknown } }).response?.data;
      const apiMessage =
        data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string"
          ? (data as { message: string }).message
          : err instanceof Error
            ? err.message
            : String(err);
      const where = `${route} at ${this.opts.baseUrl}`;
      const msg = status ? `GitHub API ${where} failed with ${status}: ${apiMessage}` : `GitHub API ${where} failed: ${apiMessage}`;
      throw new GitHubApiError(msg, status, apiMessage, { hint: hintFor(status), cause: err });
    }
  }
}

function toComment(c: RawComment): IssueComment {
  return { id: c.id, body: c.body ?? "", userLogin: c.user?.login ?? null, htmlUrl: c.html_url, createdAt: c.created_at };
}

function hintFor(status: number): string | undefined {
  if (status === 401) return "the token was rejected; pass a valid token (the default is the workflow's GITHUB_TOKEN)";
  if (status === 403) return "grant the job the permission it needs (pull-requests: write for comments, checks: write for check runs)";
  if (status === 404) return "check the repository, the pull request number and that the token can see the repository";
  return undefined;
}

// An in-memory GitHubClient for unit tests of the core's GitHub logic: the same rules the REST
// fake applies (own comments only, 404 on a deleted comment), without HTTP or throttling.
import { GitHubApiError, type CheckRunPayload, type CheckRunRef, type CommitStatusPayload, type GitHubClient, type IssueComment, type PullRequestInfo, type RepoPermission } from "../../src/core/ports/github-client.js";

export class MemoryGitHubClient implements GitHubClient {
  comments: IssueComment[] = [];
  pulls = new Map<number, PullRequestInfo>();
  checkRuns: Array<CheckRunPayload & { id: number }> = [];
  statuses: Array<CommitStatusPayload & { sha: string }> = [];
  calls: string[] = [];
  denied = new Set<"checks" | "statuses" | "user">();
  /** Runs after a list call returns, before the caller acts on it (simulates a concurrent writer). */
  afterList: (() => void) | null = null;
  private nextId = 1;

  constructor(readonly login: string | null = null) {}

  seed(issue: number, login: string | null, body: string): IssueComment {
    const c = { id: this.nextId++, body, userLogin: login, htmlUrl: `https://github.test/pull/${issue}#issuecomment-${this.nextId - 1}`, createdAt: "2026-01-01T00:00:00Z", issue };
    this.comments.push(c);
    return c;
  }

  async listIssueComments(issueNumber: number): Promise<IssueComment[]> {
    this.calls.push(`list ${issueNumber}`);
    const out = this.comments.filter((c) => (c as IssueComment & { issue: number }).issue === issueNumber).map((c) => ({ ...c }));
    const hook = this.afterList;
    this.afterList = null;
    hook?.();
    return out;
  }
  async createIssueComment(issueNumber: number, body: string): Promise<IssueComment> {
    this.calls.push(`create ${issueNumber}`);
    return { ...this.seed(issueNumber, this.login ?? "github-actions[bot]", body) };
  }
  async updateIssueComment(commentId: number, body: string): Promise<IssueComment> {
    this.calls.push(`update ${commentId}`);
    const c = this.comments.find((x) => x.id === commentId);
    if (!c) throw new GitHubApiError("PATCH comment → 404", 404, "Not Found");
    c.body = body;
    return { ...c };
  }
  async deleteIssueComment(commentId: number): Promise<boolean> {
    this.calls.push(`delete ${commentId}`);
    const i = this.comments.findIndex((x) => x.id === commentId);
    if (i < 0) return false;
    this.comments.splice(i, 1);
    return true;
  }
  async getAuthenticatedLogin(): Promise<string | null> {
    return this.denied.has("user") ? null : this.login;
  }
  /** login → permission; absent means "none". */
  permissions = new Map<string, RepoPermission>();
  async getCollaboratorPermission(login: string): Promise<RepoPermission> {
    this.calls.push(`permission ${login}`);
    return this.permissions.get(login) ?? "none";
  }
  async getPullRequest(number: number): Promise<PullRequestInfo> {
    this.calls.push(`getPull ${number}`);
    const p = this.pulls.get(number);
    if (!p) throw new GitHubApiError(`GET /pulls/${number} → 404`, 404, "Not Found");
    return p;
  }
  async createCheckRun(payload: CheckRunPayload): Promise<CheckRunRef> {
    if (this.denied.has("checks")) throw new GitHubApiError("POST /check-runs → 403", 403, "Resource not accessible by integration");
    const id = this.nextId++;
    this.checkRuns.push({ ...payload, id });
    return { id, htmlUrl: `https://github.test/runs/${id}` };
  }
  async updateCheckRun(id: number, payload: Partial<CheckRunPayload>): Promise<CheckRunRef> {
    const r = this.checkRuns.find((x) => x.id === id);
    if (!r) throw new GitHubApiError("PATCH /check-runs → 404", 404, "Not Found");
    Object.assign(r, payload);
    return { id, htmlUrl: `https://github.test/runs/${id}` };
  }
  async createCommitStatus(sha: string, payload: CommitStatusPayload): Promise<void> {
    if (this.denied.has("statuses")) throw new GitHubApiError("POST /statuses → 403", 403, "Resource not accessible by integration");
    this.statuses.push({ ...payload, sha });
  }
}

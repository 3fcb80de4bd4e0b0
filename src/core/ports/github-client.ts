// The GitHubClient port: the few REST operations llmops needs, in plain data. The Octokit adapter
// implements it; tests run it against a loopback fake of the REST API.
import { ExternalError } from "../../errors.js";

export interface IssueComment {
  id: number;
  body: string;
  /** null for a comment by a deleted account ("ghost"). */
  userLogin: string | null;
  htmlUrl: string;
  createdAt: string;
}

export interface PullRequestInfo {
  number: number;
  state: string;
  headSha: string;
  headRef: string;
  /** owner/name of the head repository; null when the fork was deleted. */
  headRepo: string | null;
  baseRepo: string;
  /** The branch the pull request would merge into. */
  baseRef: string;
  /** The author's relation to the base repository (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …). */
  authorAssociation: string;
}

/** A user's permission on the repository, as the collaborators API reports it. */
export type RepoPermission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export type CheckConclusion = "success" | "failure" | "neutral";

export interface CheckRunPayload {
  name: string;
  headSha: string;
  status: "in_progress" | "completed";
  conclusion?: CheckConclusion;
  title: string;
  summary: string;
  detailsUrl?: string;
}

export interface CheckRunRef {
  id: number;
  htmlUrl: string;
}

export type CommitState = "success" | "failure" | "pending" | "error";

export interface CommitStatusPayload {
  context: string;
  state: CommitState;
  description: string;
  targetUrl?: string;
}

export interface GitHubClient {
  /** Every comment on an issue or pull request, all pages, oldest first. */
  listIssueComments(issueNumber: number): Promise<IssueComment[]>;
  createIssueComment(issueNumber: number, body: string): Promise<IssueComment>;
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>;
  /** Resolves false when the comment was already gone (404). */
  deleteIssueComment(commentId: number): Promise<boolean>;
  /** The login behind the token, or null where the token may not ask (installation tokens: 403). */
  getAuthenticatedLogin(): Promise<string | null>;
  getPullRequest(number: number): Promise<PullRequestInfo>;
  /** The login's permission on the repository ("none" for a user who is not a collaborator). */
  getCollaboratorPermission(login: string): Promise<RepoPermission>;
  createCheckRun(payload: CheckRunPayload): Promise<CheckRunRef>;
  updateCheckRun(id: number, payload: Partial<CheckRunPayload>): Promise<CheckRunRef>;
  createCommitStatus(sha: string, payload: CommitStatusPayload): Promise<void>;
}

/** A REST call answered with an error status. The message names the method, route and GitHub's reason. */
export class GitHubApiError extends ExternalError {
  override readonly name: string = "GitHubApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly apiMessage: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }

  /** GitHub's answer when a token lacks a permission (fork PRs, missing `permissions:`). */
  get notAccessible(): boolean {
    return this.status === 403 && /resource not accessible|not accessible by/i.test(this.apiMessage);
  }
}

// What a promotion needs from GitHub: the default branch, the trusted gate's check run on a commit,
// pull requests for GitOps changes, and releases with assets.
export interface GateCheck {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  url: string;
  /** The app that created it (github-actions for a workflow's GITHUB_TOKEN). */
  app: string;
}

export interface ReleaseInfo {
  id: number;
  tag: string;
  url: string;
  uploadUrl: string;
  body: string;
  assets: Array<{ id: number; name: string; size: number }>;
}

export interface PullInfo {
  number: number;
  url: string;
}

export interface ReleaseClient {
  defaultBranch(): Promise<string>;
  /** Every check run with that name on the commit, newest first. */
  checkRuns(sha: string, name: string): Promise<GateCheck[]>;
  openPullRequest(p: { head: string; base: string; title: string; body: string }): Promise<PullInfo>;
  closePullRequest(number: number): Promise<void>;
  /** The open pull request from `head` (a branch of this repository), if any. */
  findOpenPullRequest(head: string): Promise<PullInfo | null>;
  getRelease(tag: string): Promise<ReleaseInfo | null>;
  createRelease(p: { tag: string; name: string; body: string; commit: string; prerelease: boolean }): Promise<ReleaseInfo>;
  updateReleaseBody(id: number, body: string): Promise<void>;
  uploadAsset(release: ReleaseInfo, name: string, data: Uint8Array, contentType: string): Promise<void>;
}

// Apply a rendered manifest the GitOps way: a commit on a branch llmops owns plus a pull request, or
// a direct commit to the environment's branch where the repository's rules allow it (never forced).
import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ReleaseClient } from "../../core/ports/release-client.js";
import { ExternalError } from "../../errors.js";
import { GitCli } from "../../adapters/git/git-cli.js";

export interface GitOpsChange {
  mode: "pull-request" | "direct" | "unchanged";
  branch: string;
  commit: string | null;
  pullRequest: { number: number; url: string } | null;
}

export async function applyManifest(input: {
  git: GitCli;
  remote: string;
  base: string;
  path: string;
  content: string;
  title: string;
  body: string;
  mode: "pull-request" | "direct";
  branch: string;
  github: ReleaseClient;
}): Promise<GitOpsChange> {
  const { git, remote, base } = input;
  await git.fetch(remote, [`+refs/heads/${base}:refs/remotes/${remote}/${base}`]);
  const dir = join(mkdtempSync(join(tmpdir(), "llmops-gitops-")), "tree");
  await git.run(["worktree", "add", "--quiet", "--detach", "--end-of-options", dir, `refs/remotes/${remote}/${base}`]);
  try {
    const file = join(dir, input.path);
    if (existsSync(file) && readFileSync(file, "utf8") === input.content) return { mode: "unchanged", branch: base, commit: null, pullRequest: null };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, input.content);
    const wt = new GitCli(dir);
    await wt.run(["add", "--", input.path]);
    await wt.run(["commit", "--quiet", "--no-verify", "--file=-"], { input: `${input.title}\n\n${input.body}\n` });
    const commit = (await wt.run(["rev-parse", "HEAD"])).stdout.toString().trim();
    if (input.mode === "direct") {
      const r = await wt.run(["push", "--porcelain", "--end-of-options", remote, `HEAD:refs/heads/${base}`], { allowFail: true });
      if (r.code !== 0) {
        throw new ExternalError(`${remote} refused the direct commit to ${base}: ${(r.stderr || r.stdout.toString()).trim().split("\n").pop()}`, {
          hint: "the branch is protected or moved on: set apply: pull-request for this environment in deploy/environments.yaml (or retry)",
        });
      }
      return { mode: "direct", branch: base, commit, pullRequest: null };
    }
    // A branch in llmops's own namespace: a retry of the same promotion replaces its earlier attempt.
    await wt.run(["push", "--quiet", "--force", "--end-of-options", remote, `HEAD:refs/heads/${input.branch}`]);
    // The same promotion retried (or a rollback to a version whose PR is still open): that PR now shows the new commit.
    const pr = (await input.github.findOpenPullRequest(input.branch)) ?? (await input.github.openPullRequest({ head: input.branch, base, title: input.title, body: input.body }));
    return { mode: "pull-request", branch: input.branch, commit, pullRequest: pr };
  } finally {
    await git.run(["worktree", "remove", "--force", "--end-of-options", dir], { allowFail: true });
    rmSync(dirname(dir), { recursive: true, force: true });
  }
}

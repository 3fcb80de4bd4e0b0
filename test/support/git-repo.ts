// Real git repositories in temp directories for registry and promotion tests: a bare "origin",
// clones of it, commits with fixed dates, annotated and lightweight tags.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "./cli.js";

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_AUTHOR_NAME: "Dev", GIT_AUTHOR_EMAIL: "dev@example.com", GIT_COMMITTER_NAME: "Dev", GIT_COMMITTER_EMAIL: "dev@example.com", GIT_CONFIG_NOSYSTEM: "1", ...env },
  }).trim();
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/** A bare origin with `main` and a working clone of it. */
export function createRepo(files: Record<string, string | Uint8Array>): { origin: string; work: string; commit(msg: string, files?: Record<string, string | Uint8Array>, date?: string): string } {
  const root = tempDir("llmops-git-");
  const origin = join(root, "origin.git");
  const work = join(root, "work");
  git(root, ["init", "--quiet", "--bare", "--initial-branch=main", origin]);
  git(root, ["init", "--quiet", "--initial-branch=main", work]);
  git(work, ["remote", "add", "origin", origin]);
  let n = 0;
  const commit = (msg: string, more: Record<string, string | Uint8Array> = {}, date?: string) => {
    writeFiles(work, more);
    git(work, ["add", "-A"]);
    const d = date ?? new Date(Date.UTC(2026, 0, 1, 0, 0, n++)).toISOString();
    git(work, ["commit", "--quiet", "--allow-empty", "-m", msg], { GIT_AUTHOR_DATE: d, GIT_COMMITTER_DATE: d });
    git(work, ["push", "--quiet", "origin", "main"]);
    return git(work, ["rev-parse", "HEAD"]);
  };
  commit("initial", files);
  return { origin, work, commit };
}

export function clone(origin: string): string {
  const dir = join(tempDir("llmops-clone-"), "c");
  git(dirname(dir), ["clone", "--quiet", origin, dir]);
  return dir;
}

// The workspace a pipeline runs in: the git repository holding the directory, else the directory.
import { execFileSync } from "node:child_process";

export function repoRoot(cwd: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || cwd;
  } catch {
    return cwd;
  }
}

// Build the bundles once, before any test runs: integration tests spawn dist/, and a test that
// rebuilt it mid-run would pull files from under its neighbours.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
}

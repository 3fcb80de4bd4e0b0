// Build the bundles once, before any test runs: integration tests spawn dist/, and a test that
// rebuilt it mid-run would pull files from under its neighbours. scripts/test.sh builds and checks
// dist/ itself and may run two vitest processes side by side (the second once apt-get is done): it
// sets LLMOPS_TEST_DIST_BUILT=1 so that neither rebuilds dist/ under the other's running tests.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  if (process.env.LLMOPS_TEST_DIST_BUILT === "1") return;
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  // Each vitest project (vitest.config.ts: unit, integration) runs the global setup; one build is enough.
  process.env.LLMOPS_TEST_DIST_BUILT = "1";
}

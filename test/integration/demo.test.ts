// The simulated-model demo (`npm run demo:simulated`: the PR cycle through the action bundles and
// the loopback GitHub fake) must keep working: run it end to end and check what it claims.
import { describe, expect, it } from "vitest";
import { runNode } from "../support/cli.js";

describe("npm run demo:simulated", () => {
  it("runs a whole pull-request cycle and self-checks the sticky comment and the check run", { timeout: 150_000 }, async () => {
    const r = await runNode(["scripts/demo-simulated.mjs"], { timeoutMs: 120_000 });
    expect(r.stderr).not.toMatch(/demo failed/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/simulated by the loopback test server/);
    expect(r.stdout).toMatch(/push 1 \(candidate\): verdict pass; PR #7 has 1 comment\(s\) \[id (\d+)\]; check "llmops \/ gate" → success/);
    const id = /push 1 .*\[id (\d+)\]/.exec(r.stdout)![1];
    expect(r.stdout).toContain(`push 2 (regressed): verdict fail; PR #7 has 1 comment(s) [id ${id}]; check "llmops / gate" → failure`);
  });
});

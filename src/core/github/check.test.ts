import { describe, expect, test } from "vitest";
import { silentLogger } from "../ports/index.js";
import { MemoryGitHubClient } from "../../../test/support/fake-github-client.js";
import { buildCheckRunPayload, buildCommitStatusPayload, CHECK_SUMMARY_LIMIT, publishGateCheck, type GateOutcome } from "./check.js";

const SHA = "c".repeat(40);
const outcome = (o: Partial<GateOutcome> = {}): GateOutcome => ({ conclusion: "failure", headline: "FAIL: accuracy regressed", summary: "## report", headSha: SHA, ...o });

describe("buildCheckRunPayload", () => {
  test("names the check llmops / gate, completed with the conclusion", () => {
    const { payload, truncated } = buildCheckRunPayload(outcome({ conclusion: "neutral" }));
    expect(payload).toEqual({ name: "llmops / gate", headSha: SHA, status: "completed", conclusion: "neutral", title: "FAIL: accuracy regressed", summary: "## report" });
    expect(truncated).toBe(false);
  });
  test("truncates a summary over 65,535 characters and says so", () => {
    const { payload, truncated } = buildCheckRunPayload(outcome({ summary: "| a | b |\n".repeat(10_000) }));
    expect(truncated).toBe(true);
    expect(payload.summary.length).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
    expect(payload.summary).toContain("Truncated:");
  });
});

describe("buildCommitStatusPayload", () => {
  test.each([
    ["success", "success", "PASS"],
    ["failure", "failure", "FAIL"],
    ["neutral", "success", "neutral (not blocking): INCONCLUSIVE"],
  ] as const)("%s → %s", (conclusion, state, start) => {
    const headline = start.replace(/^neutral \(not blocking\): /, "") + " " + "detail ".repeat(40);
    const p = buildCommitStatusPayload(outcome({ conclusion, headline }));
    expect(p.state).toBe(state);
    expect(p.context).toBe("llmops / gate");
    expect(p.description.startsWith(start)).toBe(true);
    expect(p.description.length).toBeLessThanOrEqual(140);
  });
});

describe("publishGateCheck", () => {
  test("creates a check run when allowed", async () => {
    const c = new MemoryGitHubClient();
    const r = await publishGateCheck(c, outcome(), silentLogger);
    expect(r.kind).toBe("check-run");
    expect(c.checkRuns[0]).toMatchObject({ conclusion: "failure", headSha: SHA });
    expect(c.statuses).toEqual([]);
  });
  test("falls back to a commit status on 403 Resource not accessible by integration", async () => {
    const c = new MemoryGitHubClient();
    c.denied.add("checks");
    const r = await publishGateCheck(c, outcome(), silentLogger);
    expect(r).toEqual({ kind: "status", state: "failure" });
    expect(c.statuses[0]).toMatchObject({ sha: SHA, state: "failure", context: "llmops / gate" });
  });
  test("reports none with the reason when neither is allowed", async () => {
    const c = new MemoryGitHubClient();
    c.denied.add("checks").add("statuses");
    const r = await publishGateCheck(c, outcome(), silentLogger);
    expect(r.kind).toBe("none");
    expect(r.kind === "none" && r.reason).toContain("checks: write");
  });
});

import { describe, expect, it } from "vitest";
import { approvalCommand, decideGateTraining, gateReportTitle, renderGateModelBlocked, specCodeChange } from "./gate-training.js";

const head = "c".repeat(40);
const keys = { data: "k1", train: "k2", export: "k3" };

describe("decideGateTraining", () => {
  it("equal keys: the candidate is the baseline model, and trust is never asked", async () => {
    let asked = 0;
    const d = await decideGateTraining({ baselineKeys: keys, candidateKeys: { ...keys }, codeChange: null, headSha: head, trust: async () => (asked++, { allowed: false, reason: "" }) });
    expect(d).toMatchObject({ decision: "unchanged", changedStages: [] });
    expect(asked).toBe(0);
  });

  it("changed keys without trust: needs approval, naming the exact command for this head", async () => {
    const d = await decideGateTraining({ baselineKeys: keys, candidateKeys: { ...keys, train: "x", export: "y" }, codeChange: null, headSha: head, trust: async () => ({ allowed: false, reason: "no collaborator approved it." }) });
    expect(d.decision).toBe("needs-approval");
    expect(d.changedStages).toEqual(["train", "export"]);
    expect(d.reason).toContain(`\`/llmops train ${head}\``);
  });

  it("changed keys with an approval: trained, with the approver", async () => {
    const d = await decideGateTraining({ baselineKeys: keys, candidateKeys: { ...keys, data: "z" }, codeChange: null, headSha: head, trust: async () => ({ allowed: true, reason: "approved", approvedBy: "maintainer" }) });
    expect(d).toMatchObject({ decision: "trained", approvedBy: "maintainer" });
  });

  it("a change to how training runs is refused even for a trusted author", async () => {
    const d = await decideGateTraining({ baselineKeys: keys, candidateKeys: { ...keys, train: "x" }, codeChange: "pipelines/x.yaml changes `backend`", headSha: head, trust: async () => ({ allowed: true, reason: "member" }) });
    expect(d.decision).toBe("refused");
    expect(d.reason).toContain("changes `backend`");
  });
});

describe("specCodeChange", () => {
  const base = { base: { model: "scratch", architecture: { hidden_size: 64 } }, backend: "reference", launcher: { type: "single" }, pass_env: [], backend_args: [], learning_rate: 0.01 };
  it("hyperparameters and a from-scratch architecture are data", () => expect(specCodeChange(base, { ...base, learning_rate: 0.5, base: { model: "scratch", architecture: { hidden_size: 128 } } })).toBeNull());
  it.each([
    ["backend", { backend: "command", command: { argv: ["sh", "-c", "curl evil"] } }],
    ["python", { python: "./pwn" }],
    ["pass_env", { pass_env: ["GITHUB_TOKEN"] }],
    ["backend_args", { backend_args: ["--evil"] }],
    ["base.model", { base: { model: "/home/runner/work/_temp/weights" } }],
  ])("%s is code", (field, change) => expect(specCodeChange(base, { ...base, ...change })).toBe(field));
});

describe("renderGateModelBlocked", () => {
  it("says what changed and how to approve", () => {
    const md = renderGateModelBlocked({ decision: "needs-approval", reason: "training inputs changed", pr_data: [{ path: "pipelines/params.yaml", sha256: null, changed: true }], pull_request: { number: 7, head_sha: head, head_repo: null } });
    expect(md).toMatch(/^## llmops gate: FAIL — training inputs changed; needs approval/);
    expect(md).toContain("`pipelines/params.yaml`");
    expect(md).toContain(`\`\`\`\n${approvalCommand(head)}\n\`\`\``);
  });
});

describe("gateReportTitle", () => {
  const pull_request = { number: 7, head_sha: head, head_repo: null };
  const baseline_model = { path: "m.gguf", sha256: "a".repeat(64), stages: [] };
  it("names the model the verdict was computed on", () => {
    expect(gateReportTitle({ decision: "unchanged", approved_by: null, pull_request, baseline_model: null })).toBe("");
    expect(gateReportTitle({ decision: "trained", approved_by: "maintainer", pull_request, baseline_model })).toBe(`llmops gate: the model the base's code trained from this pull request's data at ${head.slice(0, 12)} (approved by maintainer)`);
    expect(gateReportTitle({ decision: "unchanged", approved_by: null, pull_request, baseline_model })).toMatch(/on the baseline model/);
    expect(gateReportTitle({ decision: "trained", approved_by: null, pull_request, baseline_model }).length).toBeLessThanOrEqual(200);
  });
});

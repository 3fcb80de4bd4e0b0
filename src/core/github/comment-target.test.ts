import { describe, expect, it } from "vitest";
import { reportRunUrl, targetEventKind } from "./comment-target.js";
import type { TargetContext } from "./trusted-pr.js";

describe("targetEventKind", () => {
  it.each([
    ["pull_request", "pull_request"],
    ["pull_request_target", "pull_request"],
    ["workflow_run", "workflow_run"],
    ["push", "other"],
    ["workflow_dispatch", "other"],
    ["issue_comment", "other"],
    ["", "other"],
    ["PULL_REQUEST", "other"], // event names are exact
  ])("%j → %s", (name, kind) => expect(targetEventKind(name)).toBe(kind));
});

describe("reportRunUrl", () => {
  const wr = (htmlUrl: string | undefined) => ({ kind: "workflow_run", event: { htmlUrl } }) as unknown as TargetContext;
  const pr = { kind: "pull_request" } as unknown as TargetContext;
  const here = { serverUrl: "https://github.com", repository: "org/app", runId: "42" };
  it.each([
    ["a workflow_run job links the reported run", wr("https://github.com/org/app/actions/runs/7"), here, "https://github.com/org/app/actions/runs/7"],
    ["a workflow_run without its URL falls back to this run", wr(undefined), here, "https://github.com/org/app/actions/runs/42"],
    ["a pull_request job links this run", pr, here, "https://github.com/org/app/actions/runs/42"],
    ["without a server URL there is no link", pr, { ...here, serverUrl: undefined }, undefined],
    ["without a run id there is no link", pr, { ...here, runId: "" }, undefined],
  ] as const)("%s", (_what, ctx, run, url) => expect(reportRunUrl(ctx, run)).toBe(url));
});

import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { assertForkPolicy, decideForkPolicy } from "./fork-policy.js";

const pr = (head: string | null, base = "acme/models") => ({ pull_request: { head: { repo: head === null ? null : { full_name: head } }, base: { repo: { full_name: base } } } });

describe("fork policy", () => {
  it.each([
    ["fork PR on self-hosted", pr("mallory/models"), "self-hosted", false],
    ["deleted fork on self-hosted", pr(null), "self-hosted", false],
    ["fork PR on GitHub-hosted", pr("mallory/models"), "github-hosted", true],
    ["same-repo PR on self-hosted", pr("acme/models"), "self-hosted", true],
    ["same repo, different case", pr("ACME/Models"), "self-hosted", true],
    ["push on self-hosted", { ref: "refs/heads/main" }, "self-hosted", true],
    ["no event file", undefined, "self-hosted", true],
    ["fork PR, runner environment unknown", pr("mallory/models"), undefined, true],
  ])("%s", (_name, event, env, allowed) => {
    expect(decideForkPolicy({ event, runnerEnvironment: env, repository: "acme/models" }).allowed).toBe(allowed);
  });

  it("explains the refusal", () => {
    const v = decideForkPolicy({ event: pr("mallory/models"), runnerEnvironment: "self-hosted", repository: "acme/models" });
    expect(() => assertForkPolicy(v)).toThrow(InputError);
    expect(v.reason).toContain("fork mallory/models");
    expect(v.reason).toContain("self-hosted runner");
  });
});

// Self-hosted runners run only trusted code: a pull request from a fork must not train on one.
import { InputError } from "../../errors.js";

export interface ForkPolicyInput {
  /** The parsed event payload (GITHUB_EVENT_PATH), if any. */
  event: unknown;
  /** RUNNER_ENVIRONMENT: "self-hosted" or "github-hosted" (absent on old runners). */
  runnerEnvironment: string | undefined;
  /** GITHUB_REPOSITORY (owner/name). */
  repository: string | undefined;
}

export interface ForkVerdict {
  allowed: boolean;
  fork: boolean;
  selfHosted: boolean;
  headRepo?: string | undefined;
  baseRepo?: string | undefined;
  reason: string;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function decideForkPolicy(input: ForkPolicyInput): ForkVerdict {
  const pr = (input.event as { pull_request?: { head?: { repo?: { full_name?: unknown } | null }; base?: { repo?: { full_name?: unknown } } } } | null)?.pull_request;
  const selfHosted = input.runnerEnvironment === "self-hosted";
  if (!pr) return { allowed: true, fork: false, selfHosted, reason: "not a pull request" };
  const headRepo = str(pr.head?.repo?.full_name);
  const baseRepo = str(pr.base?.repo?.full_name) ?? input.repository;
  // A deleted fork has head.repo null: treat it as a fork (its code is still untrusted).
  const fork = headRepo === undefined || baseRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase();
  if (fork && selfHosted) {
    return {
      allowed: false,
      fork,
      selfHosted,
      headRepo,
      baseRepo,
      reason: `refusing to train: this pull request comes from the fork ${headRepo ?? "(deleted repository)"} and this job runs on a self-hosted runner. Code from a fork could take over the runner and everything it can reach.`,
    };
  }
  return { allowed: true, fork, selfHosted, headRepo, baseRepo, reason: fork ? "fork pull request on a GitHub-hosted runner" : "pull request from the same repository" };
}

export function assertForkPolicy(v: ForkVerdict): void {
  if (!v.allowed) {
    throw new InputError(v.reason, {
      hint: "train fork PRs on GitHub-hosted runners, or have a maintainer push the branch to the base repository (or run a trusted workflow_dispatch)",
    });
  }
}

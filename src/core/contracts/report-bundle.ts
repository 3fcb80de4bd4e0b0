// The report bundle a comparison leaves for the comment step (uploaded as an artifact for fork PRs):
// report.md, comparison.json and pull-request.json, the bundle's own record of which PR and commit
// the report is about. Everything in a bundle is untrusted when it comes back.
import { z } from "zod";
import { defineFormat } from "./format.js";

export const PULL_REQUEST_TAG = "llmops.pull-request/v2";

const sha = z.string().regex(/^[0-9a-f]{40}$/, "expected a 40-hex commit SHA");
const repoName = z.string().regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, "expected owner/name");

/**
 * Which PR, head commit and repositories the report is about; actions/comment posts it only where
 * all of them match the PR's current head. v1 had no repositories (a bundle could be attached to a
 * PR of another repository), so v1 is deliberately not read.
 */
export const PullRequestRefSchema = z.strictObject({
  schema: z.literal(PULL_REQUEST_TAG),
  number: z.number().int().positive(),
  head_sha: sha,
  head_repo: repoName.nullable().describe("owner/name the head commit lives in; null when the fork was deleted"),
  base_repo: repoName.describe("owner/name of the repository the pull request is in"),
});
export type PullRequestRef = z.infer<typeof PullRequestRefSchema>;

export const pullRequestFormat = defineFormat({
  kind: "pull-request",
  version: 2,
  schema: PullRequestRefSchema,
  title: "the report bundle's pull-request.json (which PR and head commit it reports on)",
  file: "<bundle>/pull-request.json",
  writer: "actions/compare on pull_request events",
  readers: "actions/comment",
  hint: "the bundle must come from actions/compare of the same llmops version",
});

// The report bundle a comparison leaves for the comment step (uploaded as an artifact for fork PRs):
// report.md, comparison.json and pull-request.json, the bundle's own record of which PR and commit
// the report is about. Everything in a bundle is untrusted when it comes back.
import { z } from "zod";
import { defineFormat } from "./format.js";

export const PULL_REQUEST_TAG = "llmops.pull-request/v1";

const sha = z.string().regex(/^[0-9a-f]{40}$/, "expected a 40-hex commit SHA");

export const PullRequestRefSchema = z.strictObject({
  schema: z.literal(PULL_REQUEST_TAG),
  number: z.number().int().positive(),
  head_sha: sha,
});
export type PullRequestRef = z.infer<typeof PullRequestRefSchema>;

export const pullRequestFormat = defineFormat({
  kind: "pull-request",
  version: 1,
  schema: PullRequestRefSchema,
  title: "the report bundle's pull-request.json (which PR and head commit it reports on)",
  file: "<bundle>/pull-request.json",
  writer: "actions/compare on pull_request events",
  readers: "actions/comment",
  hint: "the bundle must come from actions/compare of the same llmops version",
});

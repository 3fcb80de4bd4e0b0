// The sticky comment: one comment per (PR, marker) that each run edits in place. Only comments by
// our own identity that start with the marker count, so nobody else's comment is ever edited.
// Two jobs racing may both create one; after creating we re-list and fold duplicates into the oldest.
import type { Logger } from "../ports/index.js";
import type { GitHubClient, IssueComment } from "../ports/github-client.js";
import { hasMarker } from "./marker.js";
import { sameLogin } from "./identity.js";
import { truncateMarkdown } from "./truncate.js";

/** GitHub rejects issue comment bodies longer than this (characters). */
export const COMMENT_BODY_LIMIT = 65_536;

export type StickyAction = "created" | "updated" | "unchanged";

export interface StickyResult {
  action: StickyAction;
  comment: Pick<IssueComment, "id" | "htmlUrl">;
  /** Duplicates of ours that were removed (a race between two jobs, or an older bug). */
  deletedIds: number[];
  truncated: boolean;
}

export interface StickyRequest {
  issueNumber: number;
  marker: string;
  /** The visible body, without the marker. */
  body: string;
  identity: string;
  /** Where the full text can be read when the body must be cut. */
  whereFull?: string;
}

/** The marker on its own first line, then the body cut to fit GitHub's limit. */
export function renderStickyBody(marker: string, body: string, whereFull: string): { text: string; truncated: boolean } {
  const room = COMMENT_BODY_LIMIT - marker.length - 1;
  const t = truncateMarkdown(body, room, whereFull);
  return { text: `${marker}\n${t.text}`, truncated: t.truncated };
}

/** A report rendered with its own marker line: drop it, the sticky comment adds the right one. */
export function stripLeadingMarker(body: string): string {
  return body.replace(/^\s*<!-- llmops:[A-Za-z0-9._/-]+:[A-Za-z0-9._/-]+ -->[ \t]*\r?\n?/, "");
}

/** Our comments carrying the marker, oldest first. */
export function findOwnStickyComments(comments: readonly IssueComment[], marker: string, identity: string): IssueComment[] {
  return comments.filter((c) => sameLogin(c.userLogin, identity) && hasMarker(c.body, marker)).sort((a, b) => a.id - b.id);
}

function sameBody(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, "\n").trimEnd();
  return norm(a) === norm(b);
}

export async function upsertStickyComment(client: GitHubClient, req: StickyRequest, logger: Logger): Promise<StickyResult> {
  const { text, truncated } = renderStickyBody(req.marker, req.body, req.whereFull ?? "The full report is in the job summary and the workflow's artifact.");
  if (truncated) logger.warn(`the comment body was longer than GitHub allows (${COMMENT_BODY_LIMIT} characters); posted a truncated version`);
  const existing = findOwnStickyComments(await client.listIssueComments(req.issueNumber), req.marker, req.identity);
  if (existing.length > 0) return { ...(await foldInto(client, existing, text, logger)), truncated };

  const created = await client.createIssueComment(req.issueNumber, text);
  logger.info(`created comment ${created.htmlUrl}`);
  // Another job may have created its own between our list and our create: keep exactly one.
  const after = findOwnStickyComments(await client.listIssueComments(req.issueNumber), req.marker, req.identity);
  if (after.length <= 1) return { action: "created", comment: created, deletedIds: [], truncated };
  const folded = await foldInto(client, after, text, logger);
  const keptOurs = folded.comment.id === created.id;
  return { ...folded, action: keptOurs ? "created" : folded.action, truncated };
}

/** Keep the oldest of ours, give it `text`, delete the rest. */
async function foldInto(client: GitHubClient, ours: IssueComment[], text: string, logger: Logger): Promise<Omit<StickyResult, "truncated">> {
  const [keep, ...dupes] = ours as [IssueComment, ...IssueComment[]];
  const deletedIds: number[] = [];
  for (const d of dupes) {
    const gone = await client.deleteIssueComment(d.id);
    deletedIds.push(d.id);
    logger.info(gone ? `deleted duplicate comment ${d.id}` : `duplicate comment ${d.id} was already deleted`);
  }
  if (sameBody(keep.body, text)) {
    logger.info(`comment ${keep.htmlUrl} is already up to date`);
    return { action: "unchanged", comment: keep, deletedIds };
  }
  const updated = await client.updateIssueComment(keep.id, text);
  logger.info(`updated comment ${updated.htmlUrl}`);
  return { action: "updated", comment: updated, deletedIds };
}

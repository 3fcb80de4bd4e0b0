import { describe, expect, test } from "vitest";
import { silentLogger } from "../ports/index.js";
import { MemoryGitHubClient } from "../../../test/support/fake-github-client.js";
import { COMMENT_BODY_LIMIT, findOwnStickyComments, renderStickyBody, stripLeadingMarker, upsertStickyComment } from "./sticky-comment.js";
import { renderMarker, hasMarker } from "./marker.js";

const BOT = "github-actions[bot]";
const MARKER = renderMarker("eval", "qa");

describe("renderMarker", () => {
  test.each([
    ["eval", "qa", "<!-- llmops:eval:qa -->"],
    ["eval", "evals/qa.yaml", "<!-- llmops:eval:evals/qa.yaml -->"],
  ])("%s:%s", (k, key, want) => expect(renderMarker(k, key)).toBe(want));
  test.each([["eval", "a -->b"], ["", "x"], ["eval", "x y"], ["eval", "-x"]])("rejects %j:%j", (k, key) => {
    expect(() => renderMarker(k, key)).toThrow(/comment marker/);
  });
  test("hasMarker needs the marker alone on the first line", () => {
    expect(hasMarker(`${MARKER}\nbody`, MARKER)).toBe(true);
    expect(hasMarker(`\n  ${MARKER}\nbody`, MARKER)).toBe(true);
    expect(hasMarker(`quote: ${MARKER}\nbody`, MARKER)).toBe(false);
    expect(hasMarker(`<!-- llmops:eval:qa2 -->\nbody`, MARKER)).toBe(false);
  });
});

describe("findOwnStickyComments", () => {
  test("only our identity's comments with the marker, oldest first; case-insensitive login", () => {
    const c = new MemoryGitHubClient();
    const a = c.seed(1, "GitHub-Actions[bot]", `${MARKER}\nA`);
    c.seed(1, "mallory", `${MARKER}\nforged`);
    c.seed(1, BOT, "no marker");
    c.seed(1, null, `${MARKER}\nghost`);
    const b = c.seed(1, BOT, `${MARKER}\nB`);
    expect(findOwnStickyComments([...c.comments].reverse(), MARKER, BOT).map((x) => x.id)).toEqual([a.id, b.id]);
  });
});

describe("upsertStickyComment", () => {
  test("creates when none exists, with the marker on the first line", async () => {
    const c = new MemoryGitHubClient(BOT);
    const r = await upsertStickyComment(c, { issueNumber: 5, marker: MARKER, body: "report", identity: BOT }, silentLogger);
    expect(r.action).toBe("created");
    expect(c.comments.map((x) => x.body)).toEqual([`${MARKER}\nreport`]);
  });

  test("updates ours in place; never touches another user's comment with the same marker", async () => {
    const c = new MemoryGitHubClient(BOT);
    const forged = c.seed(5, "mallory", `${MARKER}\nmallory's`);
    const ours = c.seed(5, BOT, `${MARKER}\nold`);
    const r = await upsertStickyComment(c, { issueNumber: 5, marker: MARKER, body: "new", identity: BOT }, silentLogger);
    expect(r).toMatchObject({ action: "updated", comment: { id: ours.id }, deletedIds: [] });
    expect(c.comments.find((x) => x.id === forged.id)?.body).toBe(`${MARKER}\nmallory's`);
    expect(c.comments.find((x) => x.id === ours.id)?.body).toBe(`${MARKER}\nnew`);
  });

  test("skips an unchanged body (no write at all)", async () => {
    const c = new MemoryGitHubClient(BOT);
    c.seed(5, BOT, `${MARKER}\nsame\n`);
    const r = await upsertStickyComment(c, { issueNumber: 5, marker: MARKER, body: "same", identity: BOT }, silentLogger);
    expect(r.action).toBe("unchanged");
    expect(c.calls).toEqual(["list 5"]);
  });

  test("another user's marker comment does not count: we create our own", async () => {
    const c = new MemoryGitHubClient(BOT);
    c.seed(5, "mallory", `${MARKER}\nforged`);
    const r = await upsertStickyComment(c, { issueNumber: 5, marker: MARKER, body: "x", identity: BOT }, silentLogger);
    expect(r.action).toBe("created");
    expect(c.comments).toHaveLength(2);
  });

  test("a race: another job created one between our list and our create → one comment remains, the oldest, with our body", async () => {
    const c = new MemoryGitHubClient(BOT);
    let other = 0;
    c.afterList = () => {
      other = c.seed(5, BOT, `${MARKER}\nfrom the other job`).id;
    };
    const r = await upsertStickyComment(c, { issueNumber: 5, marker: MARKER, body: "ours", identity: BOT }, silentLogger);
    expect(c.comments.map((x) => [x.id, x.body])).toEqual([[other, `${MARKER}\nours`]]);
    expect(r.action).toBe("updated");
    expect(r.deletedIds).toHaveLength(1);
  });

  test("duplicates left by an earlier race are folded on the next run", async () => {
    const c = new MemoryGitHubClient(BOT);
    const first = c.seed(5, BOT, `${MARKER}\nA`);
    c.seed(5, BOT, `${MARKER}\nB`);
    const r = await upsertStickyComment(c, { issueNumber: 5, marker: MARKER, body: "C", identity: BOT }, silentLogger);
    expect(r.comment.id).toBe(first.id);
    expect(c.comments.map((x) => x.body)).toEqual([`${MARKER}\nC`]);
  });

  test("an over-long body is cut to GitHub's limit and says so", () => {
    const { text, truncated } = renderStickyBody(MARKER, "x".repeat(100_000), "See the artifact.");
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(text.startsWith(`${MARKER}\n`)).toBe(true);
    expect(text).toContain("Truncated: ");
    expect(text).toContain("See the artifact.");
  });
});

describe("stripLeadingMarker", () => {
  test.each([
    ["<!-- llmops:eval:qa -->\n## Report", "## Report"],
    ["\n<!-- llmops:eval:qa -->\r\nx", "x"],
    ["## Report\n<!-- llmops:eval:qa -->", "## Report\n<!-- llmops:eval:qa -->"],
    ["<!-- other -->\nx", "<!-- other -->\nx"],
  ])("%j", (input, want) => expect(stripLeadingMarker(input)).toBe(want));
});

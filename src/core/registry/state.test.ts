// The registry state rebuilt from tags, checked against the tables in GTO's README: the churn
// history (`gto history churn`) must give `gto show`'s row and `gto show churn`'s versions.
import { describe, expect, test } from "vitest";
import { computeHistory, renderArtifactTable, renderRegistryTable } from "./render.js";
import { computeRegistryState, nextCounter, type TagRecord } from "./state.js";

const A = "708402b".padEnd(40, "0");
const B = "dd5fb99".padEnd(40, "0");
const tag = (t: string, commit: string, createdAt: string, annotated = true): TagRecord => ({ tag: t, annotated, commit, createdAt, commitDate: createdAt, author: "a", message: "m" });

// GTO README, `gto history churn` (timestamps as printed there, UTC).
const churn: TagRecord[] = [
  tag("churn#dev#4", B, "2022-09-02T08:05:30Z"),
  tag("churn#prod#3", A, "2022-09-01T04:18:50Z"),
  tag("churn#staging#2", B, "2022-08-31T00:32:10Z"),
  tag("churn#dev#1", A, "2022-08-29T20:45:30Z"),
  tag("churn@v3.1.0", B, "2022-08-28T16:58:50Z"),
  tag("churn@v3.0.0", A, "2022-08-24T01:52:10Z"),
];

describe("registry state (GTO's README example)", () => {
  const state = computeRegistryState(churn);
  const c = state.artifacts[0]!;

  test("gto show: churn | v3.1.0 | #dev v3.1.0 | #prod v3.0.0 | #staging v3.1.0", () => {
    expect(state.stages).toEqual(["dev", "prod", "staging"]);
    expect(c.latest).toBe("v3.1.0");
    expect(c.stages).toEqual({ dev: "v3.1.0", prod: "v3.0.0", staging: "v3.1.0" });
    expect(renderRegistryTable(state)).toBe(
      ["| name  | latest | #dev   | #prod  | #staging |", "| ----- | ------ | ------ | ------ | -------- |", "| churn | v3.1.0 | v3.1.0 | v3.0.0 | v3.1.0   |"].join("\n"),
    );
  });

  test("gto show churn: v3.1.0 in dev, staging; v3.0.0 in prod", () => {
    expect(c.versions.map((v) => [v.version, v.stages.join(", "), v.tag])).toEqual([
      ["v3.1.0", "dev, staging", "churn@v3.1.0"],
      ["v3.0.0", "prod", "churn@v3.0.0"],
    ]);
    expect(renderArtifactTable(c)).toContain("| churn    | v3.1.0  | dev, staging | 2022-08-28 16:58:50 | churn@v3.1.0 |");
  });

  test("gto history churn: the same rows, newest first, with commit rows", () => {
    const dates = new Map([[A, "2022-08-22T22:05:30Z"], [B, "2022-08-27T13:12:10Z"]]);
    expect(computeHistory(c, dates).map((r) => [r.timestamp, r.event, r.version, r.stage, r.commit, r.ref])).toEqual([
      ["2022-09-02 08:05:30", "assignment", "v3.1.0", "dev", "dd5fb99", "churn#dev#4"],
      ["2022-09-01 04:18:50", "assignment", "v3.0.0", "prod", "708402b", "churn#prod#3"],
      ["2022-08-31 00:32:10", "assignment", "v3.1.0", "staging", "dd5fb99", "churn#staging#2"],
      ["2022-08-29 20:45:30", "assignment", "v3.0.0", "dev", "708402b", "churn#dev#1"],
      ["2022-08-28 16:58:50", "registration", "v3.1.0", "-", "dd5fb99", "churn@v3.1.0"],
      ["2022-08-27 13:12:10", "commit", "v3.1.0", "-", "dd5fb99", "dd5fb99"],
      ["2022-08-24 01:52:10", "registration", "v3.0.0", "-", "708402b", "churn@v3.0.0"],
      ["2022-08-22 22:05:30", "commit", "v3.0.0", "-", "708402b", "708402b"],
    ]);
  });

  test("the counter is artifact-wide: the next assignment is #5", () => {
    expect(nextCounter(churn, "churn")).toBe(5);
    expect(nextCounter(churn, "other")).toBe(1);
  });
});

describe("registry state rules", () => {
  const t0 = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();

  test("unassigning empties the stage (GTO README: awesome-model#prod!#2)", () => {
    const s = computeRegistryState([tag("awesome-model@v0.0.1", A, t0(1)), tag("awesome-model#prod#1", A, t0(2)), tag("awesome-model#prod!#2", A, t0(3))]);
    expect(s.artifacts[0]!.stages).toEqual({});
    expect(s.stages).toEqual(["prod"]);
    expect(renderRegistryTable(s)).toContain("| awesome-model | v0.0.1 | -     |");
  });

  test("deregistering drops the version from latest and its stages", () => {
    const s = computeRegistryState([tag("m@v1.0.0", A, t0(1)), tag("m@v1.1.0", B, t0(2)), tag("m#prod#1", B, t0(3)), tag("m@v1.1.0!", B, t0(4))]);
    const m = s.artifacts[0]!;
    expect(m.latest).toBe("v1.0.0");
    expect(m.stages).toEqual({});
    expect(m.versions.map((v) => v.version)).toEqual(["v1.0.0"]);
  });

  test("deprecation hides the artifact until it is registered again", () => {
    const tags = [tag("m@v1.0.0", A, t0(1)), tag("m@deprecated", A, t0(2))];
    expect(computeRegistryState(tags).artifacts[0]!.deprecated).toBe(true);
    expect(renderRegistryTable(computeRegistryState(tags))).not.toContain("| m ");
    expect(computeRegistryState([...tags, tag("m@v1.0.1", B, t0(3))]).artifacts[0]!.deprecated).toBe(false);
  });

  test("a lightweight tag is ignored, with the reason", () => {
    const s = computeRegistryState([tag("m@v1.0.0", A, t0(1), false)]);
    expect(s.artifacts).toEqual([]);
    expect(s.ignored).toEqual([{ tag: "m@v1.0.0", reason: expect.stringContaining("lightweight tag") }]);
  });

  test("an assignment to an unregistered commit names the version by its commit, as GTO does", () => {
    const s = computeRegistryState([tag("m#dev#1", A, t0(1))]);
    expect(s.artifacts[0]!.stages).toEqual({ dev: "708402b" });
    expect(s.artifacts[0]!.latest).toBeNull();
  });

  test("declared artifacts without tags show with an asterisk", () => {
    const s = computeRegistryState([], ["annotated"]);
    expect(renderRegistryTable(s)).toContain("| *annotated | -      |");
  });

  test("re-assigning a stage to an older version is a rollback: the latest assignment wins", () => {
    const s = computeRegistryState([tag("m@v1.0.0", A, t0(1)), tag("m@v1.1.0", B, t0(2)), tag("m#prod#1", A, t0(3)), tag("m#prod#2", B, t0(4)), tag("m#prod#3", A, t0(5))]);
    expect(s.artifacts[0]!.stages).toEqual({ prod: "v1.0.0" });
  });
});

// Table tests ported from GTO's documented tag names (README, `gto check-ref`, `gto deprecate` examples).
import { describe, expect, test } from "vitest";
import { bumpVersion, compareVersions, explainMalformedTag, formatRegistryTag, parseRegistryTag, parseShortcut, type RegistryTag } from "./tag-grammar.js";

const cases: Array<[string, RegistryTag]> = [
  ["churn@v3.1.0", { action: "register", artifact: "churn", version: "v3.1.0", counter: null }],
  ["awesome-model@v0.0.1", { action: "register", artifact: "awesome-model", version: "v0.0.1", counter: null }],
  ["a2@v1.2.3#1", { action: "register", artifact: "a2", version: "v1.2.3", counter: 1 }],
  ["awesome-model@v0.0.1!", { action: "deregister", artifact: "awesome-model", version: "v0.0.1", counter: null }],
  ["churn#staging#2", { action: "assign", artifact: "churn", stage: "staging", counter: 2 }],
  ["churn#prod#3", { action: "assign", artifact: "churn", stage: "prod", counter: 3 }],
  ["churn#dev#4", { action: "assign", artifact: "churn", stage: "dev", counter: 4 }],
  ["demo-model#prod", { action: "assign", artifact: "demo-model", stage: "prod", counter: null }],
  ["awesome-model#prod!#2", { action: "unassign", artifact: "awesome-model", stage: "prod", counter: 2 }],
  ["awesome-model@deprecated", { action: "deprecate", artifact: "awesome-model", counter: null }],
  ["models/nlp=sentiment@v1.0.0", { action: "register", artifact: "models/nlp:sentiment", version: "v1.0.0", counter: null }],
  ["sub/dir=name#prod#7", { action: "assign", artifact: "sub/dir:name", stage: "prod", counter: 7 }],
  ["rc@v1.0.0-rc.1+build.5", { action: "register", artifact: "rc", version: "v1.0.0-rc.1+build.5", counter: null }],
];

describe("GTO tag grammar", () => {
  test.each(cases)("%s parses and formats back", (tag, parsed) => {
    expect(parseRegistryTag(tag)).toEqual(parsed);
    expect(formatRegistryTag(parsed)).toBe(tag);
  });

  test.each([
    ["v1.0.0", "an ordinary release tag"],
    ["churn@1.0.0", "version without v"],
    ["Churn@v1.0.0", "uppercase name"],
    ["churn-@v1.0.0", "name ending in -"],
    ["churn#Prod#1", "uppercase stage"],
    ["churn@v1.0", "not SemVer"],
    ["churn@v01.0.0", "leading zero"],
    ["churn#prod#x", "counter not a number"],
    ["churn@created", "GTO-internal event llmops does not use"],
  ])("%s is not a registry tag (%s)", (tag) => {
    expect(parseRegistryTag(tag)).toBeNull();
  });

  test.each([
    ["churn@1.0.0", /version "1.0.0" is not valid/],
    ["Churn@v1.0.0", /artifact name "Churn" is not valid/],
    ["churn#Prod#1", /stage "Prod" is not valid/],
    ["churn", /neither "@"/],
  ])("%s is explained", (tag, why) => {
    expect(explainMalformedTag(tag)).toMatch(why);
  });

  test("shortcuts as gto show takes them", () => {
    expect(parseShortcut("churn#prod")).toEqual({ artifact: "churn", kind: "stage", stage: "prod" });
    expect(parseShortcut("churn@greatest")).toEqual({ artifact: "churn", kind: "greatest" });
    expect(parseShortcut("churn@latest")).toEqual({ artifact: "churn", kind: "latest" });
    expect(parseShortcut("churn@v3.0.0")).toEqual({ artifact: "churn", kind: "version", version: "v3.0.0" });
    expect(parseShortcut("sub/dir:churn")).toEqual({ artifact: "sub/dir:churn", kind: "artifact" });
    expect(parseShortcut("Churn")).toBeNull();
  });

  test("SemVer precedence (semver.org §11 example chain)", () => {
    const chain = ["v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-alpha.beta", "v1.0.0-beta", "v1.0.0-beta.2", "v1.0.0-beta.11", "v1.0.0-rc.1", "v1.0.0", "v1.0.1", "v1.10.0", "v2.0.0"];
    for (let i = 1; i < chain.length; i++) expect(compareVersions(chain[i - 1]!, chain[i]!)).toBeLessThan(0);
    expect(compareVersions("v1.0.0+a", "v1.0.0+b")).toBe(0);
  });

  test("GTO's auto-bump: v0.0.1 first, then the patch of the greatest", () => {
    expect(bumpVersion(null)).toBe("v0.0.1");
    expect(bumpVersion("v3.1.0")).toBe("v3.1.1");
    expect(bumpVersion("v3.1.0", "minor")).toBe("v3.2.0");
    expect(bumpVersion("v3.1.0-rc.1", "major")).toBe("v4.0.0");
  });
});

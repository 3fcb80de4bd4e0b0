import { describe, expect, it } from "vitest";
import { userCwd } from "./context.js";

describe("userCwd", () => {
  it("uses INIT_CWD under npm run (started in the package root)", () => {
    expect(userCwd({ INIT_CWD: "/repo/evals", npm_package_json: "/repo/package.json" }, "/repo")).toBe("/repo/evals");
  });
  it("uses the process's directory when the npm script changed directory first", () => {
    expect(userCwd({ INIT_CWD: "/repo", npm_package_json: "/repo/package.json" }, "/repo/sub")).toBe("/repo/sub");
  });
  it("uses INIT_CWD when no package.json is known, and the process's directory without INIT_CWD", () => {
    expect(userCwd({ INIT_CWD: "/repo/evals" }, "/repo")).toBe("/repo/evals");
    expect(userCwd({}, "/repo")).toBe("/repo");
    expect(userCwd({ INIT_CWD: "relative" }, "/repo")).toBe("/repo");
  });
});

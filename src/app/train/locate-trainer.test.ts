import { describe, expect, it } from "vitest";
import { defaultPythons } from "./locate-trainer.js";

describe("defaultPythons", () => {
  it("tries python3, then the system one", () => {
    expect(defaultPythons({})).toEqual(["python3", "/usr/bin/python3"]);
  });
  it("tries only $LLMOPS_PYTHON when it is set, so a wrong value is reported, not silently replaced", () => {
    expect(defaultPythons({ LLMOPS_PYTHON: "/opt/venv/bin/python" })).toEqual(["/opt/venv/bin/python"]);
  });
});

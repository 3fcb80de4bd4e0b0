// Runs the reference trainer's Python unit tests (safetensors IO, model, data, schedule).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const PY = "/usr/bin/python3";
const hasTorch = spawnSync(PY, ["-c", "import torch"]).status === 0;
if (!hasTorch) console.warn(`skipping the reference trainer's Python unit tests: ${PY} cannot import torch (install python3-torch)`);

describe.skipIf(!hasTorch)("reference trainer Python unit tests", () => {
  it("pass", () => {
    const root = new URL("../..", import.meta.url).pathname;
    const r = spawnSync(PY, ["-m", "unittest", "discover", "-s", "trainers/reference/tests"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toMatch(/Ran \d+ tests/);
    expect(r.status, r.stderr).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { formatDuration, renderProgressLine } from "./progress.js";

describe("progress", () => {
  it("renders done/total, rate, ETA and errors", () => {
    expect(renderProgressLine({ label: "eval", done: 50, total: 200, errors: 2, elapsedS: 10, width: 8 })).toBe("eval ██░░░░░░ 50/200 25% 5.0/s ETA 30s errors 2");
  });
  it("says how many requests are waiting to retry and why, leaving out causes at zero", () => {
    expect(renderProgressLine({ label: "eval", done: 50, total: 200, errors: 0, elapsedS: 10, width: 8, retrying: { "429": 3, deadline: 1, reset: 0 } })).toBe(
      "eval ██░░░░░░ 50/200 25% 5.0/s ETA 30s errors 0 retrying 429:3 deadline:1",
    );
  });
  it.each([
    [5.25, "5.3s"],
    [75, "1m15s"],
    [7260, "2h01m"],
    [NaN, "--"],
  ])("formatDuration(%f) = %s", (s, out) => expect(formatDuration(s)).toBe(out));
});

import { describe, expect, it } from "vitest";
import { abortOnSignals } from "./abort-on-signals.js";

describe("abortOnSignals", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("aborts the work on %s, then removes its listeners", async (sig) => {
    const before = process.listenerCount(sig);
    const reason = await abortOnSignals("interrupted", (signal) =>
      new Promise<string>((resolve) => {
        signal.addEventListener("abort", () => resolve((signal.reason as Error).message));
        process.emit(sig, sig);
      }),
    );
    expect(reason).toBe("interrupted");
    expect(process.listenerCount(sig)).toBe(before);
  });

  it("removes its listeners when the work fails", async () => {
    const before = process.listenerCount("SIGINT");
    await expect(abortOnSignals("x", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});

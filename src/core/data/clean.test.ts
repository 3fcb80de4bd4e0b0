import { describe, expect, it } from "vitest";
import { cleanRecord, defaultCleanOptions } from "./clean.js";

describe("cleanRecord", () => {
  it.each([
    {
      name: "NFC and trim",
      rec: { messages: [{ role: "user", content: "  Cafe\u0301 " }, { role: "assistant", content: "ok\n" }] },
      want: { record: { messages: [{ role: "user", content: "Caf\u00e9" }, { role: "assistant", content: "ok" }] }, changed: true },
    },
    { name: "empty assistant dropped", rec: { messages: [{ role: "user", content: "q" }, { role: "assistant", content: "  " }] }, want: { record: null, reason: "empty" } },
    { name: "unchanged", rec: { prompt: "a", completion: "b" }, format: "completion", want: { record: { prompt: "a", completion: "b" }, changed: false } },
    { name: "too long", rec: { prompt: "a b c", completion: "d e f" }, format: "completion", max: 4, want: { record: null, reason: "too_long" } },
  ] as const)("$name", ({ rec, want, ...o }) => {
    const format = ("format" in o && o.format) || "chat";
    const opts = { ...defaultCleanOptions, ...("max" in o ? { maxTokens: o.max } : {}) };
    expect(cleanRecord(format, rec as Record<string, unknown>, opts)).toEqual(want);
  });
});

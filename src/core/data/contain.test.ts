import { describe, expect, it } from "vitest";
import { ContainmentIndex, words } from "./contain.js";

describe("containment of eval cases in training records", () => {
  const longCase = Array.from({ length: 30 }, (_, i) => `token${i}`).join(" ");
  const ix = new ContainmentIndex(["29+14=", "New York", longCase, "x"]);

  it("splits on anything but letters and digits", () => {
    expect(words("What is 29 + 14? Café")).toEqual(["what", "is", "29", "14", "café"]);
  });

  it.each([
    { name: "another template around a short case", prompt: "What is 29 + 14?", full: "", want: 0 },
    { name: "a different sum", prompt: "What is 129 + 14?", full: "", want: -1 },
    { name: "the reverse order", prompt: "What is 14 + 29?", full: "", want: -1 },
    { name: "a short case lost in a long prompt", prompt: "I moved to New York last year and the weather there is wonderful in spring", full: "", want: -1 },
    { name: "a short case that is most of the prompt", prompt: "About New York?", full: "", want: 1 },
    { name: "a 13-word window of a long case anywhere", prompt: "summarise", full: `intro ${Array.from({ length: 13 }, (_, i) => `token${i + 10}`).join(", ")} outro`, want: 2 },
    { name: "12 words of a long case are not enough", prompt: "summarise", full: Array.from({ length: 12 }, (_, i) => `token${i + 10}`).join(" "), want: -1 },
    { name: "cases under the minimum length are ignored", prompt: "x", full: "x", want: -1 },
  ])("$name", ({ prompt, full, want }) => {
    expect(ix.find(prompt, full)).toBe(want);
  });
});

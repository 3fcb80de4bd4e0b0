// The lazy command table says what each command module says (name and summary), and every command
// that prints progress accepts -q.
import { describe, expect, it } from "vitest";
import { commands } from "./commands.js";

describe("the command table", () => {
  it.each(commands.map((c) => [c.name, c] as const))("%s: name and summary match its module; -q is accepted", async (_name, entry) => {
    const cmd = await entry.load();
    expect(cmd.name).toBe(entry.name);
    expect(cmd.summary).toBe(entry.summary);
    if ("quiet" in cmd.options) expect(cmd.options.quiet).toMatchObject({ short: "q" });
  });
});

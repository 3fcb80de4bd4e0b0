import { describe, expect, it } from "vitest";
import { DatasetValidator, firstInvalidUtf8, type ValidateOptions } from "./validate.js";

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === "string" ? Buffer.from(p) : p;
}

async function run(text: string | Uint8Array, opts: Partial<ValidateOptions> = {}) {
  const v = new DatasetValidator(opts);
  await v.validateJsonl("f.jsonl", "jsonl", text.length, chunks(text));
  return v.report();
}

const ok = (msgs: unknown) => JSON.stringify({ messages: msgs });
const u = (c: unknown) => ({ role: "user", content: c });
const a = (c: unknown) => ({ role: "assistant", content: c });

describe("DatasetValidator on JSONL", () => {
  it.each([
    { name: "valid chat", line: ok([u("hi"), a("hello")]), kinds: [] },
    { name: "unknown role with a hint", line: ok([{ role: "asistant", content: "x" }]), kinds: ["unknown_role"], path: "messages[0].role", msg: /did you mean "assistant"/ },
    { name: "missing role", line: ok([{ content: "x" }, a("y")]), kinds: ["missing_role"], path: "messages[0].role" },
    { name: "no assistant turn", line: ok([u("hi")]), kinds: ["no_assistant_turn"], path: "messages" },
    { name: "content of wrong type", line: ok([u(5), a("x")]), kinds: ["wrong_type"], path: "messages[0].content" },
    { name: "messages not a list", line: JSON.stringify({ messages: "hi" }), kinds: ["wrong_type"], path: "messages" },
    { name: "empty messages", line: ok([]), kinds: ["empty_messages"] },
    { name: "tool calls", line: ok([u("w?"), { role: "assistant", content: null, tool_calls: [{ id: "1", type: "function", function: { name: "f", arguments: "{}" } }] }, { role: "tool", content: "1", tool_call_id: "1" }, a("done")]), kinds: [] },
    { name: "bad tool call", line: ok([u("w?"), { role: "assistant", tool_calls: [{ function: {} }] }]), kinds: ["wrong_type"], path: "messages[1].tool_calls[0].function.name" },
    { name: "instruction", line: JSON.stringify({ instruction: "do", input: "", output: "done" }), kinds: [] },
    { name: "instruction output wrong type", line: JSON.stringify({ instruction: "do", output: 3 }), kinds: ["wrong_type"], path: "output" },
    { name: "completion", line: JSON.stringify({ prompt: "a", completion: "b" }), kinds: [] },
    { name: "preference", line: JSON.stringify({ prompt: "a", chosen: "b", rejected: "c" }), kinds: [] },
    { name: "preference rejected null", line: JSON.stringify({ prompt: "a", chosen: "b", rejected: null }), kinds: ["wrong_type"], path: "rejected" },
    { name: "unknown format", line: JSON.stringify({ text: "x" }), kinds: ["unknown_format"] },
    { name: "not an object", line: "[1,2]", kinds: ["not_an_object"] },
    { name: "invalid JSON", line: `{"messages": [}`, kinds: ["invalid_json"] },
    { name: "duplicate key", line: `{"messages":[{"role":"user","role":"assistant","content":"x"}]}`, kinds: ["duplicate_key"], path: "messages[0].role" },
  ])("$name", async ({ line, kinds, path, msg }: { line: string; kinds: string[]; path?: string; msg?: RegExp }) => {
    const r = await run(`${line}\n`);
    expect(r.issues.filter((i) => i.severity === "error").map((i) => i.kind)).toEqual(kinds);
    if (path) expect(r.issues[0]!.path).toBe(path);
    if (msg) expect(r.issues[0]!.message).toMatch(msg);
    if (kinds.length) expect(r.issues[0]!.line).toBe(1);
  });

  it("names the line of each problem and counts by kind", async () => {
    const good = ok([u("a"), a("b")]);
    const r = await run([good, ok([u("a")]), good, "{bad", good, ok([{ role: "bot", content: "x" }])].join("\n") + "\n");
    expect(r.issues.map((i) => [i.line, i.kind])).toEqual([
      [2, "no_assistant_turn"],
      [4, "invalid_json"],
      [6, "unknown_role"],
    ]);
    expect(r).toMatchObject({ records: 6, valid: 3, invalid: 3, errors: 3, errorsByKind: { no_assistant_turn: 1, invalid_json: 1, unknown_role: 1 } });
  });

  it("truncated last line, BOM, CRLF, blank lines", async () => {
    const good = ok([u("a"), a("b")]);
    const r = await run(`\uFEFF${good}\r\n\r\n${good}\r\n{"messages": [`);
    expect(r.issues.map((i) => [i.line, i.severity, i.kind])).toEqual([
      [1, "warning", "crlf"],
      [1, "warning", "bom"],
      [2, "warning", "blank_line"],
      [4, "error", "truncated_line"],
    ]);
    expect(r.valid).toBe(2);
  });

  it("strict makes warnings errors", async () => {
    const r = await run(`\uFEFF${ok([u("a"), a("b")])}\n`, { strict: true });
    expect(r.errorsByKind).toEqual({ bom: 1 });
  });

  it("invalid UTF-8 names the byte", async () => {
    const line = Buffer.concat([Buffer.from(`{"messages":[{"role":"user","content":"ab`), Buffer.from([0xc3, 0x28]), Buffer.from(`"}]}\n`)]);
    const r = await run(line);
    expect(r.issues[0]).toMatchObject({ kind: "invalid_utf8", line: 1 });
    expect(r.issues[0]!.message).toContain(`byte ${line.indexOf(0xc3) + 1}`);
  });

  it("invalid UTF-8 is found in a line across chunks and among valid lines of a chunk", async () => {
    const good = ok([u("a"), a("b")]);
    const v = new DatasetValidator();
    await v.validateJsonl("f", "jsonl", 0, chunks(`${good}\n{"messages":[{"role":"user","content":"`, Uint8Array.from([0xe2, 0x28, 0xa1]), `"}]}\n${good}\n`, Buffer.concat([Buffer.from(`${good}\n{"x":"`), Buffer.from([0xff]), Buffer.from(`"}\n${good}\n`)])));
    const r = v.report();
    expect(r.issues.map((i) => [i.line, i.kind])).toEqual([
      [2, "invalid_utf8"],
      [5, "invalid_utf8"],
    ]);
    expect(r.valid).toBe(4);
  });

  it("empty file", async () => {
    const r = await run("");
    expect(r.errorsByKind).toEqual({ empty_file: 1 });
  });

  it("a line over the limit is reported without being buffered", async () => {
    const r = await run(`${"x".repeat(5000)}\n${ok([u("a"), a("b")])}\n`, { maxLineBytes: 1000 });
    expect(r.issues.map((i) => [i.line, i.kind])).toEqual([[1, "line_too_long"]]);
    expect(r.valid).toBe(1);
  });

  it("error budget: stop after N, keep first K", async () => {
    const r = await run("x\n".repeat(100), { maxErrors: 10, reportLimit: 3 });
    expect(r.errors).toBe(10);
    expect(r.issues).toHaveLength(3);
    expect(r.stoppedEarly).toBe(true);
    expect(r.files[0]!.stoppedEarly).toBe(true);
  });

  it("a declared format rejects records of another", async () => {
    const r = await run(`${JSON.stringify({ prompt: "a", completion: "b" })}\n`, { format: "chat" });
    expect(r.errorsByKind).toEqual({ format_mismatch: 1 });
  });

  it("visits valid records only, with their location", async () => {
    const seen: string[] = [];
    const v = new DatasetValidator().onRecord((rec, ctx) => seen.push(`${ctx.line}:${ctx.format}:${String(rec.prompt)}`));
    await v.validateJsonl("f", "jsonl", 0, chunks(`{"prompt":"a","completion":"b"}\n{"prompt":1,"completion":"b"}\n{"prompt":"c","completion":"d"}\n`));
    expect(seen).toEqual(["1:completion:a", "3:completion:c"]);
  });
});

describe("DatasetValidator on Parquet row groups", () => {
  it("reports row group and row; a read failure is an issue, not a crash", async () => {
    async function* groups() {
      yield { rowGroup: 0, firstRow: 0, rows: [{ prompt: "a", completion: "b" }] };
      yield { rowGroup: 1, firstRow: 1, rows: [{ prompt: "a", completion: null }] };
      throw new Error("boom");
    }
    const v = new DatasetValidator();
    await v.validateParquet("f.parquet", 10, groups());
    const r = v.report();
    expect(r.issues.map((i) => [i.rowGroup, i.row, i.kind, i.path])).toEqual([
      [1, 1, "wrong_type", "completion"],
      [undefined, undefined, "invalid_parquet", ""],
    ]);
  });
});

describe("firstInvalidUtf8", () => {
  it.each([
    { bytes: [0x61, 0xff], at: 1 },
    { bytes: [0x61, 0xe2, 0x82], at: 1 },
    { bytes: [0xe2, 0x82, 0xac, 0x80], at: 3 },
  ])("$bytes", ({ bytes, at }) => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at));
});

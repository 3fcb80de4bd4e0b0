import { describe, expect, it } from "vitest";
import { countParsedKeys, countRawKeys, findDuplicateKey } from "./json-keys.js";

describe("duplicate JSON keys", () => {
  it.each([
    { text: `{"a":1,"b":2}`, dup: undefined },
    { text: `{"a":1,"a":2}`, dup: { path: "", key: "a" } },
    { text: `{"m":[{"role":"user","content":"x","content":"y"}]}`, dup: { path: "m[0]", key: "content" } },
    { text: `{"x":{"y":{"z":1,"z":2}}}`, dup: { path: "x.y", key: "z" } },
    { text: `{"a":"has \\"a\\": quote","b":"c:d"}`, dup: undefined },
    { text: `{"a":"ends with backslash\\\\","a":1}`, dup: { path: "", key: "a" } },
    { text: `{ "a" : 1 , "b" : [ ] , "a" : null }`, dup: { path: "", key: "a" } },
    { text: `{"\\u0061":1,"a":2}`, dup: { path: "", key: "a" } },
  ])("$text", ({ text, dup }) => {
    const parsed: unknown = JSON.parse(text);
    const differs = countRawKeys(text) !== countParsedKeys(parsed);
    expect(differs).toBe(dup !== undefined);
    expect(findDuplicateKey(text)).toEqual(dup);
  });
});

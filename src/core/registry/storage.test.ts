import { describe, expect, test } from "vitest";
import { parseLfsPointer, parseStorageUri } from "./storage.js";

describe("storage URIs", () => {
  test.each([
    ["models/demo", { kind: "repo", path: "models/demo" }],
    ["./models/demo.gguf", { kind: "repo", path: "models/demo.gguf" }],
    ["https://github.com/octo-org/llm-app/releases/download/demo-model%40v0.1.0/model.gguf", { kind: "github-release", repository: "octo-org/llm-app", tag: "demo-model@v0.1.0", asset: "model.gguf" }],
    ["hf://org/tiny@0123abc", { kind: "hf", repo: "org/tiny", revision: "0123abc", file: null }],
    ["hf://org/tiny@main//model.gguf", { kind: "hf", repo: "org/tiny", revision: "main", file: "model.gguf" }],
    [`oci://ghcr.io/org/model@sha256:${"a".repeat(64)}`, { kind: "oci", reference: "ghcr.io/org/model", digest: `sha256:${"a".repeat(64)}` }],
  ])("%s", (uri, parsed) => {
    expect(parseStorageUri(uri)).toEqual(parsed);
  });

  test.each([
    ["hf://org/tiny", /not a Hugging Face URI/],
    ["oci://ghcr.io/org/model:latest", /not a pinned OCI reference/],
    ["s3://bucket/key", /not supported/],
    ["../outside", /leaves the repository/],
    ["/etc/passwd", /leaves the repository/],
  ])("%s is refused", (uri, why) => {
    expect(() => parseStorageUri(uri)).toThrow(why);
  });

  test("Git LFS pointers (the spec's example)", () => {
    const p = `version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n`;
    expect(parseLfsPointer(new TextEncoder().encode(p))).toEqual({ oid: "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393", size: 12345 });
    expect(parseLfsPointer(new TextEncoder().encode("GGUF...."))).toBeNull();
  });
});

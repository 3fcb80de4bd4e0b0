// Storage URIs resolved over loopback servers and verified by content hash: a GitHub release asset
// (through the stateful GitHub fake) and a Hugging Face Hub repo at a revision (a loopback Hub).
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { GitCli } from "../../src/adapters/git/git-cli.js";
import { resolveArtifact } from "../../src/app/registry/resolve-artifact.js";
import { tempDir } from "../support/cli.js";
import { FakeGitHub } from "../support/fake-github.js";

const sha = (s: string | Buffer) => `sha256:${createHash("sha256").update(s).digest("hex")}`;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

function startHub(files: Record<string, string>, revisionSha: string): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
    const u = new URL(req.url ?? "/", "http://x");
    const info = /^\/api\/models\/([^/]+\/[^/]+)\/revision\/(.+)$/.exec(u.pathname);
    if (info) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ id: info[1], sha: revisionSha, siblings: [{ rfilename: ".gitattributes" }, ...Object.keys(files).map((f) => ({ rfilename: f }))] }));
    }
    const file = /^\/[^/]+\/[^/]+\/resolve\/([0-9a-f]{40})\/(.+)$/.exec(u.pathname);
    if (file && file[1] === revisionSha && files[decodeURIComponent(file[2]!)] !== undefined) {
      res.writeHead(200);
      return res.end(files[decodeURIComponent(file[2]!)]);
    }
    res.writeHead(404);
    res.end("not found");
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      closers.push(() => new Promise((r) => server.close(() => r())));
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits });
    }),
  );
}

const opts = () => ({ git: new GitCli(tempDir()), commit: "0".repeat(40), workDir: tempDir("llmops-store-") });

describe("artifact storage", () => {
  test("hf://org/name@rev//file downloads the pinned file and hashes its bytes", async () => {
    const rev = "a".repeat(40);
    const hub = await startHub({ "model.gguf": "GGUF-bytes", "config.json": "{}" }, rev);
    const r = await resolveArtifact("hf://org/tiny@main//model.gguf", { ...opts(), hfEndpoint: hub.url, hfToken: "hf_secret" });
    expect(r).toMatchObject({ storage: "hf", sha256: sha("GGUF-bytes"), bytes: 10, single: true, pinned: rev });
    expect(hub.hits).toContain(`GET /org/tiny/resolve/${rev}/model.gguf Bearer hf_secret`);
  });

  test("hf://org/name@rev (a whole repo) gets the directory content hash", async () => {
    const hub = await startHub({ "model.safetensors": "w", "config.json": "{}" }, "b".repeat(40));
    const r = await resolveArtifact("hf://org/tiny@v1", { ...opts(), hfEndpoint: hub.url });
    const h = createHash("sha256").update("config.json\x002\x00{}").update("model.safetensors\x001\x00w").digest("hex");
    expect(r).toMatchObject({ sha256: `sha256:${h}`, bytes: 3, single: false });
  });

  test("a missing Hub file is an external error naming the repo", async () => {
    const hub = await startHub({}, "c".repeat(40));
    await expect(resolveArtifact("hf://org/tiny@main//nope.gguf", { ...opts(), hfEndpoint: hub.url })).rejects.toThrow("org/tiny@main has no file nope.gguf");
  });

  test("a GitHub release asset is fetched through the API and hashed", async () => {
    const gh = new FakeGitHub();
    gh.addToken("tok", { login: "x", canGetUser: false, permissions: ["contents"] });
    const url = await gh.start();
    closers.push(() => gh.close());
    gh.releases.push({ id: 7, tag_name: "demo-model@v0.1.0", name: "", body: "", draft: false, prerelease: false, target_commitish: "main", make_latest: "true", assets: [{ id: 8, name: "model.gguf", data: Buffer.from("asset-bytes") }] });
    const r = await resolveArtifact("https://github.com/octo-org/llm-app/releases/download/demo-model%40v0.1.0/model.gguf", { ...opts(), githubApiUrl: url, githubToken: "tok" });
    expect(r).toMatchObject({ storage: "github-release", sha256: sha("asset-bytes"), bytes: 11 });
    await expect(resolveArtifact("https://github.com/octo-org/llm-app/releases/download/demo-model%40v0.1.0/other.bin", { ...opts(), githubApiUrl: url, githubToken: "tok" })).rejects.toThrow("has no asset named other.bin");
  });

  test("an OCI reference is parsed but refused with what to do instead", async () => {
    await expect(resolveArtifact(`oci://ghcr.io/o/m@sha256:${"d".repeat(64)}`, opts())).rejects.toThrow(/not fetched by this version/);
  });
});

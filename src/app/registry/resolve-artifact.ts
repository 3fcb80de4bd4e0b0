// Fetch an artifact's bytes from where artifacts.yaml says they live and hash them: a file's hash is
// the sha256 of its bytes (what `sha256sum`, Git LFS and the Hub report); a directory's is llmops's
// content hash (sha256 over sorted `<path>\0<size>\0<bytes>`, as `llmops train` records model-hash).
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ExternalError, InputError } from "../../errors.js";
import { parseLfsPointer, parseStorageUri, type StorageUri } from "../../core/registry/storage.js";
import { createContentHasher, sortForHash } from "../../core/train/content-hash.js";
import type { GitCli } from "../../adapters/git/git-cli.js";
import { sha256File } from "../fs/sha256-file.js";

export interface ResolvedArtifact {
  uri: string;
  storage: StorageUri["kind"];
  sha256: string;
  bytes: number;
  /** Whether the uri names one file (hash = sha256 of its bytes) or a directory (content hash). */
  single: boolean;
  /** Where the bytes were written, when they were materialised; null for an LFS pointer not pulled. */
  localPath: string | null;
  /** What pinned the bytes: the commit, the Hub's resolved revision, the release asset id. */
  pinned: string;
  /** A Git LFS pointer whose content was not present here: hash taken from the pointer's oid. */
  lfsPointerOnly: boolean;
}

export interface ResolveOptions {
  git: GitCli;
  commit: string;
  /** Where downloaded or extracted files go (a directory llmops owns). */
  workDir: string;
  githubApiUrl?: string;
  githubToken?: string;
  hfEndpoint?: string;
  hfToken?: string;
  timeoutMs?: number;
}

export async function resolveArtifact(uri: string, opts: ResolveOptions): Promise<ResolvedArtifact> {
  const s = parseStorageUri(uri);
  switch (s.kind) {
    case "repo":
      return resolveRepoPath(uri, s.path, opts);
    case "github-release":
      return resolveReleaseAsset(uri, s, opts);
    case "hf":
      return resolveHf(uri, s, opts);
    case "oci":
      throw new ExternalError(`${uri}: OCI artifacts are parsed but not fetched by this version of llmops`, {
        hint: "publish the weights as a GitHub release asset or on the Hub (hf://org/name@rev) for llmops to verify them",
      });
  }
}

async function resolveRepoPath(uri: string, path: string, opts: ResolveOptions): Promise<ResolvedArtifact> {
  const files = await opts.git.listTree(opts.commit, path);
  if (files.length === 0) throw new InputError(`artifact path "${path}" does not exist at commit ${opts.commit.slice(0, 12)}`, { hint: "commit the model there, or point artifacts.yaml's path at where it is" });
  const single = files.length === 1 && files[0]!.path === "";
  const out = join(opts.workDir, "repo", single ? path.split("/").pop()! : path.split("/").pop() || "artifact");
  let lfsPointerOnly = false;
  const materialised: Array<{ rel: string; file: string }> = [];
  for (const f of files) {
    const data = await opts.git.readBlob(f.blob);
    const target = single ? out : join(out, f.path);
    mkdirSync(dirname(target), { recursive: true });
    const pointer = parseLfsPointer(data);
    if (pointer) {
      // The pointer commits to the content (its oid is the sha256); the bytes come from the work tree after `git lfs pull`.
      const worktree = join(opts.git.cwd, path, f.path);
      const present = existsSync(worktree) && statSync(worktree).size === pointer.size && (await sha256File(worktree)) === pointer.oid;
      if (present) {
        await pipeline(createReadStream(worktree), createWriteStream(target));
      } else if (single) {
        lfsPointerOnly = true;
        return { uri, storage: "repo", sha256: `sha256:${pointer.oid}`, bytes: pointer.size, single, localPath: null, pinned: opts.commit, lfsPointerOnly };
      } else {
        throw new ExternalError(`${path}/${f.path} is a Git LFS pointer and its content is not in the work tree`, { hint: "run `git lfs pull` (or actions/checkout with lfs: true) so llmops can hash the directory" });
      }
    } else {
      await pipeline(Readable.from([data]), createWriteStream(target));
    }
    materialised.push({ rel: f.path, file: target });
  }
  const { sha256, bytes } = await hashMaterialised(materialised, single);
  return { uri, storage: "repo", sha256, bytes, single, localPath: out, pinned: opts.commit, lfsPointerOnly };
}

async function resolveReleaseAsset(uri: string, s: Extract<StorageUri, { kind: "github-release" }>, opts: ResolveOptions): Promise<ResolvedArtifact> {
  const api = (opts.githubApiUrl ?? "https://api.github.com").replace(/\/+$/, "");
  const headers: Record<string, string> = { accept: "application/vnd.github+json", "user-agent": "llmops" };
  if (opts.githubToken) headers.authorization = `Bearer ${opts.githubToken}`;
  const releaseUrl = `${api}/repos/${s.repository}/releases/tags/${encodeURIComponent(s.tag)}`;
  const release = (await getJson(releaseUrl, headers, opts)) as { assets?: Array<{ id: number; name: string; size: number }> };
  const asset = release.assets?.find((a) => a.name === s.asset);
  if (!asset) throw new ExternalError(`release ${s.tag} of ${s.repository} has no asset named ${s.asset}`, { hint: `assets there: ${(release.assets ?? []).map((a) => a.name).join(", ") || "none"}` });
  const target = join(opts.workDir, "release", s.asset);
  await download(`${api}/repos/${s.repository}/releases/assets/${asset.id}`, { ...headers, accept: "application/octet-stream" }, target, opts);
  const { sha256, bytes } = await hashMaterialised([{ rel: "", file: target }], true);
  return { uri, storage: "github-release", sha256, bytes, single: true, localPath: target, pinned: `asset ${asset.id}`, lfsPointerOnly: false };
}

async function resolveHf(uri: string, s: Extract<StorageUri, { kind: "hf" }>, opts: ResolveOptions): Promise<ResolvedArtifact> {
  const endpoint = (opts.hfEndpoint ?? "https://huggingface.co").replace(/\/+$/, "");
  const headers: Record<string, string> = { "user-agent": "llmops" };
  if (opts.hfToken) headers.authorization = `Bearer ${opts.hfToken}`;
  const info = (await getJson(`${endpoint}/api/models/${s.repo}/revision/${encodeURIComponent(s.revision)}`, headers, opts)) as { sha?: string; siblings?: Array<{ rfilename: string }> };
  const sha = info.sha;
  if (typeof sha !== "string" || !/^[0-9a-f]{40}$/.test(sha)) throw new ExternalError(`${endpoint}: the Hub did not resolve ${s.repo}@${s.revision} to a commit`);
  const names = s.file ? [s.file] : (info.siblings ?? []).map((x) => x.rfilename).filter((n) => !n.startsWith(".git"));
  if (s.file && !(info.siblings ?? []).some((x) => x.rfilename === s.file)) throw new ExternalError(`${s.repo}@${s.revision} has no file ${s.file}`);
  const out = join(opts.workDir, "hf", s.repo.replace("/", "--"));
  const materialised: Array<{ rel: string; file: string }> = [];
  for (const name of names) {
    if (name.split("/").includes("..") || name.startsWith("/")) throw new ExternalError(`${s.repo}: the Hub listed an unsafe file name ${JSON.stringify(name)}`);
    const target = s.file ? join(out, name.split("/").pop()!) : join(out, name);
    await download(`${endpoint}/${s.repo}/resolve/${sha}/${name.split("/").map(encodeURIComponent).join("/")}`, headers, target, opts);
    materialised.push({ rel: s.file ? "" : name, file: target });
  }
  const single = s.file !== null;
  const { sha256, bytes } = await hashMaterialised(materialised, single);
  return { uri, storage: "hf", sha256, bytes, single, localPath: single ? materialised[0]!.file : out, pinned: sha, lfsPointerOnly: false };
}

async function hashMaterialised(files: Array<{ rel: string; file: string }>, single: boolean): Promise<{ sha256: string; bytes: number }> {
  if (single) {
    const f = files[0]!.file;
    return { sha256: `sha256:${await sha256File(f)}`, bytes: statSync(f).size };
  }
  const byRel = new Map(files.map((f) => [f.rel, f.file]));
  const hasher = createContentHasher();
  let bytes = 0;
  for (const rel of sortForHash([...byRel.keys()])) {
    const file = byRel.get(rel)!;
    const size = statSync(file).size;
    bytes += size;
    hasher.addFile(rel, size);
    for await (const chunk of createReadStream(file)) hasher.addBytes(chunk as Buffer);
  }
  return { sha256: hasher.digest(), bytes };
}

async function getJson(url: string, headers: Record<string, string>, opts: ResolveOptions): Promise<unknown> {
  const res = await request(url, headers, opts);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ExternalError(`GET ${url} answered ${res.status} with a body that is not JSON`);
  }
}

async function download(url: string, headers: Record<string, string>, target: string, opts: ResolveOptions): Promise<void> {
  const res = await request(url, headers, opts);
  mkdirSync(dirname(target), { recursive: true });
  if (!res.body) throw new ExternalError(`GET ${url} answered without a body`);
  await pipeline(Readable.fromWeb(res.body as import("node:stream/web").ReadableStream), createWriteStream(target));
}

async function request(url: string, headers: Record<string, string>, opts: ResolveOptions): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(opts.timeoutMs ?? 120_000) });
  } catch (err) {
    throw new ExternalError(`GET ${url} failed: ${err instanceof Error ? err.message : String(err)}`, { hint: "check the URL and the network; llmops does not retry artifact downloads" });
  }
  if (!res.ok) {
    const hint = res.status === 401 || res.status === 403 ? "the token was refused or lacks access (HF_TOKEN for the Hub, GITHUB_TOKEN with contents: read for releases)" : res.status === 404 ? "check the repository, revision and file name" : undefined;
    throw new ExternalError(`GET ${url} answered ${res.status}`, { hint });
  }
  return res;
}

/** Read a small local file the user named (a summary, a manifest), with its sha256. */
export function readHashed(file: string): { text: string; sha256: string } {
  const buf = readFileSync(file);
  return { text: buf.toString("utf8"), sha256: `sha256:${createHash("sha256").update(buf).digest("hex")}` };
}

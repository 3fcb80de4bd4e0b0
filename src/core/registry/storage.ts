// Where an artifact's bytes live, as artifacts.yaml names them: a path in the repository (Git LFS
// included), a GitHub release asset, a Hugging Face Hub repo at a revision, or an OCI artifact.
import { InputError } from "../../errors.js";

export type StorageUri =
  | { kind: "repo"; path: string }
  | { kind: "github-release"; repository: string; tag: string; asset: string }
  | { kind: "hf"; repo: string; revision: string; file: string | null }
  | { kind: "oci"; reference: string; digest: string };

const RELEASE_URL = /^https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\/releases\/download\/([^/]+)\/([^/]+)$/;
const HF = /^hf:\/\/([\w.-]+\/[\w.-]+)@([\w.\-/]+?)(?:\/\/(.+))?$/;
const OCI = /^oci:\/\/([^@\s]+)@(sha256:[0-9a-f]{64})$/;

/** hf://org/name@rev (a whole repo) or hf://org/name@rev//file.gguf (one file in it). */
export function parseStorageUri(value: string, where = "artifacts.yaml"): StorageUri {
  let m: RegExpExecArray | null;
  if ((m = RELEASE_URL.exec(value))) return { kind: "github-release", repository: m[1]!, tag: decodeURIComponent(m[2]!), asset: decodeURIComponent(m[3]!) };
  if (value.startsWith("hf://")) {
    if (!(m = HF.exec(value))) throw new InputError(`${where}: "${value}" is not a Hugging Face URI`, { hint: "write hf://org/name@revision, or hf://org/name@revision//file for one file; pin the revision (a commit SHA is best)" });
    return { kind: "hf", repo: m[1]!, revision: m[2]!, file: m[3] ?? null };
  }
  if (value.startsWith("oci://")) {
    if (!(m = OCI.exec(value))) throw new InputError(`${where}: "${value}" is not a pinned OCI reference`, { hint: "write oci://registry/name@sha256:<digest> (a tag alone is mutable)" });
    return { kind: "oci", reference: m[1]!, digest: m[2]! };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new InputError(`${where}: storage "${value}" is not supported`, { hint: "use a path in the repository, https://github.com/OWNER/REPO/releases/download/TAG/ASSET, hf://org/name@rev or oci://…@sha256:…" });
  }
  const path = value.replace(/^\.\/+/, "");
  if (path.startsWith("/") || path.split("/").includes("..")) throw new InputError(`${where}: path "${value}" leaves the repository`, { hint: "give a path relative to the repository root" });
  return { kind: "repo", path };
}

/** A Git LFS pointer file (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): its oid is the content's sha256. */
export function parseLfsPointer(data: Uint8Array): { oid: string; size: number } | null {
  if (data.length > 1024) return null;
  const text = new TextDecoder().decode(data);
  if (!text.startsWith("version https://git-lfs.github.com/spec/v1\n")) return null;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  return oid && size ? { oid: oid[1]!, size: Number(size[1]) } : null;
}

// What a deployment needs to know about the promoted artifact, and where the server finds its bytes.
import type { StorageUri } from "../registry/storage.js";

export interface DeployArtifact {
  name: string;
  type: "model" | "adapter" | "prompt" | "dataset";
  version: string;
  uri: string;
  storage: StorageUri;
  sha256: string;
  /** The commit the version was registered on. */
  commit: string;
  /** For adapters: the base model (hf id, hf:// URI or path). */
  baseModel: string | null;
  loraRank: number | null;
  /** The weights are (or were exported to) GGUF. */
  gguf: boolean;
  /** The repository, for release-asset URLs of repo paths (owner/name). */
  repository: string;
}

/** The name clients use, and the versioned alias `/v1/models` also lists (`name:vX.Y.Z`). */
export function servedNames(a: DeployArtifact): { name: string; versioned: string } {
  const name = a.name.replace(/[:/]/g, "-");
  return { name, versioned: `${name}:${a.version}` };
}

/** A DNS-1123 label for Kubernetes object names. */
export function k8sName(a: DeployArtifact): string {
  return a.name.replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "").slice(0, 63) || "model";
}

/** Where the weights are fetched from at deploy time, pinned: a Hub revision, or a URL plus its sha256. */
export type WeightsSource = { kind: "hub"; repo: string; revision: string; file: string | null } | { kind: "url"; url: string; file: string; sha256: string };

export function weightsSource(a: DeployArtifact): WeightsSource {
  const s = a.storage;
  if (s.kind === "hf") return { kind: "hub", repo: s.repo, revision: s.revision, file: s.file };
  const hex = a.sha256.replace(/^sha256:/, "");
  if (s.kind === "github-release") return { kind: "url", url: a.uri, file: s.asset, sha256: hex };
  // A repo path or OCI artifact is published as the version's release asset by the promotion.
  const file = s.kind === "repo" ? s.path.split("/").pop()! : "model";
  const tag = encodeURIComponent(`${a.name.replace(":", "=")}@${a.version}`);
  return { kind: "url", url: `https://github.com/${a.repository}/releases/download/${tag}/${encodeURIComponent(file)}`, file, sha256: hex };
}

// What the registry and promotion need from git. The adapter runs the git CLI with argument arrays;
// tests run it on real repositories in temp directories.
import type { TagRecord } from "../registry/state.js";

export interface TreeFile {
  /** Path relative to the requested directory ('' for the file itself). */
  path: string;
  size: number;
  blob: string;
}

export interface RegistryGit {
  /** Every tag under refs/tags, peeled to its commit, with its annotation. */
  listTags(): Promise<TagRecord[]>;
  /** The commit a revision names; throws naming the revision when there is none. */
  resolveCommit(rev: string): Promise<string>;
  commitDate(commit: string): Promise<string>;
  /** Whether `commit` is reachable from `ref` (e.g. origin/main). */
  isAncestor(commit: string, ref: string): Promise<boolean>;
  /** Files under `path` at `commit` (one entry for a file); empty when the path does not exist there. */
  listTree(commit: string, path: string): Promise<TreeFile[]>;
  readBlob(blob: string): Promise<Uint8Array>;
  /** Create an annotated tag locally; fails when it exists. */
  createAnnotatedTag(tag: string, commit: string, message: string): Promise<void>;
  deleteLocalTag(tag: string): Promise<void>;
  /** Push one tag; rejected when the remote already has a tag of that name (the promotion lock). */
  pushTag(remote: string, tag: string): Promise<{ ok: true } | { ok: false; reason: string }>;
  fetch(remote: string, refspecs: string[]): Promise<void>;
}

// The stage cache beyond one job: each stage entry (its manifest and objects, as one bundle
// directory) saved and restored with @actions/cache under `llmops-stage-<key>`. GitHub scopes
// caches by branch: a pull request reads its base branch's entries but writes only its own, so a
// PR cannot plant an entry that `main` (or another PR) restores.
import * as cache from "@actions/cache";
import { rmSync } from "node:fs";
import { join, relative } from "node:path";
import type { RemoteStageCache } from "./run-pipeline.js";
import { exportBundle, importBundle, type StageStore } from "./stage-store.js";

export class ActionsStageCache implements RemoteStageCache {
  /** Keys restored or saved in this job, so a key is uploaded at most once. */
  readonly saved: string[] = [];
  readonly restored: string[] = [];

  constructor(private readonly workspace: string) {}

  private bundle(store: StageStore, key: string): { abs: string; rel: string } {
    const abs = join(store.dir, "bundles", key);
    return { abs, rel: relative(this.workspace, abs) || abs };
  }

  async restore(key: string, store: StageStore): Promise<boolean> {
    if (!cache.isFeatureAvailable()) return false;
    const b = this.bundle(store, key);
    try {
      const hit = await cache.restoreCache([b.rel], `llmops-stage-${key}`);
      if (hit === undefined) return false;
      await importBundle(store, key, b.abs);
      this.restored.push(key);
      return true;
    } finally {
      rmSync(b.abs, { recursive: true, force: true });
    }
  }

  async save(key: string, store: StageStore): Promise<void> {
    if (!cache.isFeatureAvailable() || this.restored.includes(key) || this.saved.includes(key)) return;
    const b = this.bundle(store, key);
    try {
      if (!exportBundle(store, key, b.abs)) return;
      await cache.saveCache([b.rel], `llmops-stage-${key}`);
      this.saved.push(key);
    } finally {
      rmSync(b.abs, { recursive: true, force: true });
    }
  }
}

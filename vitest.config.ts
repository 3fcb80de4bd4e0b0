import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Measured seconds per test file (scripts/test-durations.mjs refreshes it). */
const measured: Record<string, number> = JSON.parse(readFileSync(new URL("./test/durations.json", import.meta.url), "utf8"));
/** A file the table does not know yet (a new one) is assumed to be this slow, so it starts early-ish. */
const UNKNOWN_S = 10;

/**
 * Longest file first (LPT scheduling), so the two workers finish together. On a fresh clone vitest has
 * no timing cache and orders by file size, which starts a short file that trains and serves a model
 * (the real-model demo: ~2 minutes) last, to run alone at the end. Vitest's own cache, where a previous
 * run left one, is fresher than the committed table and wins.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const cache = this.ctx.cache;
    const estimate = (spec: TestSpecification): number => {
      const path = relative(root, spec.moduleId);
      const cached = cache.getFileTestResults(`${spec.project.name}:${path}`);
      if (cached && cached.duration > 0) return cached.duration / 1000;
      return measured[path] ?? UNKNOWN_S;
    };
    const keyed = files.map((spec) => ({ spec, s: estimate(spec) }));
    keyed.sort((a, b) => b.s - a.s || a.spec.moduleId.localeCompare(b.spec.moduleId));
    return keyed.map((k) => k.spec);
  }
}

export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here and in CI: integration tests spawn processes, so keep the pool small.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});

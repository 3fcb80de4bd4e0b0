import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
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
    env: {
      // Python bytecode for every Python the tests start (trainers, the HF venv's cross-checks), kept
      // in one git-ignored folder. Where the environment sets PYTHONDONTWRITEBYTECODE=1 (this machine
      // does) and the venv was installed without .pyc files (scripts/setup-hf-venv.sh: --no-compile),
      // each process that imports transformers compiled it from source again: 16 s of CPU against 6 s.
      PYTHONPYCACHEPREFIX: fileURLToPath(new URL("./.llmops/pycache", import.meta.url)),
      PYTHONDONTWRITEBYTECODE: "",
      // Four test workers share two cores: OpenMP threads that spin while they wait (libgomp's default)
      // burn the CPU the other workers need (trainers/reference/train.py sets the same for itself).
      OMP_WAIT_POLICY: "PASSIVE",
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores here and in CI: integration tests spawn processes, so keep the pool small.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        // Unit tests: in-process code, no environment or working-directory changes, so one module
        // graph per worker serves every file. A fresh one per file (vitest's default) cost 86 s of CPU
        // for src/core's 98 files against 28 s shared — about a minute of the test command's two cores.
        test: { name: "unit", include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "test/*.test.ts", "test/support/**/*.test.ts"], isolate: false },
      },
      {
        extends: true,
        // Integration tests spawn the built bundles, servers and trainers, set environment variables
        // and fake timers: each file gets its own module graph.
        test: { name: "integration", include: ["test/integration/**/*.test.ts"] },
      },
    ],
  },
});

#!/usr/bin/env node
// Refreshes test/durations.json — each test file's measured duration in seconds — from the results
// cache of the last full `vitest run` (node_modules/.vite/vitest/*/results.json). The sequencer in
// vitest.config.ts starts the longest files first, so the two workers finish together on a fresh
// clone, where vitest has no cache of its own and would order files by size (a short file that
// trains a model would start last and run alone at the end).
//   npx vitest run && node scripts/test-durations.mjs
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const cacheRoot = join(root, "node_modules/.vite/vitest");
const caches = existsSync(cacheRoot)
  ? readdirSync(cacheRoot).map((d) => join(cacheRoot, d, "results.json")).filter((f) => existsSync(f))
  : [];
if (caches.length === 0) {
  console.error("test-durations: no vitest results cache under node_modules/.vite/vitest: run `npx vitest run` first");
  process.exit(2);
}
const durations = {};
for (const file of caches) {
  const { results } = JSON.parse(readFileSync(file, "utf8"));
  for (const [key, { duration }] of results) {
    const path = key.replace(/^[^:]*:/, "");
    if (existsSync(join(root, path)) && duration > 0) durations[path] = Math.round(duration / 100) / 10;
  }
}
const sorted = Object.fromEntries(Object.entries(durations).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
writeFileSync(join(root, "test/durations.json"), JSON.stringify(sorted, null, 1) + "\n");
console.log(`test-durations: ${Object.keys(sorted).length} files, ${Object.values(sorted).reduce((a, b) => a + b, 0).toFixed(0)} s in all`);

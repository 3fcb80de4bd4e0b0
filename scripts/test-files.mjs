#!/usr/bin/env node
// Lists the test files that need what scripts/test.sh installs with apt-get (PyTorch for
// /usr/bin/python3, Chromium) — `--system` — or the others — `--rest`. On a fresh machine apt-get
// takes minutes; test.sh runs the rest meanwhile and these once it is done, so no test probes for
// PyTorch before it is installed (and skips when it should have run). The net is wide on purpose:
// a file that so much as names torch, Chromium or the system Python waits; a cheap unit test in it
// costs nothing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const NEEDS_SYSTEM = /torch|chromium|\/usr\/bin\/python3|LLMOPS_PYTHON|scripts\/demo\.mjs/i;

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.name.endsWith(".test.ts")) yield p;
  }
}

const mode = process.argv[2];
if (mode !== "--system" && mode !== "--rest") {
  console.error("usage: node scripts/test-files.mjs --system|--rest");
  process.exit(2);
}
const files = ["src", "test", "scripts"].flatMap((d) => [...walk(join(root, d))]).map((p) => relative(root, p)).sort();
// A file marked `test-files: no-apt-with-hf-venv` takes PyTorch from the test venv when it exists.
const hfVenv = existsSync(join(root, ".llmops/hf-venv/bin/python"));
const needsSystem = (text) => NEEDS_SYSTEM.test(text) && !(hfVenv && text.includes("test-files: no-apt-with-hf-venv"));
const picked = files.filter((f) => needsSystem(readFileSync(join(root, f), "utf8")) === (mode === "--system"));
console.log(picked.join("\n"));

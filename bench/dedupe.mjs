// Benchmark: near-duplicate detection (MinHash + LSH) on 1,000,000 short generated records with
// planted exact and near duplicates: records/s and peak RSS of a separate child process, next to
// the same loop generating the records without deduping (the floor). Printed, not asserted.
// usage: nice node bench/dedupe.mjs [--records 1000000]
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const n = Number(args[args.indexOf("--records") + 1] ?? 1_000_000) || 1_000_000;
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-dedupe-"));
const child = join(dir, "child.mjs");
try {
  await build({ absWorkingDir: root, entryPoints: ["bench/dedupe-child.ts"], outfile: child, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" });
  const run = (mode) => JSON.parse(execFileSync(process.execPath, [child, mode, String(n)], { encoding: "utf8" }));
  const gen = run("generate");
  const dd = run("dedupe");
  const s = dd.summary;
  console.log(`${n.toLocaleString("en-US")} short records of 20-40 words (~${Math.round(dd.chars / n)} chars), node ${process.version}`);
  console.log(`generate only : ${(gen.ms / 1000).toFixed(2)} s, peak RSS ${gen.vmhwm_mb.toFixed(0)} MB`);
  console.log(`generate+dedupe: ${(dd.ms / 1000).toFixed(2)} s, ${Math.round(n / (dd.ms / 1000)).toLocaleString("en-US")} records/s overall, ${Math.round(n / ((dd.ms - gen.ms) / 1000)).toLocaleString("en-US")} records/s for dedupe alone, peak RSS ${dd.vmhwm_mb.toFixed(0)} MB`);
  console.log(`found: ${s.exact} exact, ${s.near} near (${s.unique} unique); planted: ${dd.planted.exact} exact (found ${dd.foundPlanted.exact}), ${dd.planted.near} near (found ${dd.foundPlanted.near}); method: ${s.method}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

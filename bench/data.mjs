// Benchmark: validation throughput on a generated chat JSONL (default 1 GB in /tmp, deleted after)
// next to a bare read-lines + JSON.parse loop measured in the same run, and each one's peak RSS
// (VmHWM of a separate child process). Printed, not asserted.
// usage: nice node bench/data.mjs [--size-mb 1024] [--keep]
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const sizeMb = Number(args[args.indexOf("--size-mb") + 1] ?? 1024) || 1024;
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-data-"));
const file = join(dir, "chat.jsonl");
const child = join(dir, "child.mjs");

await build({
  absWorkingDir: root, entryPoints: ["bench/data-child.ts"], outfile: child, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning",
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// Deterministic pseudo-random text so runs compare.
let seed = 42;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const words = "the of and to in is that it for on with as was at by this be from are have not or an they which one you had but all were we when there can more if out so said what up its about into than them only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three".split(" ");
const sentence = (n) => Array.from({ length: n }, () => words[(rnd() * words.length) | 0]).join(" ");

console.log(`generating ${sizeMb} MB of chat JSONL in ${dir} …`);
const out = createWriteStream(file);
let written = 0;
const target = sizeMb * 1024 * 1024;
while (written < target) {
  let batch = "";
  for (let i = 0; i < 1000; i++) {
    const rec = { id: `r${written}-${i}`, messages: [{ role: "system", content: "You are a helpful assistant." }, { role: "user", content: sentence(10 + ((rnd() * 60) | 0)) }, { role: "assistant", content: sentence(20 + ((rnd() * 200) | 0)) }] };
    batch += JSON.stringify(rec) + "\n";
  }
  written += Buffer.byteLength(batch);
  if (!out.write(batch)) await new Promise((r) => out.once("drain", r));
}
await new Promise((r) => out.end(r));
const bytes = statSync(file).size;

function run(mode) {
  const r = JSON.parse(execFileSync(process.execPath, [child, mode, file], { encoding: "utf8", maxBuffer: 1 << 20 }));
  return { ...r, mbps: bytes / 1048576 / (r.ms / 1000) };
}
// Warm the page cache first (the file was just written, but under memory pressure the first
// reader could pay for the disk), then alternate bare/validate twice and keep each one's best run,
// so neither side is favoured by order or by a burst of load from other processes.
async function warm() {
  const { createReadStream } = await import("node:fs");
  for await (const _ of createReadStream(file, { highWaterMark: 1 << 20 })) void _;
}
try {
  await warm();
  const runs = [run("bare"), run("validate"), run("bare"), run("validate")];
  const best = (mode) => runs.filter((r) => r.mode === mode).reduce((a, b) => (b.ms < a.ms ? b : a));
  const bare = best("bare");
  const val = best("validate");
  console.log(`runs (s): ${runs.map((r) => `${r.mode} ${(r.ms / 1000).toFixed(2)}`).join(", ")}; best of each below`);
  const fmt = (r) => `${r.mode.padEnd(9)} ${r.records} records  ${(r.ms / 1000).toFixed(2)} s  ${r.mbps.toFixed(1)} MB/s  peak RSS ${r.vmhwm_mb.toFixed(0)} MB`;
  console.log(`file: ${(bytes / 1048576).toFixed(0)} MB chat JSONL, node ${process.version}`);
  console.log(fmt(bare));
  console.log(fmt(val));
  console.log(`validator / bare loop: ${((val.mbps / bare.mbps) * 100).toFixed(0)}% (goal ≥ 70%); validator peak RSS ${val.vmhwm_mb.toFixed(0)} MB (goal < 200 MB); errors found: ${val.errors}`);
} finally {
  if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
}

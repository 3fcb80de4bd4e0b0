// Benchmark: `llmops run` of a 10-stage pipeline over 1 GB of dependency files when every stage is
// already done (the no-op a CI job or a rerun pays), next to the cold hash of the same bytes
// (sha256 streamed from disk, measured in the same run: what a tool without the stat memo pays).
// Also the first run and a restore-from-cache run. Printed, not asserted.
// usage: nice node bench/pipeline-noop.mjs [--size-mb 1024] [--stages 10]
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const sizeMb = opt("--size-mb", 1024);
const stages = opt("--stages", 10);
const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "dist", "cli", "index.js");
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-pipeline-"));

try {
  console.log(`writing ${stages} dependency files, ${sizeMb} MB in all, in ${dir} …`);
  mkdirSync(join(dir, "data"));
  mkdirSync(join(dir, "pipelines"));
  const per = Math.floor((sizeMb * 1024 * 1024) / stages);
  const chunk = Buffer.alloc(1 << 20);
  for (let i = 0; i < stages; i++) {
    const parts = [];
    for (let done = 0; done < per; done += chunk.length) {
      chunk.fill(i + done / chunk.length);
      parts.push(Buffer.from(chunk.subarray(0, Math.min(chunk.length, per - done))));
    }
    writeFileSync(join(dir, "data", `part-${i}.bin`), Buffer.concat(parts));
  }
  let yaml = "name: bench\nstages:\n";
  for (let i = 0; i < stages; i++) {
    const prev = i > 0 ? `, out/s${i - 1}.txt` : "";
    yaml += `  s${i}:\n    run: [node, -e, "require('fs').mkdirSync('out',{recursive:true});require('fs').writeFileSync('out/s${i}.txt','${i}')"]\n    deps: [data/part-${i}.bin${prev}]\n    outs: [out/s${i}.txt]\n`;
  }
  writeFileSync(join(dir, "pipelines", "bench.yaml"), yaml);
  execFileSync("git", ["init", "-q"], { cwd: dir });

  const timeRun = (label) => {
    // bash's `time` reports the child's CPU (user + sys) next to its wall time: on a shared,
    // loaded machine the CPU time is what the run itself costs.
    const r = spawnSync("bash", ["-c", 'TIMEFORMAT="%R %U %S"; time "$0" "$1" run bench --json --quiet 2>/dev/null', process.execPath, cli], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${label}: llmops run exited ${r.status}\n${r.stderr}`);
    const [wall, user, sys] = r.stderr.trim().split("\n").at(-1).split(" ").map(Number);
    const s = wall;
    const run = JSON.parse(r.stdout);
    const outcomes = run.stages.map((x) => x.outcome);
    const count = (o) => outcomes.filter((x) => x === o).length;
    console.log(`${label.padEnd(38)} ${s.toFixed(2).padStart(7)} s wall, ${(user + sys).toFixed(2)} s CPU   (ran ${count("ran")}, restored ${count("restored")}, up to date ${count("up-to-date")})`);
    return { wall: s, cpu: user + sys };
  };
  const cold = timeRun("first run (hash 1 GB, run 10 stages)");
  const noop = timeRun("no-op run (all up to date)");
  rmSync(join(dir, "out"), { recursive: true });
  const restore = timeRun("outputs deleted: restore from cache");
  const noop2 = timeRun("no-op run again");

  const t = performance.now();
  for (let i = 0; i < stages; i++) {
    await new Promise((resolve, reject) => {
      const h = createHash("sha256");
      createReadStream(join(dir, "data", `part-${i}.bin`), { highWaterMark: 1 << 20 }).on("data", (c) => h.update(c)).on("error", reject).on("end", resolve);
    });
  }
  const hash = (performance.now() - t) / 1000;
  const ns = spawnSync("bash", ["-c", 'TIMEFORMAT="%R %U %S"; time "$0" -e 0', process.execPath], { encoding: "utf8" });
  const [nodeStart, nu, nsys] = ns.stderr.trim().split(" ").map(Number);
  console.log(`${"peer: cold sha256 of the same bytes".padEnd(38)} ${hash.toFixed(2).padStart(7)} s   (${(sizeMb / hash).toFixed(0)} MB/s, page cache warm)`);
  console.log(`${"bound: node startup alone".padEnd(38)} ${nodeStart.toFixed(2).padStart(7)} s wall, ${(nu + nsys).toFixed(2)} s CPU`);
  const best = noop.wall < noop2.wall ? noop : noop2;
  console.log(`\nno-op: ${best.wall.toFixed(2)} s wall (${best.cpu.toFixed(2)} s CPU) for ${stages} stages over ${sizeMb} MB (goal < 1 s); the cold hash of the same bytes takes ${hash.toFixed(1)} s (${(hash / best.wall).toFixed(0)}×); first run ${cold.wall.toFixed(1)} s, restore ${restore.wall.toFixed(2)} s`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

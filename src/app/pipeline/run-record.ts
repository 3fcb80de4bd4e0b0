// Run records: reports/runs/<run-id>/run.json, one per `llmops run`, and the listing `llmops runs` reads.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { cpus, hostname, totalmem } from "node:os";
import { join } from "node:path";
import { pipelineRunFormat } from "../../core/contracts/added-formats.js";
import type { PipelineRun } from "../../core/contracts/pipeline-run.js";

export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${randomBytes(3).toString("hex")}`;
}

export function runsDir(root: string): string {
  return join(root, "reports", "runs");
}

export function writeRunRecord(root: string, run: PipelineRun): string {
  const text = pipelineRunFormat.serialize(run);
  const dir = join(runsDir(root), run.run_id);
  mkdirSync(dir, { recursive: true });
  const p = join(dir, "run.json");
  writeFileSync(`${p}.tmp`, text);
  renameSync(`${p}.tmp`, p);
  return p;
}

/** Every readable run record, newest first; unreadable ones are reported, not fatal. */
export function readRunRecords(root: string): { runs: PipelineRun[]; unreadable: string[] } {
  const dir = runsDir(root);
  if (!existsSync(dir)) return { runs: [], unreadable: [] };
  const runs: PipelineRun[] = [];
  const unreadable: string[] = [];
  for (const id of readdirSync(dir)) {
    const p = join(dir, id, "run.json");
    if (!existsSync(p)) continue;
    try {
      runs.push(pipelineRunFormat.parse(readFileSync(p, "utf8"), p));
    } catch (err) {
      // the format's message names the file and says why (another version, a bad field, not JSON)
      unreadable.push(err instanceof Error ? err.message : p);
    }
  }
  runs.sort((a, b) => b.started_at.localeCompare(a.started_at));
  return { runs, unreadable };
}

let gpuCache: string[] | undefined;
export function machineInfo(): PipelineRun["machine"] {
  const c = cpus();
  if (gpuCache === undefined) {
    try {
      gpuCache = execFileSync("nvidia-smi", ["--query-gpu=name", "--format=csv,noheader"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 3000 })
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    } catch {
      gpuCache = [];
    }
  }
  return { hostname: hostname(), platform: process.platform, arch: process.arch, cpus: c.length, cpu_model: c[0]?.model ?? null, memory_bytes: totalmem(), gpus: gpuCache };
}

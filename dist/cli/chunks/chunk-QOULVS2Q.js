#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  pipelineRunFormat
} from "./chunk-JGP2PRLZ.js";

// src/app/pipeline/run-record.ts
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { cpus, hostname, totalmem } from "node:os";
import { join } from "node:path";
function newRunId(now = /* @__PURE__ */ new Date()) {
  return `${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}-${randomBytes(3).toString("hex")}`;
}
function runsDir(root) {
  return join(root, "reports", "runs");
}
function writeRunRecord(root, run) {
  const text = pipelineRunFormat.serialize(run);
  const dir = join(runsDir(root), run.run_id);
  mkdirSync(dir, { recursive: true });
  const p = join(dir, "run.json");
  writeFileSync(`${p}.tmp`, text);
  renameSync(`${p}.tmp`, p);
  return p;
}
function readRunRecords(root) {
  const dir = runsDir(root);
  if (!existsSync(dir)) return { runs: [], unreadable: [] };
  const runs = [];
  const unreadable = [];
  for (const id of readdirSync(dir)) {
    const p = join(dir, id, "run.json");
    if (!existsSync(p)) continue;
    try {
      runs.push(pipelineRunFormat.parse(readFileSync(p, "utf8"), p));
    } catch (err) {
      unreadable.push(err instanceof Error ? err.message : p);
    }
  }
  runs.sort((a, b) => b.started_at.localeCompare(a.started_at));
  return { runs, unreadable };
}
var gpuCache;
function machineInfo() {
  const c = cpus();
  if (gpuCache === void 0) {
    try {
      gpuCache = execFileSync("nvidia-smi", ["--query-gpu=name", "--format=csv,noheader"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 3e3 }).split("\n").map((l) => l.trim()).filter(Boolean);
    } catch {
      gpuCache = [];
    }
  }
  return { hostname: hostname(), platform: process.platform, arch: process.arch, cpus: c.length, cpu_model: c[0]?.model ?? null, memory_bytes: totalmem(), gpus: gpuCache };
}

export {
  newRunId,
  runsDir,
  writeRunRecord,
  readRunRecords,
  machineInfo
};

// The machine and the git revision, for run records.
import { cpus, hostname, totalmem } from "node:os";
import type { MachineInfo } from "../../core/train/run-record.js";
import type { ProcessRunner } from "../../core/ports/index.js";

export function describeMachine(): MachineInfo {
  const c = cpus();
  return { platform: process.platform, arch: process.arch, cpus: c.length, cpuModel: c[0]?.model, memoryBytes: totalmem(), hostname: hostname() };
}

export async function gitRevision(runner: ProcessRunner, cwd: string): Promise<{ commit?: string; dirty?: boolean }> {
  const head = await runner.capture({ program: "git", args: ["rev-parse", "HEAD"], cwd }, 10_000);
  if (head.code !== 0) return {};
  const status = await runner.capture({ program: "git", args: ["status", "--porcelain", "--untracked-files=no"], cwd }, 10_000);
  return { commit: head.stdout.trim(), ...(status.code === 0 ? { dirty: status.stdout.trim() !== "" } : {}) };
}

// Start `llmops serve` as a child process for an eval whose target is a GGUF (provider: llama-cpp):
// a free port, wait for /health, hand back the URL; stop it afterwards, also on failure.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { Logger } from "../../core/ports/index.js";
import { ExternalError, InternalError } from "../../errors.js";

export interface ManagedServeOptions {
  modelPath: string;
  adapterPath?: string;
  name: string;
  threads?: number;
  parallel: number;
  queue: number;
  ctx?: number;
  kvCache?: "f16" | "f32";
  startupTimeoutMs: number;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
}

export interface ManagedServe {
  baseUrl: string;
  stop(): Promise<void>;
}

/** dist/cli/index.js from wherever this code runs (a bundle in dist/<name>/, or the sources under vitest). */
export function locateCliBundle(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const candidate = join(dir, "dist", "cli", "index.js");
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, "cli", "index.js")) && existsSync(join(dir, "..", "package.json"))) return join(dir, "cli", "index.js");
    const parent = dirname(dir);
    if (parent === dir) throw new InternalError("dist/cli/index.js was not found above this llmops installation; the package is incomplete");
    dir = parent;
  }
}

// The child needs no secrets: only what node and llama.cpp read.
const PASS_ENV = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "SYSTEMROOT", "LLMOPS_DEBUG"];

export async function startManagedServe(o: ManagedServeOptions): Promise<ManagedServe> {
  const args = [locateCliBundle(), "serve", o.modelPath, "--port", "0", "--name", o.name, "--parallel", String(o.parallel), "--queue", String(o.queue)];
  if (o.threads) args.push("--threads", String(o.threads));
  if (o.ctx) args.push("--ctx", String(o.ctx));
  if (o.kvCache) args.push("--kv-cache", o.kvCache);
  if (o.adapterPath) args.push("--adapter", o.adapterPath);
  const env: Record<string, string> = {};
  for (const k of PASS_ENV) if (o.env[k] !== undefined) env[k] = o.env[k]!;
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"], shell: false });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
  let running = true;
  void exited.then(() => (running = false));
  const stop = async () => {
    if (!running) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const fail = async (why: string): Promise<never> => {
    await stop();
    const tail = stderr.trim().split("\n").slice(-4).join("\n");
    throw new ExternalError(`llmops serve ${o.modelPath} ${why}${tail ? `:\n${tail}` : ""}`, { hint: "run the same llmops serve command by hand to see the whole log" });
  };
  const deadline = Date.now() + o.startupTimeoutMs;
  const url = await new Promise<string | undefined>((resolve) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const m = /^listening on (http:\/\/\S+)$/.exec(line);
      if (m) resolve(m[1]);
    });
    void exited.then(() => resolve(undefined));
    setTimeout(() => resolve(undefined), o.startupTimeoutMs).unref();
  });
  if (!url) return fail(running ? `did not open a port within ${o.startupTimeoutMs / 1000}s` : "exited before listening");
  o.logger.info(`started llmops serve for ${o.name} at ${url} (pid ${child.pid}); waiting for /health`);
  for (;;) {
    if (!running) return fail("exited while loading the model");
    try {
      const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
      if (r.status === 200) break;
    } catch {
      // not accepting yet
    }
    if (Date.now() > deadline) return fail(`was not healthy within ${o.startupTimeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl: `${url}/v1`, stop };
}

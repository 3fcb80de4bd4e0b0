// Model servers a stage needs: started on a free loopback port before the stage, probed until
// ready (or a clear timeout), and stopped after it — on success, failure and Ctrl-C alike. Each
// server runs in its own process group, so stopping it also stops whatever it started.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import type { ResolvedService } from "../../core/pipeline/index.js";
import type { Logger } from "../../core/ports/index.js";
import { ExternalError, ProcessExitError } from "../../errors.js";

export interface RunningService {
  name: string;
  url: string;
  pid: number;
  readyS: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServiceLaunch {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** argv prefix that runs llmops itself (node + the CLI bundle). */
  llmops: string[];
  logger: Logger;
  signal?: AbortSignal;
}

export async function startService(svc: ResolvedService, o: ServiceLaunch): Promise<RunningService> {
  const port = await freePort();
  const argv = svc.command.argv.map((a) => a.replaceAll("${port}", String(port)));
  const full = svc.command.llmops ? [...o.llmops, ...argv] : argv;
  const t0 = performance.now();
  const tail: string[] = [];
  const child = spawn(full[0]!, full.slice(1), { cwd: o.cwd, env: { ...o.env, ...svc.env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const onData = (d: Buffer) => {
    for (const line of d.toString("utf8").split("\n")) if (line.trim()) tail.push(line);
    tail.splice(0, Math.max(0, tail.length - 10));
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  let exited: { code: number | null; signal: string | null } | null = null;
  let spawnError: Error | null = null;
  const exit = new Promise<void>((resolve) => {
    child.on("error", (e) => {
      spawnError = e;
      resolve();
    });
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  const stop = () => stopChild(child, exit);
  const base = `http://127.0.0.1:${port}`;
  const deadline = t0 + svc.timeoutS * 1000;
  o.logger.info(`service ${svc.name}: ${full.join(" ")} (waiting up to ${svc.timeoutS}s for ${base}${svc.ready})`);
  for (;;) {
    if (spawnError || exited) {
      await stop();
      const why = spawnError ? `could not start: ${(spawnError as Error).message}` : `exited (${exitText(exited!)}) before it was ready`;
      throw new ExternalError(`service ${svc.name} ${why}${tail.length ? `; its last output:\n    ${tail.join("\n    ")}` : ""}`, {
        hint: `check the command under services.${svc.name} (it must listen on 127.0.0.1:\${port})`,
      });
    }
    if (o.signal?.aborted) {
      await stop();
      throw new ProcessExitError(`service ${svc.name}: ${o.signal.reason instanceof Error ? o.signal.reason.message : "interrupted"} before it was ready`, null, null);
    }
    if (await probe(`${base}${svc.ready}`)) break;
    if (performance.now() > deadline) {
      await stop();
      throw new ExternalError(`service ${svc.name} did not become ready at ${base}${svc.ready} within ${svc.timeoutS}s; it was stopped${tail.length ? `; its last output:\n    ${tail.join("\n    ")}` : ""}`, {
        hint: `raise services.${svc.name}.timeout_s, or check its ready: path answers 2xx once it serves`,
      });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyS = (performance.now() - t0) / 1000;
  o.logger.info(`service ${svc.name} ready at ${base} in ${readyS.toFixed(1)}s`);
  return { name: svc.name, url: `${base}${svc.urlPath}`, pid: child.pid!, readyS, stop };
}

function exitText(e: { code: number | null; signal: string | null }): string {
  return e.signal ? `signal ${e.signal}` : `code ${e.code}`;
}

async function probe(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await r.body?.cancel();
    return r.ok;
  } catch {
    return false;
  }
}

/** SIGTERM the process group, then SIGKILL it after a grace period. */
export async function stopChild(child: ChildProcess, exit: Promise<void>, graceMs = 5000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  if (child.exitCode === null && child.signalCode === null) signalGroup("SIGTERM");
  const timer = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), graceMs).unref());
  if ((await Promise.race([exit.then(() => "exited" as const), timer])) === "timeout") signalGroup("SIGKILL");
  // Whatever the leader left behind in its group goes too.
  signalGroup("SIGKILL");
  await exit;
}

// ProcessRunner over node:child_process: argument arrays (never a shell), stdout/stderr split into
// lines, SIGTERM on terminate so a trainer can checkpoint, SIGKILL on kill.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { ExternalError } from "../../errors.js";
import type { ProcessExit, ProcessRunner, ProcessSpec, RunningProcess } from "../../core/ports/index.js";

export class NodeProcessRunner implements ProcessRunner {
  constructor(private readonly baseEnv: NodeJS.ProcessEnv = process.env) {}

  start(spec: ProcessSpec): RunningProcess {
    const child = spawn(spec.program, [...spec.args], {
      cwd: spec.cwd,
      env: { ...this.baseEnv, ...spec.env },
      stdio: ["ignore", "pipe", "pipe"],
      shell: false,
    });
    return new NodeRunningProcess(child, spec.program);
  }

  capture(spec: ProcessSpec, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string; notFound: boolean }> {
    return new Promise((resolve) => {
      const child = spawn(spec.program, [...spec.args], { cwd: spec.cwd, env: { ...this.baseEnv, ...spec.env }, stdio: ["ignore", "pipe", "pipe"], shell: false });
      let stdout = "";
      let stderr = "";
      let notFound = false;
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.stdout?.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
      child.stderr?.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
      child.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT" || err.code === "EACCES") notFound = true;
        else stderr += err.message;
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code: notFound ? null : code, stdout, stderr, notFound });
      });
    });
  }
}

class NodeRunningProcess implements RunningProcess {
  readonly exit: Promise<ProcessExit>;
  private readonly listeners: ((line: string, stream: "stdout" | "stderr") => void)[] = [];

  constructor(
    private readonly child: ChildProcess,
    program: string,
  ) {
    for (const stream of ["stdout", "stderr"] as const) {
      const src = child[stream];
      if (!src) continue;
      createInterface({ input: src, crlfDelay: Infinity }).on("line", (line) => {
        for (const l of this.listeners) l(line, stream);
      });
    }
    this.exit = new Promise((resolve, reject) => {
      child.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT") reject(new ExternalError(`could not start "${program}": not found on PATH`, { hint: `install it or put it on PATH (for the Python interpreter, set python: in the spec or $LLMOPS_PYTHON)` }));
        else if (err.code === "EACCES") reject(new ExternalError(`could not start "${program}": permission denied`));
        else reject(new ExternalError(`could not start "${program}": ${err.message}`));
      });
      child.on("close", (code, signal) => resolve({ code, signal }));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  onLine(listener: (line: string, stream: "stdout" | "stderr") => void): void {
    this.listeners.push(listener);
  }

  terminate(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
}

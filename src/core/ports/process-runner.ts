// The ProcessRunner port: launch a program with an argument array, stream its lines, SIGTERM/SIGKILL.
// Adapter: src/adapters/process/node-process-runner.ts.

export interface ProcessSpec {
  program: string;
  args: readonly string[];
  cwd?: string;
  env?: Record<string, string>;
}

export interface ProcessExit {
  code: number | null;
  signal: string | null;
}

export interface RunningProcess {
  readonly pid: number | undefined;
  /** Each complete line of stdout/stderr, as it arrives. Register before awaiting `exit`. */
  onLine(listener: (line: string, stream: "stdout" | "stderr") => void): void;
  /** SIGTERM: the trainer saves a checkpoint and exits. */
  terminate(): void;
  /** SIGKILL. */
  kill(): void;
  /** Resolves when the process has exited and its output is drained; rejects (ExternalError) when it could not start. */
  readonly exit: Promise<ProcessExit>;
}

export interface ProcessRunner {
  start(spec: ProcessSpec): RunningProcess;
  /** Run to completion and capture output (probes such as nvidia-smi); ENOENT → code null, notFound true. */
  capture(spec: ProcessSpec, timeoutMs?: number): Promise<{ code: number | null; stdout: string; stderr: string; notFound: boolean }>;
}

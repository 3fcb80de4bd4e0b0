// The ports training talks through: a ProcessRunner (launch, stream lines, SIGTERM/SIGKILL) and a
// TrainWorkspace (files under the run's output directory). Adapters: src/adapters/process/.

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

export interface HashedDirectory {
  hash: string;
  files: { name: string; bytes: number }[];
}

export interface TrainWorkspace {
  exists(path: string): Promise<boolean>;
  readText(path: string): Promise<string>;
  /** Creates parent directories. */
  writeText(path: string, text: string): Promise<void>;
  appendText(path: string, text: string): Promise<void>;
  remove(path: string): Promise<void>;
  list(path: string): Promise<string[]>;
  /** sha256 content hash (see content-hash.ts) of the files under `path`, skipping excluded relative paths. */
  hashDirectory(path: string, exclude?: (relative: string) => boolean): Promise<HashedDirectory>;
  freeBytes(path: string): Promise<number | undefined>;
}

// Hand-written fakes of the training ports: a scripted process runner and an in-memory workspace.
import type { ProcessExit, ProcessRunner, ProcessSpec, RunningProcess, TrainWorkspace, HashedDirectory } from "../../src/core/ports/index.js";
import { computeContentHash } from "../../src/core/train/content-hash.js";

export interface Script {
  /** Lines printed on stdout, in order (a function sees what the fake was asked to do). */
  lines: string[];
  /** Exit once all lines are out. */
  exit: ProcessExit;
  /** Files the "trainer" writes before exiting (path → content). */
  writes?: Record<string, string>;
  /** On SIGTERM: lines to print, then this exit. */
  onTerminate?: { lines: string[]; exit: ProcessExit };
}

export class FakeProcess implements RunningProcess {
  readonly pid = 4242;
  readonly exit: Promise<ProcessExit>;
  terminated = false;
  killed = false;
  private listeners: ((line: string, stream: "stdout" | "stderr") => void)[] = [];
  private resolveExit!: (e: ProcessExit) => void;
  private done = false;

  constructor(
    private readonly script: Script,
    private readonly ws: MemoryWorkspace,
    /** Pause after this many lines, until terminate/kill (to test cancellation). */
    private readonly holdAfter?: number,
  ) {
    this.exit = new Promise((r) => (this.resolveExit = r));
    queueMicrotask(() => void this.play());
  }
  private async play(): Promise<void> {
    for (let i = 0; i < this.script.lines.length; i++) {
      if (this.done) return;
      if (this.holdAfter !== undefined && i === this.holdAfter) return;
      this.emit(this.script.lines[i]!);
      await Promise.resolve();
    }
    if (this.done) return;
    for (const [p, c] of Object.entries(this.script.writes ?? {})) await this.ws.writeText(p, c);
    this.finish(this.script.exit);
  }
  private emit(line: string) {
    for (const l of this.listeners) l(line, "stdout");
  }
  private finish(e: ProcessExit) {
    if (this.done) return;
    this.done = true;
    this.resolveExit(e);
  }
  onLine(listener: (line: string, stream: "stdout" | "stderr") => void): void {
    this.listeners.push(listener);
  }
  terminate(): void {
    this.terminated = true;
    const t = this.script.onTerminate;
    if (!t || this.done) return;
    for (const line of t.lines) this.emit(line);
    this.finish(t.exit);
  }
  kill(): void {
    this.killed = true;
    this.finish({ code: null, signal: "SIGKILL" });
  }
}

export class FakeRunner implements ProcessRunner {
  readonly started: ProcessSpec[] = [];
  readonly processes: FakeProcess[] = [];
  constructor(
    private readonly ws: MemoryWorkspace,
    private readonly scripts: Script[],
    private readonly probes: { python?: { version: string; packages: Record<string, string | null>; cuda: boolean } | null; nvidiaSmi?: string | null } = {},
    private readonly holdAfter?: number,
  ) {}
  start(spec: ProcessSpec): RunningProcess {
    this.started.push(spec);
    const script = this.scripts[this.started.length - 1];
    if (!script) throw new Error(`FakeRunner: no script for launch #${this.started.length}`);
    const p = new FakeProcess(script, this.ws, this.holdAfter);
    this.processes.push(p);
    return p;
  }
  async capture(spec: ProcessSpec): Promise<{ code: number | null; stdout: string; stderr: string; notFound: boolean }> {
    if (spec.program === "nvidia-smi") {
      const out = this.probes.nvidiaSmi;
      return out == null ? { code: null, stdout: "", stderr: "", notFound: true } : { code: 0, stdout: out, stderr: "", notFound: false };
    }
    if (spec.program === "git") return { code: 128, stdout: "", stderr: "not a git repository", notFound: false };
    const py = this.probes.python === undefined ? { version: "3.11.2", packages: { torch: "1.13.0" }, cuda: false } : this.probes.python;
    if (py === null) return { code: null, stdout: "", stderr: "", notFound: true };
    const asked = spec.args.slice(2);
    const packages = Object.fromEntries(asked.map((m) => [m, py.packages[m] ?? null]));
    return { code: 0, stdout: `${JSON.stringify({ version: py.version, packages, cuda: py.cuda })}\n`, stderr: "", notFound: false };
  }
}

export class MemoryWorkspace implements TrainWorkspace {
  readonly files = new Map<string, string>();
  free: number | undefined = 50 * 2 ** 30;
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.files.set(k, v);
  }
  async exists(path: string): Promise<boolean> {
    return this.files.has(path) || [...this.files.keys()].some((k) => k.startsWith(`${path}/`));
  }
  async readText(path: string): Promise<string> {
    const v = this.files.get(path);
    if (v === undefined) throw new Error(`ENOENT ${path}`);
    return v;
  }
  async writeText(path: string, text: string): Promise<void> {
    this.files.set(path, text);
  }
  async appendText(path: string, text: string): Promise<void> {
    this.files.set(path, (this.files.get(path) ?? "") + text);
  }
  async remove(path: string): Promise<void> {
    for (const k of [...this.files.keys()]) if (k === path || k.startsWith(`${path}/`)) this.files.delete(k);
  }
  async list(path: string): Promise<string[]> {
    const names = new Set<string>();
    for (const k of this.files.keys()) if (k.startsWith(`${path}/`)) names.add(k.slice(path.length + 1).split("/")[0]!);
    return [...names].sort();
  }
  async hashDirectory(path: string, exclude: (rel: string) => boolean = () => false): Promise<HashedDirectory> {
    const files = [...this.files.entries()]
      .filter(([k]) => k.startsWith(`${path}/`))
      .map(([k, v]) => ({ name: k.slice(path.length + 1), data: new TextEncoder().encode(v) }))
      .filter((f) => !exclude(f.name));
    return { hash: computeContentHash(files), files: files.map((f) => ({ name: f.name, bytes: f.data.length })).sort((a, b) => (a.name < b.name ? -1 : 1)) };
  }
  async freeBytes(): Promise<number | undefined> {
    return this.free;
  }
}

export const fakeClock = () => {
  let t = 0;
  return { now: () => (t += 100), sleep: async () => {} };
};

#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  createContentHasher,
  sortForHash
} from "./chunk-ZH24RDZS.js";
import {
  ExternalError,
  InternalError
} from "./chunk-LXVW643N.js";

// src/adapters/fs/node-train-workspace.ts
import { createReadStream } from "node:fs";
import { appendFile, mkdir, readFile, readdir, rm, stat, statfs, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
var NodeTrainWorkspace = class {
  async exists(path) {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  }
  readText(path) {
    return readFile(path, "utf8");
  }
  async writeText(path, text) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  async appendText(path, text) {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, text);
  }
  async remove(path) {
    await rm(path, { recursive: true, force: true });
  }
  async list(path) {
    try {
      return (await readdir(path)).sort();
    } catch {
      return [];
    }
  }
  async hashDirectory(path, exclude = () => false) {
    const all = [];
    const walk = async (dir) => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        const rel = relative(path, full).split(sep).join("/");
        if (exclude(rel)) continue;
        if (e.isDirectory()) await walk(full);
        else if (e.isFile()) all.push(rel);
      }
    };
    await walk(path);
    const hasher = createContentHasher();
    const files = [];
    for (const rel of sortForHash(all)) {
      const full = join(path, ...rel.split("/"));
      const { size } = await stat(full);
      hasher.addFile(rel, size);
      for await (const chunk of createReadStream(full)) hasher.addBytes(chunk);
      files.push({ name: rel, bytes: size });
    }
    return { hash: hasher.digest(), files };
  }
  async freeBytes(path) {
    let p = path;
    for (; ; ) {
      try {
        const s = await statfs(p);
        return Number(s.bavail) * Number(s.bsize);
      } catch {
        const parent = dirname(p);
        if (parent === p) return void 0;
        p = parent;
      }
    }
  }
};

// src/app/train/locate-trainer.ts
import { existsSync } from "node:fs";
import { dirname as dirname2, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
function locateReferenceTrainer(from = import.meta.url) {
  return locatePackageFile("trainers/reference/train.py", from);
}
function locatePackageFile(relative2, from = import.meta.url) {
  let dir = dirname2(fileURLToPath(from));
  for (; ; ) {
    const candidate = join2(dir, ...relative2.split("/"));
    if (existsSync(candidate)) return candidate;
    const parent = dirname2(dir);
    if (parent === dir) throw new InternalError(`${relative2} was not found above the llmops installation; the package is incomplete`);
    dir = parent;
  }
}
function defaultPythons(env) {
  if (env.LLMOPS_PYTHON) return [env.LLMOPS_PYTHON];
  return ["python3", "/usr/bin/python3"];
}

// src/adapters/process/node-process-runner.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
var NodeProcessRunner = class {
  constructor(baseEnv = process.env) {
    this.baseEnv = baseEnv;
  }
  baseEnv;
  start(spec) {
    const child = spawn(spec.program, [...spec.args], {
      cwd: spec.cwd,
      env: { ...this.baseEnv, ...spec.env },
      stdio: ["ignore", "pipe", "pipe"],
      shell: false
    });
    return new NodeRunningProcess(child, spec.program);
  }
  capture(spec, timeoutMs = 6e4) {
    return new Promise((resolve) => {
      const child = spawn(spec.program, [...spec.args], { cwd: spec.cwd, env: { ...this.baseEnv, ...spec.env }, stdio: ["ignore", "pipe", "pipe"], shell: false });
      let stdout = "";
      let stderr = "";
      let notFound = false;
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.stdout?.on("data", (d) => stdout += d.toString("utf8"));
      child.stderr?.on("data", (d) => stderr += d.toString("utf8"));
      child.on("error", (err) => {
        if (err.code === "ENOENT" || err.code === "EACCES") notFound = true;
        else stderr += err.message;
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code: notFound ? null : code, stdout, stderr, notFound });
      });
    });
  }
};
var NodeRunningProcess = class {
  constructor(child, program) {
    this.child = child;
    for (const stream of ["stdout", "stderr"]) {
      const src = child[stream];
      if (!src) continue;
      createInterface({ input: src, crlfDelay: Infinity }).on("line", (line) => {
        for (const l of this.listeners) l(line, stream);
      });
    }
    this.exit = new Promise((resolve, reject) => {
      child.on("error", (err) => {
        if (err.code === "ENOENT") reject(new ExternalError(`could not start "${program}": not found on PATH`, { hint: `install it or put it on PATH (for the Python interpreter, set python: in the spec or $LLMOPS_PYTHON)` }));
        else if (err.code === "EACCES") reject(new ExternalError(`could not start "${program}": permission denied`));
        else reject(new ExternalError(`could not start "${program}": ${err.message}`));
      });
      child.on("close", (code, signal) => resolve({ code, signal }));
    });
  }
  child;
  exit;
  listeners = [];
  get pid() {
    return this.child.pid;
  }
  onLine(listener) {
    this.listeners.push(listener);
  }
  terminate() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
  }
  kill() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
  }
};

export {
  NodeTrainWorkspace,
  locateReferenceTrainer,
  locatePackageFile,
  defaultPythons,
  NodeProcessRunner
};

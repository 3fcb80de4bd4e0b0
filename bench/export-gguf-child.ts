// Child of bench/export-gguf.mjs: one measured job per process, so peak RSS is its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportGguf } from "../src/app/model/export-gguf.js";
import { SafetensorsDir } from "../src/app/model/safetensors-files.js";

const [mode, modelDir] = process.argv.slice(2) as [string, string];
const quiet = { info() {}, warn() {}, error() {}, debug() {}, group: async <T>(_: string, f: () => Promise<T>) => f() } as never;
const t0 = performance.now();
let outBytes = 0;
if (mode === "read") {
  // The floor: read every tensor's bytes and decode them to float32, as export does, writing nothing.
  const st = new SafetensorsDir(modelDir, modelDir);
  for (const [name] of st.tensors) outBytes += st.read(name).byteLength;
  st.close();
} else {
  const dir = mkdtempSync(join(tmpdir(), "llmops-bench-gguf-"));
  const r = await exportGguf({ modelDir, cwd: dir, type: mode as "f16" | "q8_0", out: join(dir, "m.gguf"), logger: quiet });
  outBytes = r.record.gguf.bytes;
  rmSync(dir, { recursive: true, force: true });
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ mode, ms, outBytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));

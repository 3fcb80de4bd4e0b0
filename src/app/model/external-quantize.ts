// K-quants (and every other llama.cpp type) through llama.cpp's own `llama-quantize`: llmops writes
// an f16 GGUF, the real tool quantizes it. Where the tool is missing, say what to install.
import { childEnv } from "../../adapters/process/child-env.js";
import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ggufExportFormat } from "../../core/contracts/added-formats.js";
import { GGUF_EXPORT_SCHEMA, type GgufExport } from "../../core/contracts/gguf-export.js";
import type { Logger } from "../../core/ports/index.js";
import { ExternalError, InputError } from "../../errors.js";
import { NodeProcessRunner } from "../../adapters/process/node-process-runner.js";
import { exportGguf, type ExportGgufResult } from "./export-gguf.js";
import { sha256File } from "../fs/sha256-file.js";

/** llama-quantize's type names llmops passes through (lower case on the command line). */
export const EXTERNAL_TYPES = ["q4_k_m", "q4_k_s", "q5_k_m", "q5_k_s", "q6_k", "q3_k_m", "q2_k", "q5_0", "q5_1", "q4_1", "iq4_nl"] as const;

export async function externalQuantize(o: {
  modelDir: string;
  cwd: string;
  type: string;
  out?: string;
  base?: string;
  asAdapter?: boolean;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}): Promise<ExportGgufResult> {
  if (o.asAdapter) throw new InputError(`--adapter writes LoRA tensors as f32 or f16, not ${o.type}`);
  const tool = o.env.LLMOPS_LLAMA_QUANTIZE ?? "llama-quantize";
  const runner = new NodeProcessRunner(childEnv(o.env));
  const probe = await runner.capture({ program: tool, args: ["--help"], cwd: o.cwd, env: {} }, 30_000);
  if (probe.notFound) {
    throw new ExternalError(`--type ${o.type} needs llama.cpp's llama-quantize, which is not installed (looked for ${JSON.stringify(tool)} on PATH)`, {
      hint: "install llama.cpp (e.g. `brew install llama.cpp`, or build it and put llama-quantize on PATH; set LLMOPS_LLAMA_QUANTIZE=/path/to/llama-quantize), or use --type q8_0 / q4_0, which llmops writes itself",
    });
  }
  const modelDir = resolve(o.cwd, o.modelDir);
  const out = resolve(o.cwd, o.out ?? join(dirname(modelDir), `${basename(modelDir)}-${o.type}.gguf`));
  const f16 = `${out}.f16-input.gguf`;
  const first = await exportGguf({ modelDir: o.modelDir, cwd: o.cwd, type: "f16", out: f16, ...(o.base ? { base: o.base } : {}), logger: o.logger });
  try {
    o.logger.info(`${tool} ${basename(f16)} → ${basename(out)} (${o.type.toUpperCase()})`);
    const r = await runner.capture({ program: tool, args: [f16, out, o.type.toUpperCase()], cwd: o.cwd, env: {} }, 6 * 3600_000);
    if (r.code !== 0) throw new ExternalError(`${tool} failed with exit ${r.code} quantizing to ${o.type.toUpperCase()}: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" / ")}`, { hint: "K-quants need rows divisible by 256; try q8_0 or q4_0 for small models" });
  } finally {
    rmSync(f16, { force: true });
    rmSync(first.recordPath, { force: true });
  }
  const record: GgufExport = {
    ...first.record,
    schema: GGUF_EXPORT_SCHEMA,
    gguf: { file: basename(out), bytes: statSync(out).size, sha256: `sha256:${await sha256File(out)}` },
    type: o.type as GgufExport["type"], // an EXTERNAL_TYPES name; the format checks it before writing
    quantized_by: { tool: basename(tool), from: "f16" },
  };
  const recordPath = out.replace(/\.gguf$/, "") + ".export.json";
  writeFileSync(recordPath, ggufExportFormat.serialize(record));
  if (!existsSync(out)) throw new ExternalError(`${tool} exited 0 but wrote no ${out}`);
  return { out, recordPath, record };
}

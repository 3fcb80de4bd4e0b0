// Q8_0, Q4_0, F16 and BF16 bytes from llmops against an independent reference of ggml's quantizers
// written on PyTorch's float32 arithmetic and float16 rounding (test/fixtures/model/ggml_ref_quant.py).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeBf16, encodeF16, quantizeQ4_0, quantizeQ8_0 } from "../../src/core/model/quantize.js";
import { repoRoot } from "../support/cli.js";

const PY = "/usr/bin/python3";
const noTorch = spawnSync(PY, ["-c", "import torch"]).status !== 0 ? `${PY} has no torch (apt-get install -y python3-torch)` : undefined;
if (noTorch) console.warn(`skipping the quantizer reference test: ${noTorch}`);

function blocks(): Float32Array {
  const out: number[] = [];
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
  out.push(...Array.from({ length: 32 }, (_, j) => (j - 16) / 8)); // ties at ±63.5
  out.push(...new Array(32).fill(0));
  out.push(...Array.from({ length: 32 }, (_, j) => (j % 2 ? -1 : 1) * ((j + 0.5) * 127) / 31.5 / 64));
  out.push(...Array.from({ length: 32 }, (_, j) => Math.sin(j * 1.7) * 3.3e-5)); // f16 subnormal scales
  out.push(...Array.from({ length: 32 }, (_, j) => (j === 7 ? -9.75 : Math.cos(j) * 4))); // negative extreme
  out.push(...Array.from({ length: 32 }, (_, j) => (j < 16 ? 1 : -1))); // Q4_0: max found first wins ties of |x|
  for (const scale of [1e-3, 0.02, 1, 300, 7e4]) for (let i = 0; i < 32 * 40; i++) out.push((rnd() - 0.5) * scale);
  return Float32Array.from(out);
}

describe.skipIf(noTorch !== undefined)("tensor encodings match the PyTorch reference of ggml's quantizers", () => {
  it("byte for byte on fixed and random blocks", () => {
    const x = blocks();
    const r = spawnSync(PY, [join(repoRoot, "test/fixtures/model/ggml_ref_quant.py")], { input: JSON.stringify({ values: [...x] }), encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const ref = JSON.parse(r.stdout) as Record<string, string>;
    const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
    expect(hex(encodeF16(x))).toBe(ref.f16);
    expect(hex(encodeBf16(x))).toBe(ref.bf16);
    expect(hex(quantizeQ8_0(x))).toBe(ref.q8_0);
    expect(hex(quantizeQ4_0(x))).toBe(ref.q4_0);
  }, 120_000);
});

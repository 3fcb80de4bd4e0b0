// Child of bench/serve.mjs: write a random tiny (dim 64) or ~100M-parameter Llama (dim 768, 14 layers:
// 99.5M parameters) and export it to F16 GGUF with llmops; prints the file's path and parameter count.
import { join } from "node:path";
import { exportGguf } from "../src/app/model/export-gguf.js";
import { writeTinyLlama } from "../test/support/tiny-llama.js";

const [kind, dir] = process.argv.slice(2) as [string, string];
const big = kind === "big";
writeTinyLlama(join(dir, kind), big ? { hidden: 768, layers: 14, heads: 12, kvHeads: 12, ffn: 2048, ctx: 1024, seed: 3 } : { ctx: 1024, seed: 3 });
const quiet = { info() {}, warn() {}, error() {}, debug() {}, group: async <T>(_: string, f: () => Promise<T>) => f() } as never;
const r = await exportGguf({ modelDir: join(dir, kind), cwd: dir, type: "f16", out: join(dir, `${kind}.gguf`), logger: quiet });
console.log(JSON.stringify({ gguf: r.out, parameters: r.record.parameters }));

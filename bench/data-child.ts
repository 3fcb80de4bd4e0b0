// Child process of bench/data.mjs: validates (or bare-parses) one file and prints its own figures,
// peak RSS read from /proc/self/status, so the parent measures an honest, separate process.
import { readFileSync } from "node:fs";
import { readChunks, validateFiles } from "../src/app/data/data-files.js";
import { DatasetValidator } from "../src/core/data/validate.js";

function vmHwmMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function bare(path: string): Promise<number> {
  // The floor: read chunks, split on 0x0A, decode, JSON.parse. Nothing else.
  let records = 0;
  let carry: Buffer | undefined;
  for await (const chunk of readChunks(path)) {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, pos);
      if (nl === -1) break;
      let line = buf.subarray(pos, nl);
      if (carry) {
        line = Buffer.concat([carry, line]);
        carry = undefined;
      }
      JSON.parse(line.toString("utf8"));
      records++;
      pos = nl + 1;
    }
    if (pos < buf.length) carry = carry ? Buffer.concat([carry, buf.subarray(pos)]) : Buffer.from(buf.subarray(pos));
  }
  if (carry && carry.length > 0) {
    JSON.parse(carry.toString("utf8"));
    records++;
  }
  return records;
}

const [mode, path] = process.argv.slice(2);
const t0 = performance.now();
let records = 0;
let errors = 0;
if (mode === "bare") records = await bare(path!);
else {
  const v = new DatasetValidator();
  await validateFiles(v, [{ path: path!, shown: path! }]);
  const r = v.report();
  records = r.records;
  errors = r.errors;
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ mode, records, errors, ms, vmhwm_mb: vmHwmMb() }) + "\n");

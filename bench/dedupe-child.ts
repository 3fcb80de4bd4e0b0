// Child process of bench/dedupe.mjs: near-duplicate detection over N generated short records
// (with planted exact and near duplicates); prints its figures and its own peak RSS (VmHWM).
import { readFileSync } from "node:fs";
import { Deduper, defaultDedupeOptions } from "../src/core/data/dedupe.js";

const [modeArg, nArg] = process.argv.slice(2);
const n = Number(nArg ?? 1_000_000);
const mode = modeArg ?? "dedupe";

let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const vocab = Array.from({ length: 20000 }, (_, i) => `w${i.toString(36)}`);
const recent: string[] = [];
function record(): { text: string; planted: "exact" | "near" | null } {
  const r = rnd();
  if (recent.length > 100 && r < 0.05) return { text: recent[(rnd() * recent.length) | 0]!, planted: "exact" };
  if (recent.length > 100 && r < 0.1) {
    // One word appended to a 20-40 word record: 3-shingle Jaccard ≈ 0.95-0.97.
    return { text: `${recent[(rnd() * recent.length) | 0]!} extra`, planted: "near" };
  }
  const len = 20 + ((rnd() * 21) | 0);
  const words: string[] = [];
  for (let i = 0; i < len; i++) words.push(vocab[(rnd() * vocab.length) | 0]!);
  const text = words.join(" ");
  recent.push(text);
  if (recent.length > 1000) recent.shift();
  return { text, planted: null };
}

function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

const d = new Deduper({ ...defaultDedupeOptions, exampleLimit: 0 });
let planted = { exact: 0, near: 0 };
let foundPlanted = { exact: 0, near: 0 };
let chars = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const r = record();
  chars += r.text.length;
  if (r.planted) planted[r.planted]++;
  if (mode === "dedupe") {
    const hit = d.check(r.text, { file: "gen", line: i + 1 });
    if (hit && r.planted) foundPlanted[r.planted]++;
  }
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ mode, records: n, ms, chars, planted, foundPlanted, summary: mode === "dedupe" ? d.result() : null, vmhwm_mb: vmHwmMb() }) + "\n");

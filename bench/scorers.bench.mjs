// Throughput of the text scorers (BLEU, chrF, ROUGE-L) over generated sentence pairs, next to a
// baseline measured in the same run: split both sentences on whitespace and hash every token.
// The ratio to the baseline is what carries over between machines. Prints; asserts nothing.
//   npm run bench:scorers            (100,000 pairs)
//   npm run bench:scorers -- 20000   (fewer pairs)
// With LLMOPS_REFERENCE_PYTHON naming a Python that has sacrebleu, it also times sacreBLEU's
// sentence_score + corpus statistics on the first 20,000 pairs, for comparison.
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "node_modules", ".cache", "llmops-bench", "scorers.mjs");
mkdirSync(dirname(outfile), { recursive: true });
await build({
  stdin: {
    contents: 'export { createScorers, scorerConfigSchema } from "./src/core/eval/scorers/registry.ts";\nexport { createRng } from "./src/core/stats/prng.ts";\n',
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  outfile,
  logLevel: "warning",
});
const { createScorers, scorerConfigSchema, createRng } = await import(pathToFileURL(outfile).href);

const N = Number(process.argv[2] ?? 100_000);

// A Zipf-ish vocabulary so that n-grams repeat as in real text.
const r = createRng(42).next; // the stats library's seeded generator: the same pairs every run
const vocab = Array.from({ length: 5000 }, (_, i) => {
  const len = 2 + Math.floor(r() * 8);
  let w = "";
  for (let k = 0; k < len; k++) w += String.fromCharCode(97 + Math.floor(r() * 26));
  return i % 50 === 0 ? `${w},` : i % 97 === 0 ? `${w}.` : w;
});
const word = () => vocab[Math.floor(vocab.length * r() ** 3)];
const pairs = Array.from({ length: N }, () => {
  const len = 10 + Math.floor(r() * 21);
  const ref = Array.from({ length: len }, word);
  const hyp = ref.filter(() => r() > 0.15).map((w) => (r() < 0.1 ? word() : w));
  return [hyp.join(" "), ref.join(" ")];
});

function baseline() {
  let h = 0x811c9dc5;
  for (const [hyp, ref] of pairs) {
    for (const s of [hyp, ref]) {
      for (const tok of s.split(/\s+/)) {
        for (let i = 0; i < tok.length; i++) h = Math.imul(h ^ tok.charCodeAt(i), 0x01000193);
      }
    }
  }
  return h;
}

const base = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };
function runScorer(type) {
  const [scorer] = createScorers([scorerConfigSchema.parse({ type })]);
  let summed = null;
  let sum = 0;
  for (const [hyp, ref] of pairs) {
    const s = scorer.score({ ...base, output: hyp, expected: ref });
    sum += s.value;
    if (s.stats) {
      if (summed === null) summed = [...s.stats];
      else for (let k = 0; k < summed.length; k++) summed[k] += s.stats[k];
    }
  }
  return scorer.aggregate ? scorer.aggregate(summed) : sum / pairs.length;
}

function time(fn) {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, result };
}

console.log(`scorers benchmark: ${N.toLocaleString("en-US")} sentence pairs, node ${process.version}, ${os.cpus()[0]?.model ?? "cpu?"}`);
// Warm up each path on a slice so the JIT has compiled them before timing.
const all = pairs.splice(0);
pairs.push(...all.slice(0, Math.min(2000, N)));
baseline();
for (const t of ["bleu", "chrf", "rouge_l"]) runScorer(t);
pairs.splice(0, pairs.length, ...all);

const b = time(baseline);
const rows = [["baseline (split + hash tokens)", b.seconds, "—"]];
for (const [label, type] of [["bleu (13a, corpus + sentence)", "bleu"], ["chrf (corpus + sentence)", "chrf"], ["rouge_l", "rouge_l"]]) {
  const t = time(() => runScorer(type));
  rows.push([`${label} → ${t.result.toFixed(4)}`, t.seconds, `${(t.seconds / b.seconds).toFixed(1)}× baseline`]);
}
for (const [label, seconds, ratio] of rows) {
  console.log(`${label.padEnd(48)} ${Math.round(N / seconds).toLocaleString("en-US").padStart(12)} sentences/s  ${ratio}`);
}

const python = process.env.LLMOPS_REFERENCE_PYTHON;
if (python) {
  const sample = pairs.slice(0, 20_000);
  const file = join(dirname(outfile), "pairs.json");
  writeFileSync(file, JSON.stringify(sample));
  const script = [
    "import json, sys, time",
    "from sacrebleu.metrics import BLEU, CHRF",
    "pairs = json.load(open(sys.argv[1]))",
    "for name, m in (('bleu', BLEU(effective_order=True)), ('chrf', CHRF())):",
    "    t0 = time.perf_counter()",
    "    for h, r in pairs: m.sentence_score(h, [r])",
    "    print(f'sacrebleu {name} sentence_score  {len(pairs) / (time.perf_counter() - t0):,.0f} sentences/s')",
  ].join("\n");
  const r = spawnSync(python, ["-c", script, file], { encoding: "utf8" });
  process.stdout.write(r.status === 0 ? r.stdout : `sacrebleu peer skipped: ${r.stderr.trim().split("\n").pop()}\n`);
}

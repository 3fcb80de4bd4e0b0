// Cross-check of bleu, chrf and rouge against the Python reference implementations on a few
// thousand random sentence pairs (Unicode included). Skipped when Python lacks sacrebleu
// (and, for ROUGE, rouge_score). Set LLMOPS_REFERENCE_PYTHON to pick the interpreter.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScorers, scorerConfigSchema } from "../../src/core/eval/scorers/registry.js";
import type { Scorer } from "../../src/core/eval/scorers/types.js";
import { createRng } from "../../src/core/stats/prng.js";

// The reference Python: $LLMOPS_REFERENCE_PYTHON, else the venv scripts/setup-hf-venv.sh makes
// (it installs sacrebleu from the local mirror), else python3.
const VENV_PYTHON = new URL("../../.llmops/hf-venv/bin/python", import.meta.url).pathname;
const PYTHON = process.env.LLMOPS_REFERENCE_PYTHON ?? (existsSync(VENV_PYTHON) ? VENV_PYTHON : "python3");
const N = 3000;

function hasModule(mod: string): boolean {
  const r = spawnSync(PYTHON, ["-c", `import ${mod}`], { stdio: "ignore" });
  return r.status === 0;
}
const haveSacrebleu = hasModule("sacrebleu");
const haveRouge = hasModule("rouge_score");
// A skipped cross-check says why, in its name and on stderr (vitest shows only "skipped" otherwise).
const why = (mod: string, pipName: string) => `skipped: ${PYTHON} cannot import ${mod} (pip install ${pipName}, or set LLMOPS_REFERENCE_PYTHON to an interpreter that has it; the local package mirror scripts/setup-hf-venv.sh uses has ${pipName === "sacrebleu" ? "it" : "no " + pipName})`;
if (!haveSacrebleu) console.warn(`scorers-reference: sacreBLEU cross-checks ${why("sacrebleu", "sacrebleu")}`);
if (!haveRouge) console.warn(`scorers-reference: ROUGE cross-checks ${why("rouge_score", "rouge-score")}`);

const WORDS = [
  "the", "The", "cat", "sat", "on", "mat", "dog", "bit", "man", "a", "an", "it", "was", "not", "is",
  "3.50", "1,000", "2024", "10-20", "e.g.", "U.S.", "don't", "it's", "(see", "below)", "\"quoted\"", "a-b",
  "&amp;", "&quot;", "&lt;x&gt;", "<skipped>", "$5", "50%", "#tag", "@user", "x/y", "…", "—", "–", "«", "»",
  "café", "naïve", "Straße", "İstanbul", "Ωmega", "σοφία", "Москва", "東京", "北京市", "😀", "👍🏽", "mañana",
  "zahăr", "producţia", "Co", "nás", "žít", "ａｂｃ", "١٢٣", "x²", "½", "€", "™", "ﬁne", "KELVIN\u212a",
];
const SEPARATORS = [" ", " ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\u2009", "\u0085", "\u001c", "\ufeff", "\n"];
const ENDINGS = ["", ".", "!", "?", " .", ",", ";"];

function sentence(r: () => number, len: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  let s = r() < 0.1 ? pick(SEPARATORS) : "";
  for (let i = 0; i < len; i++) s += (i > 0 ? pick(SEPARATORS) : "") + pick(WORDS);
  return s + pick(ENDINGS) + (r() < 0.1 ? pick(SEPARATORS) : "");
}

function mutate(r: () => number, s: string): string {
  const words = s.split(" ");
  const out = words.filter(() => r() > 0.2);
  if (r() < 0.5) out.splice(Math.floor(r() * (out.length + 1)), 0, WORDS[Math.floor(r() * WORDS.length)] as string);
  return out.join(" ");
}

function makeData(seed: number): { hyps: string[]; refs: string[][] } {
  const r = createRng(seed).next; // seeded, so failures reproduce
  const hyps: string[] = [];
  const ref1: string[] = [];
  const ref2: string[] = [];
  for (let i = 0; i < N; i++) {
    const len = Math.floor(r() * 25);
    const ref = sentence(r, len);
    ref1.push(ref);
    ref2.push(r() < 0.5 ? sentence(r, Math.floor(r() * 25)) : mutate(r, ref));
    hyps.push(r() < 0.05 ? "" : r() < 0.15 ? sentence(r, Math.floor(r() * 10)) : mutate(r, ref));
  }
  return { hyps, refs: [ref1, ref2] };
}

const PY = String.raw`
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
hyps, refs = data["hyps"], data["refs"]
out = {}
if data["sacrebleu"]:
    from sacrebleu.metrics import BLEU, CHRF
    for nrefs in (1, 2):
        rs = refs[:nrefs]
        for tok in ("13a", "intl", "char", "none"):
            out[f"bleu_corpus_{tok}_{nrefs}"] = BLEU(tokenize=tok).corpus_score(hyps, rs).score
        sb = BLEU(effective_order=True)
        out[f"bleu_sentence_{nrefs}"] = [sb.sentence_score(h, [r[i] for r in rs]).score for i, h in enumerate(hyps)]
        out[f"chrf_corpus_{nrefs}"] = CHRF().corpus_score(hyps, rs).score
        out[f"chrfpp_corpus_{nrefs}"] = CHRF(word_order=2).corpus_score(hyps, rs).score
        sc = CHRF()
        out[f"chrf_sentence_{nrefs}"] = [sc.sentence_score(h, [r[i] for r in rs]).score for i, h in enumerate(hyps)]
if data["rouge"]:
    from rouge_score import rouge_scorer
    s = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])
    res = [s.score(refs[0][i], h) for i, h in enumerate(hyps)]
    for k in ("rouge1", "rouge2", "rougeL"):
        out[k] = [x[k].fmeasure for x in res]
    s = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    res = [s.score(refs[0][i], h) for i, h in enumerate(hyps)]
    for k in ("rouge1", "rouge2", "rougeL"):
        out[k + "_stem"] = [x[k].fmeasure for x in res]
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
`;

const dir = mkdtempSync(join(tmpdir(), "llmops-scorers-ref-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runReference(): Record<string, number | number[]> {
  const data = makeData(20261126);
  const inPath = join(dir, "in.json");
  const outPath = join(dir, "out.json");
  writeFileSync(inPath, JSON.stringify({ ...data, sacrebleu: haveSacrebleu, rouge: haveRouge }));
  const r = spawnSync(PYTHON, ["-c", PY, inPath, outPath], { encoding: "utf8", timeout: 240_000 });
  if (r.status !== 0) throw new Error(`reference python failed: ${r.stderr}`);
  return JSON.parse(readFileSync(outPath, "utf8")) as Record<string, number | number[]>;
}

const base = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };

function ours(config: Record<string, unknown>, hyps: string[], refs: string[][]): { corpus: number; sentences: number[] } {
  const [scorer] = createScorers([scorerConfigSchema.parse(config)]) as [Scorer];
  let summed: number[] = [];
  const sentences = hyps.map((h, i) => {
    const s = scorer.score({ ...base, output: h, expected: refs.map((r) => r[i] as string) });
    if (s.stats) summed = summed.length === 0 ? [...s.stats] : summed.map((v, k) => v + (s.stats?.[k] ?? 0));
    return (s.value ?? NaN) * 100;
  });
  return { corpus: scorer.aggregate ? scorer.aggregate(summed) * 100 : NaN, sentences };
}

const maxDiff = (a: readonly number[], b: readonly number[]) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - (b[i] as number))), 0);

describe.skipIf(!haveSacrebleu && !haveRouge)(`scorers vs Python reference implementations (${N} pairs)${haveSacrebleu || haveRouge ? "" : ` — ${why("sacrebleu or rouge_score", "sacrebleu rouge-score")}`}`, () => {
  let ref: Record<string, number | number[]> = {};
  beforeAll(() => {
    ref = runReference();
  }, 300_000);
  const { hyps, refs } = makeData(20261126);
  const TOL = 1e-9; // on the 0–100 scale

  describe.skipIf(!haveSacrebleu)(haveSacrebleu ? "sacrebleu" : `sacrebleu — ${why("sacrebleu", "sacrebleu")}`, () => {
    it.each([1, 2])("BLEU corpus (13a, intl, char, none) and sentence, %i reference(s)", (nrefs) => {
      const rs = refs.slice(0, nrefs);
      for (const tok of ["13a", "intl", "char", "none"]) {
        const d = Math.abs(ours({ type: "bleu", tokenize: tok }, hyps, rs).corpus - (ref[`bleu_corpus_${tok}_${nrefs}`] as number));
        console.log(`bleu corpus tok=${tok} nrefs=${nrefs}: |diff| = ${d}`);
        expect(d).toBeLessThan(TOL);
      }
      const d = maxDiff(ours({ type: "bleu" }, hyps, rs).sentences, ref[`bleu_sentence_${nrefs}`] as number[]);
      console.log(`bleu sentence nrefs=${nrefs}: max |diff| = ${d}`);
      expect(d).toBeLessThan(TOL);
    });

    it.each([1, 2])("chrF and chrF++ corpus and chrF sentence, %i reference(s)", (nrefs) => {
      const rs = refs.slice(0, nrefs);
      const c = ours({ type: "chrf" }, hyps, rs);
      const pp = ours({ type: "chrf", word_order: 2 }, hyps, rs);
      const diffs = {
        corpus: Math.abs(c.corpus - (ref[`chrf_corpus_${nrefs}`] as number)),
        corpusPP: Math.abs(pp.corpus - (ref[`chrfpp_corpus_${nrefs}`] as number)),
        sentence: maxDiff(c.sentences, ref[`chrf_sentence_${nrefs}`] as number[]),
      };
      console.log(`chrf nrefs=${nrefs}: max |diff| ${JSON.stringify(diffs)}`);
      for (const d of Object.values(diffs)) expect(d).toBeLessThan(TOL);
    });
  });

  describe.skipIf(!haveRouge)(haveRouge ? "rouge_score" : `rouge_score — ${why("rouge_score", "rouge-score")}`, () => {
    it.each([
      ["rouge1", "rouge1"],
      ["rouge2", "rouge2"],
      ["rouge_l", "rougeL"],
    ])("%s F-measure per sentence, with and without stemming", (type, key) => {
      for (const stem of [false, true]) {
        const mine = ours({ type, use_stemmer: stem }, hyps, refs.slice(0, 1)).sentences.map((x) => x / 100);
        const d = maxDiff(mine, ref[stem ? `${key}_stem` : key] as number[]);
        console.log(`${type} use_stemmer=${stem}: max |diff| = ${d}`);
        expect(d).toBeLessThan(1e-12);
      }
    });
  });
});

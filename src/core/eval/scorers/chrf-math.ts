// chrF / chrF++ statistics and score, a faithful port of sacreBLEU's CHRF: character n-grams over
// code points (whitespace removed by default), optional word n-grams, per-order [hyp, ref, match].
import { codePoints, pyRemoveWhitespace, pySplit } from "./text.js";

export interface ChrfOptions {
  charOrder: number;
  wordOrder: number;
  beta: number;
  /** Keep whitespace in character n-grams (sacreBLEU `whitespace=True`). */
  whitespace: boolean;
  /** chrF++.py-style epsilon smoothing instead of sacreBLEU 2's effective-order averaging. */
  epsSmoothing: boolean;
}

type Counts = Map<string, number>;

function count(items: Iterable<string>): Counts {
  const m: Counts = new Map();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function* charNgramsOfOrder(chars: readonly string[], n: number): Generator<string> {
  for (let i = 0; i + n <= chars.length; i++) yield n === 1 ? (chars[i] as string) : chars.slice(i, i + n).join("");
}

function* wordNgramsOfOrder(words: readonly string[], n: number): Generator<string> {
  for (let i = 0; i + n <= words.length; i++) yield words.slice(i, i + n).join(" ");
}

const PUNCTS = new Set(Array.from("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));

/** sacreBLEU's CHRF._remove_punctuation: split one leading or trailing ASCII punctuation off each word. */
export function splitPunctuation(sentence: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(sentence)) {
    const cps = codePoints(w);
    if (cps.length === 1) {
      out.push(w);
    } else if (PUNCTS.has(cps[cps.length - 1] as string)) {
      out.push(cps.slice(0, -1).join(""), cps[cps.length - 1] as string);
    } else if (PUNCTS.has(cps[0] as string)) {
      out.push(cps[0] as string, cps.slice(1).join(""));
    } else {
      out.push(w);
    }
  }
  return out;
}

/** N-gram counters for orders 1..charOrder (characters), then 1..wordOrder (words). */
export function chrfNgrams(sentence: string, o: ChrfOptions): Counts[] {
  const chars = codePoints(o.whitespace ? sentence : pyRemoveWhitespace(sentence));
  const all: Counts[] = [];
  for (let n = 1; n <= o.charOrder; n++) all.push(count(charNgramsOfOrder(chars, n)));
  if (o.wordOrder > 0) {
    const words = splitPunctuation(sentence);
    for (let n = 1; n <= o.wordOrder; n++) all.push(count(wordNgramsOfOrder(words, n)));
  }
  return all;
}

function matchStats(hyp: Counts, ref: Counts): [number, number, number] {
  let match = 0;
  let hypCount = 0;
  for (const [ng, c] of hyp) {
    hypCount += c;
    const r = ref.get(ng);
    if (r !== undefined) match += Math.min(c, r);
  }
  let refCount = 0;
  for (const c of ref.values()) refCount += c;
  return [ref.size > 0 ? hypCount : 0, refCount, match];
}

/** sacreBLEU's CHRF._compute_f_score on flattened [hyp, ref, match] × order; 0–100. */
export function computeChrf(stats: readonly number[], o: ChrfOptions): number {
  const eps = 1e-16;
  const order = o.charOrder + o.wordOrder;
  const factor = o.beta ** 2;
  let score = 0.0;
  let effectiveOrder = 0;
  let avgPrec = 0.0;
  let avgRec = 0.0;
  for (let i = 0; i < order; i++) {
    const nHyp = stats[3 * i] ?? 0;
    const nRef = stats[3 * i + 1] ?? 0;
    const nMatch = stats[3 * i + 2] ?? 0;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder += 1;
    }
  }
  if (o.epsSmoothing) return (100 * score) / order;
  if (effectiveOrder === 0) {
    avgPrec = avgRec = 0.0;
  } else {
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
  }
  if (avgPrec + avgRec) {
    const s = ((1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec);
    return 100 * s;
  }
  return 0.0;
}

/** Statistics of the hypothesis against its best-scoring reference, as sacreBLEU picks it. */
export function chrfSegmentStats(hypothesis: string, refs: readonly string[], o: ChrfOptions): { stats: number[]; score: number } {
  const hyp = chrfNgrams(hypothesis, o);
  let best: number[] = [];
  let bestScore = -1.0;
  for (const ref of refs) {
    const refNgrams = chrfNgrams(ref, o);
    const stats: number[] = [];
    for (let i = 0; i < hyp.length; i++) stats.push(...matchStats(hyp[i] as Counts, refNgrams[i] as Counts));
    const s = computeChrf(stats, o);
    if (s > bestScore) {
      bestScore = s;
      best = stats;
    }
  }
  return { stats: best, score: bestScore };
}

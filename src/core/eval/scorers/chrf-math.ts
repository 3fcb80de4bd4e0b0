// chrF / chrF++ statistics and score, a faithful port of sacreBLEU's CHRF: character n-grams over
// code points (whitespace removed by default), optional word n-grams, per-order [hyp, ref, match].
import { numericKeysFit, sortedNgramKeys, sortedOverlap } from "./ngram-keys.js";
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
/** One order's n-grams: counted in a map, or as a sorted array of numeric keys. */
type Ngrams = Counts | Float64Array;

function count(items: Iterable<string>): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Code points of `text` as small integer ids (1-based), assigned through `alphabet`. */
function charIds(text: string, alphabet: Map<number, number>): Int32Array {
  const ids = new Int32Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    let id = alphabet.get(cp);
    if (id === undefined) alphabet.set(cp, (id = alphabet.size + 1));
    ids[n++] = id;
  }
  return ids.subarray(0, n);
}

/** Counters of character n-grams with string keys: for alphabets too large for numeric keys. */
function charNgramCountsByString(text: string, maxOrder: number): Map<string, number>[] {
  const chars = codePoints(text);
  const all = Array.from({ length: maxOrder }, () => new Map<string, number>());
  for (let i = 0; i < chars.length; i++) {
    let key = "";
    const last = Math.min(maxOrder, chars.length - i);
    for (let n = 1; n <= last; n++) {
      key += chars[i + n - 1] as string;
      const m = all[n - 1] as Map<string, number>;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  return all;
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

/** Word n-gram counters, orders 1..wordOrder, over chrF++'s punctuation-split words. */
function wordNgramCounts(sentence: string, wordOrder: number): Map<string, number>[] {
  const words = splitPunctuation(sentence);
  const all: Map<string, number>[] = [];
  for (let n = 1; n <= wordOrder; n++) all.push(count(wordNgramsOfOrder(words, n)));
  return all;
}

/** N-gram counters for orders 1..charOrder (characters), then 1..wordOrder (words), per sentence. */
export function chrfNgrams(sentences: readonly string[], o: ChrfOptions): Ngrams[][] {
  const texts = sentences.map((s) => (o.whitespace ? s : pyRemoveWhitespace(s)));
  const alphabet = new Map<number, number>();
  const ids = texts.map((t) => charIds(t, alphabet));
  const radix = alphabet.size + 1;
  const numeric = numericKeysFit(alphabet.size, o.charOrder);
  return sentences.map((sentence, k) => {
    const chars: Ngrams[] = numeric ? sortedNgramKeys(ids[k] as Int32Array, radix, o.charOrder) : charNgramCountsByString(texts[k] as string, o.charOrder);
    return o.wordOrder > 0 ? [...chars, ...wordNgramCounts(sentence, o.wordOrder)] : chars;
  });
}

function matchStats(hyp: Ngrams, ref: Ngrams): [number, number, number] {
  if (hyp instanceof Float64Array && ref instanceof Float64Array) return [ref.length > 0 ? hyp.length : 0, ref.length, sortedOverlap(hyp, ref)];
  return mapMatchStats(hyp as Counts, ref as Counts);
}

function mapMatchStats(hyp: Counts, ref: Counts): [number, number, number] {
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
  // Hypothesis and references share one alphabet so that numeric n-gram keys agree.
  const [hyp, ...refCounts] = chrfNgrams([hypothesis, ...refs], o) as [Ngrams[], ...Ngrams[][]];
  let best: number[] = [];
  let bestScore = -1.0;
  for (const refNgrams of refCounts) {
    const stats: number[] = [];
    for (let i = 0; i < hyp.length; i++) stats.push(...matchStats(hyp[i] as Ngrams, refNgrams[i] as Ngrams));
    const s = computeChrf(stats, o);
    if (s > bestScore) {
      bestScore = s;
      best = stats;
    }
  }
  return { stats: best, score: bestScore };
}

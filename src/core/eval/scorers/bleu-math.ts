// BLEU from sufficient statistics, a faithful port of sacreBLEU's BLEU.compute_bleu and its
// segment statistics, so that corpus and sentence scores match sacreBLEU to the last digit.
import { numericKeysFit, sortedMaxCounts, sortedNgramKeys, sortedOverlap } from "./ngram-keys.js";
import { pySplit } from "./text.js";

export const MAX_NGRAM_ORDER = 4;

export type SmoothMethod = "exp" | "floor" | "add-k" | "none";
export const SMOOTH_DEFAULTS: Readonly<Record<SmoothMethod, number | null>> = {
  none: null,
  floor: 0.1,
  "add-k": 1,
  exp: null,
};

/** Word n-gram counts per order (index n-1 holds order n) of a tokenized line; keys are space-joined tokens. */
export function wordNgrams(line: string, maxOrder: number): { counts: Map<string, number>[]; length: number } {
  const tokens = pySplit(line);
  const counts = Array.from({ length: maxOrder }, () => new Map<string, number>());
  for (let i = 0; i < tokens.length; i++) {
    // Grow the key one token at a time instead of slicing and joining for each order.
    let key = tokens[i] as string;
    const last = Math.min(maxOrder, tokens.length - i);
    for (let n = 1; n <= last; n++) {
      if (n > 1) key += " " + (tokens[i + n - 1] as string);
      const m = counts[n - 1] as Map<string, number>;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  return { counts, length: tokens.length };
}

export interface BleuReferenceInfo {
  /** Per order, the max count of each n-gram over the references. */
  ngrams: Map<string, number>[];
  lengths: number[];
}

export function referenceInfo(refs: readonly string[], maxOrder: number): BleuReferenceInfo {
  if (refs.length === 1) {
    const { counts, length } = wordNgrams(refs[0] as string, maxOrder);
    return { ngrams: counts, lengths: [length] };
  }
  const ngrams = Array.from({ length: maxOrder }, () => new Map<string, number>());
  const lengths: number[] = [];
  for (const ref of refs) {
    const { counts, length } = wordNgrams(ref, maxOrder);
    lengths.push(length);
    counts.forEach((orderCounts, n) => {
      const merged = ngrams[n] as Map<string, number>;
      for (const [k, c] of orderCounts) {
        const prev = merged.get(k);
        if (prev === undefined || c > prev) merged.set(k, c);
      }
    });
  }
  return { ngrams, lengths };
}

/** The reference length closest to the hypothesis length; ties go to the shorter reference. */
export function closestRefLength(hypLength: number, refLengths: readonly number[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const len of refLengths) {
    const diff = Math.abs(hypLength - len);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = len;
    } else if (diff === closestDiff && len < closestLen) {
      closestLen = len;
    }
  }
  return closestLen;
}

/** [sys_len, ref_len, correct_1..N, total_1..N] for one pre-processed hypothesis. */
export function bleuSegmentStats(hypothesis: string, refs: BleuReferenceInfo, maxOrder: number): number[] {
  const { counts, length } = wordNgrams(hypothesis, maxOrder);
  const stats = new Array<number>(2 + 2 * maxOrder).fill(0);
  stats[0] = length;
  stats[1] = closestRefLength(length, refs.lengths);
  for (let n = 0; n < maxOrder; n++) {
    const refCounts = refs.ngrams[n] as Map<string, number>;
    let correct = 0;
    let total = 0;
    for (const [ngram, count] of counts[n] as Map<string, number>) {
      total += count;
      const refCount = refCounts.get(ngram);
      if (refCount !== undefined) correct += Math.min(count, refCount);
    }
    stats[2 + n] = correct;
    stats[2 + maxOrder + n] = total;
  }
  return stats;
}

/**
 * Segment statistics of a pre-processed hypothesis against its pre-processed references. Tokens
 * get numeric ids shared by hypothesis and references, so n-grams are matched as sorted numeric
 * keys; string keys (bleuSegmentStats) when the vocabulary is too large for exact keys.
 */
export function bleuSentenceStats(hypothesis: string, refs: readonly string[], maxOrder: number): number[] {
  const vocab = new Map<string, number>();
  const toIds = (line: string) =>
    pySplit(line).map((t) => {
      let id = vocab.get(t);
      if (id === undefined) vocab.set(t, (id = vocab.size + 1));
      return id;
    });
  const hypIds = toIds(hypothesis);
  const refIds = refs.map(toIds);
  if (!numericKeysFit(vocab.size, maxOrder)) return bleuSegmentStats(hypothesis, referenceInfo(refs, maxOrder), maxOrder);
  const radix = vocab.size + 1;
  const hypKeys = sortedNgramKeys(hypIds, radix, maxOrder);
  const refKeys = refIds.map((ids) => sortedNgramKeys(ids, radix, maxOrder));
  const stats = new Array<number>(2 + 2 * maxOrder).fill(0);
  stats[0] = hypIds.length;
  stats[1] = closestRefLength(hypIds.length, refIds.map((ids) => ids.length));
  for (let n = 0; n < maxOrder; n++) {
    const hyp = hypKeys[n] as Float64Array;
    const ref = sortedMaxCounts(refKeys.map((k) => k[n] as Float64Array));
    stats[2 + n] = sortedOverlap(hyp, ref);
    stats[2 + maxOrder + n] = hyp.length;
  }
  return stats;
}

export interface BleuOptions {
  smoothMethod: SmoothMethod;
  smoothValue: number | null;
  effectiveOrder: boolean;
  maxOrder: number;
}

export interface BleuResult {
  /** On sacreBLEU's 0–100 scale. */
  score: number;
  precisions: number[];
  bp: number;
  sysLen: number;
  refLen: number;
}

/** sacreBLEU's `my_log`: log floored at a very low number for zero. */
function myLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x);
}

/** sacreBLEU's BLEU.compute_bleu, operating on [sys_len, ref_len, correct…, total…]. */
export function computeBleu(stats: readonly number[], o: BleuOptions): BleuResult {
  const sysLen = stats[0] ?? 0;
  const refLen = stats[1] ?? 0;
  const correct = stats.slice(2, 2 + o.maxOrder);
  const total = stats.slice(2 + o.maxOrder, 2 + 2 * o.maxOrder);
  const smoothValue = o.smoothValue ?? SMOOTH_DEFAULTS[o.smoothMethod] ?? 0;

  let bp = 1.0;
  if (sysLen < refLen) bp = sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0.0;

  const precisions = new Array<number>(o.maxOrder).fill(0);
  if (!correct.some((c) => c !== 0)) return { score: 0, precisions, bp, sysLen, refLen };

  let smoothMteval = 1;
  let effOrder = o.maxOrder;
  for (let n = 1; n <= o.maxOrder; n++) {
    if (o.smoothMethod === "add-k" && n > 1) {
      correct[n - 1] = (correct[n - 1] as number) + smoothValue;
      total[n - 1] = (total[n - 1] as number) + smoothValue;
    }
    const t = total[n - 1] as number;
    const c = correct[n - 1] as number;
    if (t === 0) break;
    if (o.effectiveOrder) effOrder = n;
    if (c === 0) {
      if (o.smoothMethod === "exp") {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * t);
      } else if (o.smoothMethod === "floor") {
        precisions[n - 1] = (100 * smoothValue) / t;
      }
    } else {
      precisions[n - 1] = (100 * c) / t;
    }
  }
  // Python's sum() adds left to right from 0, as reduce does here.
  let logSum = 0;
  for (const p of precisions.slice(0, effOrder)) logSum += myLog(p);
  const score = bp * Math.exp(logSum / effOrder);
  return { score, precisions, bp, sysLen, refLen };
}

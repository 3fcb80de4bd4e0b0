// BLEU from sufficient statistics, a faithful port of sacreBLEU's BLEU.compute_bleu and its
// segment statistics, so that corpus and sentence scores match sacreBLEU to the last digit.
import { pySplit } from "./text.js";

export const MAX_NGRAM_ORDER = 4;

export type SmoothMethod = "exp" | "floor" | "add-k" | "none";
export const SMOOTH_DEFAULTS: Readonly<Record<SmoothMethod, number | null>> = {
  none: null,
  floor: 0.1,
  "add-k": 1,
  exp: null,
};

/** Word n-grams (orders 1..maxOrder) of a tokenized line, counted; keys are space-joined tokens. */
export function wordNgrams(line: string, maxOrder: number): { counts: Map<string, number>; length: number } {
  const tokens = pySplit(line);
  const counts = new Map<string, number>();
  for (let n = 1; n <= maxOrder; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const key = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(" ");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return { counts, length: tokens.length };
}

export interface BleuReferenceInfo {
  /** Max count of each n-gram over the references. */
  ngrams: Map<string, number>;
  lengths: number[];
}

export function referenceInfo(refs: readonly string[], maxOrder: number): BleuReferenceInfo {
  const ngrams = new Map<string, number>();
  const lengths: number[] = [];
  for (const ref of refs) {
    const { counts, length } = wordNgrams(ref, maxOrder);
    lengths.push(length);
    for (const [k, c] of counts) {
      const prev = ngrams.get(k);
      if (prev === undefined || c > prev) ngrams.set(k, c);
    }
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
  const correct = new Array<number>(maxOrder).fill(0);
  const total = new Array<number>(maxOrder).fill(0);
  for (const [ngram, count] of counts) {
    let n = 0;
    for (let i = ngram.indexOf(" "); i !== -1; i = ngram.indexOf(" ", i + 1)) n++;
    total[n] = (total[n] as number) + count;
    const refCount = refs.ngrams.get(ngram);
    if (refCount !== undefined) correct[n] = (correct[n] as number) + Math.min(count, refCount);
  }
  return [length, closestRefLength(length, refs.lengths), ...correct, ...total];
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

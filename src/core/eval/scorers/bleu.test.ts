// sacreBLEU's published test vectors (test_bleu.py, test_sentence_bleu.py), ported as tables.
import { describe, expect, it } from "vitest";
import { bleu } from "./bleu.js";
import { bleuSegmentStats, bleuSentenceStats, computeBleu, referenceInfo } from "./bleu-math.js";
import { preprocessForBleu } from "./tokenizers.js";
import type { Scorer } from "./types.js";

function makeBleu(options: Record<string, unknown> = {}): Scorer {
  return bleu.create(bleu.schema.parse({ type: "bleu", ...options }));
}

const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };

/** Corpus score on sacreBLEU's 0–100 scale; `refStreams` is sacreBLEU's list of reference streams. */
function corpusBleu(scorer: Scorer, hyps: readonly string[], refStreams: readonly (readonly string[])[]): number {
  let summed: number[] = [];
  hyps.forEach((hyp, i) => {
    const refs = refStreams.map((stream) => stream[i] as string);
    const { stats } = scorer.score({ ...baseInput, output: hyp, expected: refs });
    summed = summed.length === 0 ? [...(stats ?? [])] : summed.map((v, k) => v + (stats?.[k] ?? 0));
  });
  return (scorer.aggregate?.(summed) ?? NaN) * 100;
}

const refs = [
  ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
  ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
];
const hyps = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

describe("bleu corpus score (sacreBLEU test_corpus_bleu)", () => {
  it.each([
    [hyps, {}, 48.530827],
    [["", "", ""], {}, 0.0],
    [hyps, { tokenize: "none" }, 49.1919566],
    [hyps, { tokenize: "13a" }, 48.530827],
    [hyps, { tokenize: "intl" }, 43.91623493],
    [hyps, { smooth_method: "none" }, 48.530827],
  ])("%j with %j → %f", (h, options, expected) => {
    expect(Math.abs(corpusBleu(makeBleu(options), h, refs) - expected)).toBeLessThan(1e-6);
  });
});

// raw_corpus_bleu = tokenize none, floor smoothing, effective order.
const raw = (smoothValue: number) => makeBleu({ tokenize: "none", smooth_method: "floor", smooth_value: smoothValue, effective_order: true });

describe("bleu max_ngram_order (sacreBLEU test_max_ngram_order)", () => {
  it.each([
    [1, "77.65"],
    [2, "60.50"],
    [3, "53.93"],
    [4, "48.53"],
    [5, "46.14"],
    [6, "43.28"],
  ])("order %i → %s", (order, expected) => {
    expect(corpusBleu(makeBleu({ max_ngram_order: order }), hyps, refs).toFixed(2)).toBe(expected);
  });
});

describe("bleu raw corpus (sacreBLEU test_raw_bleu, test_effective_order, test_offset)", () => {
  it.each([
    // sacreBLEU ≥ 2 returns 0 when nothing matches (#141); older versions printed 0.0037991784.
    [["this is a test", "another test"], ["ref1", "ref2"], 0.01, 0.0],
    [["this is a test"], ["this is a test"], 0.01, 1.0],
    [["this is a fest"], ["this is a test"], 0.01, 0.223606797749979],
    [["test"], ["a test"], 0.01, 0.3678794411714425],
    [["a test"], ["a test"], 0.01, 1.0],
    [["a little test"], ["a test"], 0.01, 0.03218297948685433],
    [["am I am a character sequence"], ["I am a symbol string sequence a a"], 0.0, 0],
    [["am I am a character sequence"], ["I am a symbol string sequence a a"], 0.1, 0.1555722182],
  ])("%j vs %j (floor %f) → %f", (h, r, sv, expected) => {
    expect(Math.abs(corpusBleu(raw(sv), h, [r]) / 100 - expected)).toBeLessThan(1e-8);
  });

  it("counts n-gram statistics as sacreBLEU does (test_statistics)", () => {
    const { stats } = raw(0.01).score({ ...baseInput, output: "am I am a character sequence", expected: "I am a symbol string sequence a a" });
    expect(stats?.slice(2, 6)).toEqual([4, 2, 1, 0]);
    expect(stats?.slice(6, 10)).toEqual([6, 5, 4, 3]);
    expect(stats?.slice(0, 2)).toEqual([6, 8]);
  });
});

describe("computeBleu (sacreBLEU test_scoring, test_degenerate_statistics)", () => {
  const opts = { smoothMethod: "none" as const, smoothValue: null, effectiveOrder: false, maxOrder: 4 };
  it("scores [9,7,5,3]/[10,8,6,4], 11/11 → 0.8375922397", () => {
    expect(Math.abs(computeBleu([11, 11, 9, 7, 5, 3, 10, 8, 6, 4], opts).score / 100 - 0.8375922397)).toBeLessThan(1e-8);
  });
  it.each([
    [[0, 0, 0, 0], [4, 4, 2, 1], 0, 1, 0.0],
    [[0, 0, 0, 0], [10, 11, 12, 0], 14, 10, 0.0],
    [[0, 0, 0, 0], [0, 0, 0, 0], 0, 0, 0.0],
    [[6, 5, 4, 0], [6, 5, 4, 3], 6, 6, 0.0],
    [[0, 0, 0, 0], [0, 0, 0, 0], 0, 0, 0.1],
    [[0, 0, 0, 0], [0, 0, 0, 0], 1, 5, 0.01],
  ])("correct %j total %j sys %i ref %i floor %f → 0", (correct, total, sys, ref, offset) => {
    const r = computeBleu([sys, ref, ...correct, ...total], { ...opts, smoothMethod: "floor", smoothValue: offset });
    expect(r.score).toBe(0);
  });
});

describe("bleu sentence value (sacreBLEU test_sentence_bleu)", () => {
  const REF = "producţia de zahăr brut se exprimă în zahăr alb;";
  const SYS = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
  it.each([
    ["exp", undefined, false, "13a", 8.493],
    ["none", undefined, false, "13a", 0.0],
    ["floor", undefined, false, "13a", 4.51688],
    ["floor", 0.1, false, "13a", 4.51688],
    ["floor", 0.5, false, "13a", 10.1],
    ["add-k", undefined, false, "13a", 14.882],
    ["add-k", 1, false, "13a", 14.882],
    ["add-k", 2, false, "13a", 21.389],
    ["exp", undefined, false, "none", 7.347],
    ["exp", undefined, false, "intl", 8.493],
    ["exp", undefined, false, "char", 40.8759],
    ["exp", undefined, true, "char", 42.0267],
  ])("smooth %s %s lowercase %s tok %s → %f", (smooth, value, lowercase, tok, expected) => {
    const s = makeBleu({ smooth_method: smooth, smooth_value: value, lowercase, tokenize: tok });
    const { value: v } = s.score({ ...baseInput, output: SYS, expected: [REF] });
    expect(Math.abs((v ?? NaN) * 100 - expected)).toBeLessThan(1e-3);
  });

  it.each(["exp", "none", "floor", "add-k"])("scores 0 when nothing matches (sacreBLEU #141), smooth %s", (smooth) => {
    const { value } = makeBleu({ smooth_method: smooth }).score({ ...baseInput, output: "this is a cat", expected: "okay thanks" });
    expect(value).toBe(0);
  });
});

describe("13a tokenizer", () => {
  it.each([
    ["Hello, world.", "Hello , world ."],
    ["It costs $3.50, not 3,000-4,000.", "It costs $ 3.50 , not 3,000 - 4,000 ."],
    ["a&quot;b&amp;c &lt;d&gt;", 'a " b & c < d >'],
    ["line-\nbreak\nnext<skipped>", "linebreak next"],
    ["x\u00a0y\u0085z\ufeffw", "x y z\ufeffw"],
    ["trailing   \u3000", "trailing"],
  ])("%j → %j", (input, expected) => {
    expect(preprocessForBleu(input, "13a", false)).toBe(expected);
  });
});

describe("bleu scorer contract", () => {
  it("prints sacreBLEU's signature fields with our version marker", () => {
    const s = makeBleu();
    expect(s.signature).toMatch(/^nrefs:var\|case:mixed\|eff:no\|tok:13a\|smooth:exp\|version:llmops-/);
    s.score({ ...baseInput, output: "a", expected: ["a", "b"] });
    expect(s.signature).toMatch(/^nrefs:2\|/);
    s.score({ ...baseInput, output: "a", expected: "a" });
    expect(s.signature).toMatch(/^nrefs:var\|/);
    expect(makeBleu({ smooth_method: "floor", lowercase: true, tokenize: "intl" }).signature).toMatch(/^nrefs:var\|case:lc\|eff:no\|tok:intl\|smooth:floor\[0\.10\]\|/);
  });
  it("returns null without a reference, and is a corpus metric", () => {
    const s = makeBleu();
    expect(s.corpus).toBe(true);
    expect(s.score({ ...baseInput, output: "a", expected: undefined }).value).toBeNull();
    expect(s.score({ ...baseInput, output: "a", expected: [] }).value).toBeNull();
  });
  it("rejects unknown options", () => {
    expect(bleu.schema.safeParse({ type: "bleu", tokenizer: "13a" }).success).toBe(false);
    expect(bleu.schema.safeParse({ type: "bleu", tokenize: "zh" }).success).toBe(false);
  });
});

describe("bleu statistics paths", () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${(from + i) % 12000}`).join(" ");
  it.each([
    ["small vocabulary, one reference", words(30), [words(25, 3)]],
    ["small vocabulary, two references", "a b a b c", ["a b c", "b a b a b"]],
    ["vocabulary too large for numeric keys", words(12000), [words(11000, 500)]],
  ])("numeric keys and string keys agree: %s", (_label, hyp, refs) => {
    expect(bleuSentenceStats(hyp, refs, 4)).toEqual(bleuSegmentStats(hyp, referenceInfo(refs, 4), 4));
  });
});

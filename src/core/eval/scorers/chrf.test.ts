// sacreBLEU's published chrF test vectors (test_chrf.py), ported as tables.
import { describe, expect, it } from "vitest";
import { chrf } from "./chrf.js";
import { splitPunctuation } from "./chrf-math.js";
import type { Scorer } from "./types.js";

function makeChrf(options: Record<string, unknown> = {}): Scorer {
  return chrf.create(chrf.schema.parse({ type: "chrf", ...options }));
}

const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };

function corpusChrf(scorer: Scorer, hyps: readonly string[], refs: readonly string[]): number {
  let summed: number[] = [];
  hyps.forEach((hyp, i) => {
    const { stats } = scorer.score({ ...baseInput, output: hyp, expected: [refs[i] as string] });
    summed = summed.length === 0 ? [...(stats ?? [])] : summed.map((v, k) => v + (stats?.[k] ?? 0));
  });
  return (scorer.aggregate?.(summed) ?? NaN) * 100;
}

const EPSILON = 1e-4;

describe("chrF corpus, beta 3, eps smoothing (sacreBLEU test_chrf)", () => {
  it.each([
    [["abcdefg"], ["hijklmnop"], 0.0],
    [["a"], ["b"], 0.0],
    [[""], ["b"], 0.0],
    [[""], ["ref"], 0.0],
    [[""], ["reference"], 0.0],
    [["aa"], ["ab"], 8.3333],
    [["a", "b"], ["a", "c"], 8.3333],
    [["a"], ["a"], 16.6667],
    [["a b c"], ["a b c"], 50.0],
    [["a b c"], ["abc"], 50.0],
    [
      [" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."],
      ["risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."],
      63.36173,
    ],
    [
      [" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "],
      ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."],
      64.1302698,
    ],
    [["Niemand hat die Absicht, eine Mauer zu errichten"], ["Niemand hat die Absicht, eine Mauer zu errichten"], 100.0],
  ])("%j vs %j → %f", (hyps, refs, expected) => {
    expect(Math.abs(corpusChrf(makeChrf({ beta: 3, eps_smoothing: true }), hyps, refs) - expected)).toBeLessThan(EPSILON);
  });
});

describe("chrF corpus, beta 3, effective order (sacreBLEU test_chrf_eff_order)", () => {
  it.each([
    [["a"], ["a"], 100.0],
    [[""], ["reference"], 0.0],
    [["a b c"], ["a b c"], 100.0],
    [["a b c"], ["abc"], 100.0],
    [[""], ["c"], 0.0],
    [["a", "b"], ["a", "c"], 50.0],
    [["aa"], ["ab"], 25.0],
  ])("%j vs %j → %f", (hyps, refs, expected) => {
    expect(Math.abs(corpusChrf(makeChrf({ beta: 3 }), hyps, refs) - expected)).toBeLessThan(EPSILON);
  });
});

describe("chrF keeping whitespace (sacreBLEU test_chrf_keep_whitespace)", () => {
  it.each([
    [
      ["Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."],
      ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."],
      67.3481606,
    ],
    [
      ["risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."],
      ["risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."],
      65.2414427,
    ],
  ])("%j vs %j → %f", (hyps, refs, expected) => {
    expect(Math.abs(corpusChrf(makeChrf({ beta: 3, whitespace: true }), hyps, refs) - expected)).toBeLessThan(EPSILON);
  });
});

describe("chrF sentence value, eps smoothing (sacreBLEU test_chrf_sentence_level)", () => {
  it.each([
    [
      "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.",
      ["Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře."],
      39.14078509,
    ],
    [
      "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.",
      ["A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři."],
      31.22557079,
    ],
    [
      "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.",
      ["Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli."],
      57.15704367,
    ],
  ])("%j → %f", (hyp, refs, expected) => {
    const { value } = makeChrf({ eps_smoothing: true }).score({ ...baseInput, output: hyp, expected: refs });
    expect(Math.abs((value ?? NaN) * 100 - expected)).toBeLessThan(EPSILON);
  });
});

describe("chrF details", () => {
  it("counts code points, not UTF-16 units", () => {
    // One astral character: 1 character n-gram each side, a perfect match.
    const { stats, value } = makeChrf().score({ ...baseInput, output: "😀", expected: "😀" });
    expect(stats?.slice(0, 3)).toEqual([1, 1, 1]);
    expect(stats?.slice(3, 6)).toEqual([0, 0, 0]);
    expect(value).toBe(1);
  });
  it("keeps U+FEFF (not whitespace in Python) and drops U+0085 (whitespace in Python)", () => {
    const { stats } = makeChrf().score({ ...baseInput, output: "a\ufeffb\u0085c", expected: "x" });
    expect(stats?.[0]).toBe(4); // a, U+FEFF, b, c
  });
  it("matches sacreBLEU on alphabets too large for numeric n-gram keys (600 distinct characters)", () => {
    const cjk = (step: number) => Array.from({ length: Math.ceil(600 / step) }, (_, i) => String.fromCodePoint(0x4e00 + i * step)).join("");
    // sacreBLEU 2.6.0: CHRF().sentence_score(h, [r]) and CHRF(word_order=2) with " ab cd" / " ab" appended.
    const chrf = makeChrf().score({ ...baseInput, output: cjk(2), expected: cjk(1) }).value ?? NaN;
    const chrfpp = makeChrf({ word_order: 2 }).score({ ...baseInput, output: `${cjk(2)} ab cd`, expected: `${cjk(1)} ab` }).value ?? NaN;
    expect(Math.abs(chrf * 100 - 9.259259259259258)).toBeLessThan(1e-9);
    expect(Math.abs(chrfpp * 100 - 13.189569828808455)).toBeLessThan(1e-9);
  });
  it("picks the best-scoring reference", () => {
    const s = makeChrf();
    const one = s.score({ ...baseInput, output: "the cat sat", expected: ["the cat sat"] });
    const two = s.score({ ...baseInput, output: "the cat sat", expected: ["a dog stood", "the cat sat"] });
    expect(two.value).toBe(1);
    expect(two.stats).toEqual(one.stats);
  });
  it.each([
    ["Hello, world!", ["Hello", ",", "world", "!"]],
    ["(quoted) x . 'ab'", ["(quoted", ")", "x", ".", "'ab", "'"]],
  ])("splits one trailing (else leading) punctuation off words as chrF++ does: %j", (input, expected) => {
    expect(splitPunctuation(input)).toEqual(expected);
  });
  it("prints sacreBLEU's chrF signature fields", () => {
    expect(makeChrf().signature).toMatch(/^nrefs:var\|case:mixed\|eff:yes\|nc:6\|nw:0\|space:no\|version:llmops-/);
    expect(makeChrf({ word_order: 2, lowercase: true, eps_smoothing: true }).signature).toMatch(/^nrefs:var\|case:lc\|eff:no\|nc:6\|nw:2\|space:no\|/);
  });
});

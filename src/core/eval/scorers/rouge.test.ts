// Google rouge-score's published test vectors (rouge_scorer_test.py, ROUGE-1.5.5 ground truth).
import { describe, expect, it } from "vitest";
import { rouge1, rouge2, rougeLScorer } from "./rouge.js";
import { lcsLength, rougeTokenize } from "./rouge-math.js";
import type { Scorer, ScorerDefinition } from "./types.js";

const defs = { rouge1, rouge2, rouge_l: rougeLScorer } as const satisfies Record<string, ScorerDefinition>;
function make(type: keyof typeof defs, options: Record<string, unknown> = {}): Scorer {
  const def = defs[type] as ScorerDefinition;
  return def.create(def.schema.parse({ type, ...options }));
}
const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };
function score(type: keyof typeof defs, target: unknown, prediction: string, options: Record<string, unknown> = {}) {
  const r = make(type, options).score({ ...baseInput, output: prediction, expected: target });
  return { f: r.value, p: r.detail?.precision as number, r: r.detail?.recall as number };
}

// rouge/testdata/target.txt and prediction.txt, first two lines (random strings from the rouge-score tests).
const TARGETS = [
  "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n",
  "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN\n",
];
const PREDICTIONS = [
  "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n",
  "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD\n",
];

describe("rouge-score unit vectors", () => {
  it.each([
    ["rouge1", "testing one two", "testing", 1, 1 / 3, 1 / 2],
    ["rouge2", "testing one two", "testing one", 1, 1 / 2, 2 / 3],
    ["rouge_l", "testing one two", "testing one", 1, 2 / 3, 4 / 5],
    ["rouge_l", "testing one two", "testing two", 1, 2 / 3, 4 / 5],
    ["rouge1", "testing one two", "testing one", 1, 2 / 3, 4 / 5],
    ["rouge1", "testing one two", "", 0, 0, 0],
    ["rouge2", "testing one two", "", 0, 0, 0],
    ["rouge_l", "testing one two", "", 0, 0, 0],
  ] as const)("%s(%j, %j) → P %f R %f F %f", (type, target, prediction, p, r, f) => {
    const s = score(type, target, prediction);
    expect(s.p).toBeCloseTo(p, 7);
    expect(s.r).toBeCloseTo(r, 7);
    expect(s.f).toBeCloseTo(f, 7);
  });
});

describe("rouge-score against ROUGE-1.5.5 (5 decimals)", () => {
  it.each([
    ["rouge1", 0, 0.40741, 0.6875, 0.51163],
    ["rouge1", 1, 0.40476, 0.65385, 0.5],
    ["rouge2", 0, 0.30769, 0.53333, 0.39024],
    ["rouge2", 1, 0.29268, 0.48, 0.36364],
    ["rouge_l", 0, 0.40741, 0.6875, 0.51163],
    ["rouge_l", 1, 0.40476, 0.65385, 0.5],
  ] as const)("%s line %i → R %f P %f F %f", (type, line, r, p, f) => {
    const s = score(type, TARGETS[line], PREDICTIONS[line] as string);
    expect(s.r.toFixed(5)).toBe(r.toFixed(5));
    expect(s.p.toFixed(5)).toBe(p.toFixed(5));
    expect((s.f ?? NaN).toFixed(5)).toBe(f.toFixed(5));
  });
});

describe("rouge-score against ROUGE-1.5.5 with stemming (5 decimals)", () => {
  it.each([
    ["rouge1", 0, 0.40741, 0.6875, 0.51163],
    ["rouge1", 1, 0.42857, 0.69231, 0.52941],
    ["rouge2", 0, 0.30769, 0.53333, 0.39024],
    ["rouge2", 1, 0.29268, 0.48, 0.36364],
  ] as const)("%s line %i → R %f P %f F %f", (type, line, r, p, f) => {
    const s = score(type, TARGETS[line], PREDICTIONS[line] as string, { use_stemmer: true });
    expect(s.r.toFixed(5)).toBe(r.toFixed(5));
    expect(s.p.toFixed(5)).toBe(p.toFixed(5));
    expect((s.f ?? NaN).toFixed(5)).toBe(f.toFixed(5));
  });

  it("stems only tokens longer than 3 characters", () => {
    expect(score("rouge1", "cats running", "cat runs", { use_stemmer: true }).f).toBe(1);
    expect(score("rouge1", "cats running", "cat runs").f).toBe(0);
    // "its" has 3 characters: left alone, so it does not meet "it".
    expect(score("rouge1", "its", "it", { use_stemmer: true }).f).toBe(0);
    expect(make("rouge1", { use_stemmer: true }).signature).toContain("stem:porter-nltk");
  });
});

describe("rouge tokenizer and LCS", () => {
  it.each([
    ["The quick-brown fox, 2024!", ["the", "quick", "brown", "fox", "2024"]],
    ["café naïve", ["caf", "na", "ve"]],
    ["İstanbul \u212Aelvin", ["i", "stanbul", "kelvin"]],
    ["", []],
  ])("tokenizes %j", (text, tokens) => {
    expect(rougeTokenize(text)).toEqual(tokens);
  });
  it.each([
    [["1", "2", "3", "4", "5"], ["2", "5", "3", "4"], 3],
    [["1", "2", "3", "4", "5"], ["8", "9"], 0],
  ])("lcs(%j, %j) = %i (rouge-score testLcsTable)", (a, b, n) => {
    expect(lcsLength(a, b)).toBe(n);
  });
});

describe("rouge scorers", () => {
  it("takes the best F-measure over several references", () => {
    expect(score("rouge1", ["nothing here", "testing one two"], "testing one").f).toBeCloseTo(0.8, 12);
  });
  it("is null without a reference", () => {
    expect(score("rouge_l", null, "x").f).toBeNull();
  });
});

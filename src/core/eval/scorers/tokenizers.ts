// BLEU tokenizers, ported from sacreBLEU's definitions so that scores match it exactly:
// 13a (mteval-v13a, the default), intl (mteval-v14 international), char, none.
import { pyRstrip, pySplit } from "./text.js";

export const bleuTokenizerNames = ["13a", "intl", "char", "none"] as const;
export type BleuTokenizerName = (typeof bleuTokenizerNames)[number];

/** A tokenizer returns the tokenized line with single spaces between tokens. */
export type Tokenizer = (line: string) => string;

// The same regexes as sacreBLEU's TokenizerRegexp (ASCII classes; `[^0-9]` is any non-ASCII-digit).
const RE_13A: ReadonlyArray<[RegExp, string]> = [
  [/([{-~[-` -&(-+:-@\/])/gu, " $1 "],
  [/([^0-9])([.,])/gu, "$1 $2 "],
  [/([.,])([^0-9])/gu, " $1 $2"],
  [/([0-9])(-)/gu, "$1 $2 "],
];

function tokenize13a(input: string): string {
  let line = input.replaceAll("<skipped>", "").replaceAll("-\n", "").replaceAll("\n", " ");
  if (line.includes("&")) {
    line = line.replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
  }
  line = ` ${line} `;
  for (const [re, repl] of RE_13A) line = line.replace(re, repl);
  return pySplit(line).join(" ");
}

const RE_INTL: ReadonlyArray<[RegExp, string]> = [
  [/(\P{N})(\p{P})/gu, "$1 $2 "],
  [/(\p{P})(\P{N})/gu, " $1 $2"],
  [/(\p{S})/gu, " $1 "],
];

function tokenizeIntl(input: string): string {
  let line = input;
  for (const [re, repl] of RE_INTL) line = line.replace(re, repl);
  return pySplit(line).join(" ");
}

function tokenizeChar(line: string): string {
  return Array.from(line).join(" ");
}

export const bleuTokenizers: Readonly<Record<BleuTokenizerName, Tokenizer>> = {
  "13a": tokenize13a,
  intl: tokenizeIntl,
  char: tokenizeChar,
  none: (line) => line,
};

/** sacreBLEU's BLEU pre-processing of one segment: optional lowercasing, rstrip, tokenization. */
export function preprocessForBleu(sentence: string, tokenizer: BleuTokenizerName, lowercase: boolean): string {
  const s = lowercase ? sentence.toLowerCase() : sentence;
  return bleuTokenizers[tokenizer](pyRstrip(s));
}

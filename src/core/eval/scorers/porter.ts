// The Porter stemmer as NLTK's PorterStemmer runs it by default (mode NLTK_EXTENSIONS), which is
// what rouge-score's use_stemmer applies. Written from the algorithm's rules and NLTK's documented
// departures (irregular forms, "ies"/"ied" on 4-letter words, "alli"/"fulli"/"logi", 2-letter cvc).

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["sky", "sky"], ["skies", "sky"], ["dying", "die"], ["lying", "lie"], ["tying", "tie"],
  ["news", "news"], ["innings", "inning"], ["inning", "inning"], ["outings", "outing"], ["outing", "outing"],
  ["cannings", "canning"], ["canning", "canning"], ["howe", "howe"], ["proceed", "proceed"],
  ["exceed", "exceed"], ["succeed", "succeed"],
]);

const isVowelLetter = (ch: string | undefined) => ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u";

/** Per letter: is it a consonant? `y` is one at the start or after a vowel. */
function consonantFlags(word: string): boolean[] {
  const flags: boolean[] = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (isVowelLetter(ch)) flags.push(false);
    else if (ch === "y") flags.push(i === 0 ? true : !flags[i - 1]);
    else flags.push(true);
  }
  return flags;
}

const isConsonant = (word: string, i: number) => consonantFlags(word)[i] === true;

/** m in [C](VC)^m[V]: the number of vowel→consonant transitions. */
function measure(stem: string): number {
  const f = consonantFlags(stem);
  let m = 0;
  for (let i = 1; i < f.length; i++) if (!f[i - 1] && f[i]) m++;
  return m;
}

const positiveMeasure = (stem: string) => measure(stem) > 0;
const containsVowel = (stem: string) => consonantFlags(stem).some((c) => !c);

function endsDoubleConsonant(word: string): boolean {
  return word.length >= 2 && word[word.length - 1] === word[word.length - 2] && isConsonant(word, word.length - 1);
}

function endsCvc(word: string): boolean {
  const n = word.length;
  if (n >= 3) {
    const f = consonantFlags(word);
    const last = word[n - 1];
    if (f[n - 3] && !f[n - 2] && f[n - 1] && last !== "w" && last !== "x" && last !== "y") return true;
  }
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1);
}

type Rule = readonly [suffix: string, replacement: string, condition: ((stem: string) => boolean) | null];

/** The first rule whose suffix matches decides: its replacement when the condition holds, else no change. */
function applyRules(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === "*d" && endsDoubleConsonant(word)) {
      const stem = word.slice(0, -2);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}

function step1a(word: string): string {
  if (word.endsWith("ies") && word.length === 4) return word.slice(0, -3) + "ie";
  return applyRules(word, [
    ["sses", "ss", null],
    ["ies", "i", null],
    ["ss", "ss", null],
    ["s", "", null],
  ]);
}

function step1b(word: string): string {
  if (word.endsWith("ied")) return word.slice(0, -3) + (word.length === 4 ? "ie" : "i");
  if (word.endsWith("eed")) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + "ee" : word;
  }
  let stem: string | undefined;
  for (const suffix of ["ed", "ing"]) {
    if (word.endsWith(suffix)) {
      const s = word.slice(0, -suffix.length);
      if (containsVowel(s)) {
        stem = s;
        break;
      }
    }
  }
  if (stem === undefined) return word;
  const lastLetter = stem[stem.length - 1] as string;
  return applyRules(stem, [
    ["at", "ate", null],
    ["bl", "ble", null],
    ["iz", "ize", null],
    ["*d", lastLetter, () => lastLetter !== "l" && lastLetter !== "s" && lastLetter !== "z"],
    ["", "e", (s) => measure(s) === 1 && endsCvc(s)],
  ]);
}

function step1c(word: string): string {
  return applyRules(word, [["y", "i", (s) => s.length > 1 && isConsonant(s, s.length - 1)]]);
}

function step2(word: string): string {
  if (word.endsWith("alli") && positiveMeasure(word.slice(0, -4))) return step2(word.slice(0, -4) + "al");
  const p = positiveMeasure;
  return applyRules(word, [
    ["ational", "ate", p],
    ["tional", "tion", p],
    ["enci", "ence", p],
    ["anci", "ance", p],
    ["izer", "ize", p],
    ["bli", "ble", p],
    ["alli", "al", p],
    ["entli", "ent", p],
    ["eli", "e", p],
    ["ousli", "ous", p],
    ["ization", "ize", p],
    ["ation", "ate", p],
    ["ator", "ate", p],
    ["alism", "al", p],
    ["iveness", "ive", p],
    ["fulness", "ful", p],
    ["ousness", "ous", p],
    ["aliti", "al", p],
    ["iviti", "ive", p],
    ["biliti", "ble", p],
    ["fulli", "ful", p],
    ["logi", "log", () => positiveMeasure(word.slice(0, -3))],
  ]);
}

function step3(word: string): string {
  const p = positiveMeasure;
  return applyRules(word, [
    ["icate", "ic", p],
    ["ative", "", p],
    ["alize", "al", p],
    ["iciti", "ic", p],
    ["ical", "ic", p],
    ["ful", "", p],
    ["ness", "", p],
  ]);
}

function step4(word: string): string {
  const m1 = (s: string) => measure(s) > 1;
  return applyRules(word, [
    ["al", "", m1],
    ["ance", "", m1],
    ["ence", "", m1],
    ["er", "", m1],
    ["ic", "", m1],
    ["able", "", m1],
    ["ible", "", m1],
    ["ant", "", m1],
    ["ement", "", m1],
    ["ment", "", m1],
    ["ent", "", m1],
    ["ion", "", (s) => measure(s) > 1 && (s.endsWith("s") || s.endsWith("t"))],
    ["ou", "", m1],
    ["ism", "", m1],
    ["ate", "", m1],
    ["iti", "", m1],
    ["ous", "", m1],
    ["ive", "", m1],
    ["ize", "", m1],
  ]);
}

function step5a(word: string): string {
  if (!word.endsWith("e")) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

function step5b(word: string): string {
  return applyRules(word, [["ll", "l", () => measure(word.slice(0, -1)) > 1]]);
}

/** Stem one lower-case word as NLTK's PorterStemmer() does. */
export function porterStem(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (word.length <= 2) return w;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(w))))))));
}

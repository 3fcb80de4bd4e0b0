// The example project's dataset: very short restaurant reviews → a JSON answer with the review's
// topic and sentiment, e.g. "such a lovely chef" → {"label":"pos","topic":"service"}. Small enough
// for the tiny reference-trainer model to learn on a CPU in about a minute, and graded by
// exact_match and json_fields (chance: 1 in 6 for the whole answer). Deterministic from --seed; the
// eval cases (evals/cases/reviews.jsonl) are written once with --eval and never appear in the
// training data.
//
// --nouns K trains on the first K nouns of each topic only. The eval cases use all four, so a model
// trained with K = 3 has never seen "tea", "host" or "patio" and can only guess their topic: the
// demo's helpful pull request raises K to 4.
//
//   node pipelines/reviews/make-data.mjs --out DIR [--records N] [--seed S] [--nouns K] [--corrupt F]
//   node pipelines/reviews/make-data.mjs --eval evals/cases/reviews.jsonl
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : d);
function usage(msg) {
  console.error(`make-data.mjs: ${msg}\nusage: make-data.mjs --out DIR [--records N] [--seed S] [--nouns 1-4] [--corrupt 0-1] | --eval FILE`);
  process.exit(2);
}

const TOPICS = {
  food: ["soup", "pizza", "cake", "tea"],
  service: ["waiter", "staff", "chef", "host"],
  place: ["room", "music", "view", "patio"],
};
const POS = ["great", "good", "lovely"];
const NEG = ["bad", "awful", "poor"];
// The noun comes last, the sentiment first in the answer: measured, a 2-layer model learns this order
// within the budget (0.85 exact match after 200 steps), the reverse order or a noun early in the
// sentence far slower (0.47; 0.23 after 300 steps).
const TEMPLATES = ["{a} {n}", "a {a} {n}", "such a {a} {n}", "what a {a} {n}", "really {a} {n}", "a very {a} {n}"];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function review(r, nouns) {
  const topic = pick(r, Object.keys(TOPICS));
  const positive = r() < 0.5;
  const text = pick(r, TEMPLATES).replace("{n}", pick(r, TOPICS[topic].slice(0, nouns))).replace("{a}", pick(r, positive ? POS : NEG)).replace(/\ba (?=[aeiou])/, "an ");
  return { text, label: positive ? "pos" : "neg", topic };
}
const answer = (label, topic) => JSON.stringify({ label, topic });

const evalFile = opt("eval", undefined);
if (evalFile) {
  // The yardstick: 120 distinct reviews over every noun, fixed forever by seed 20261204.
  const r = rng(20261204);
  const seen = new Set();
  const cases = [];
  while (cases.length < 120) {
    const v = review(r, 4);
    if (seen.has(v.text)) continue;
    seen.add(v.text);
    cases.push({ id: `review-${String(cases.length + 1).padStart(3, "0")}`, input: v.text, expected: answer(v.label, v.topic) });
  }
  writeFileSync(evalFile, cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
  console.log(`wrote ${cases.length} eval cases to ${evalFile}`);
} else {
  const out = opt("out", undefined);
  if (!out) usage("--out DIR is required");
  const records = Number(opt("records", "3000"));
  const nouns = Number(opt("nouns", "4"));
  const corrupt = Number(opt("corrupt", "0"));
  const seed = Number(opt("seed", "1"));
  if (!Number.isInteger(records) || records < 20) usage(`--records must be an integer ≥ 20, got ${opt("records")}`);
  if (!Number.isInteger(nouns) || nouns < 1 || nouns > 4) usage(`--nouns must be 1, 2, 3 or 4, got ${opt("nouns")}`);
  if (!(corrupt >= 0 && corrupt <= 1)) usage(`--corrupt must be a share between 0 and 1, got ${opt("corrupt")}`);
  if (!Number.isInteger(seed)) usage(`--seed must be an integer, got ${opt("seed")}`);
  const r = rng(seed);
  const evalPath = opt("exclude", "evals/cases/reviews.jsonl");
  const held = new Set(existsSync(evalPath) ? readFileSync(evalPath, "utf8").trim().split("\n").map((l) => JSON.parse(l).input) : []);
  const rows = [];
  while (rows.length < records) {
    const v = review(r, nouns);
    if (held.has(v.text)) continue;
    // A corrupted label: the other sentiment, a random topic (a labelling bug).
    const bad = r() < corrupt;
    const label = bad ? (v.label === "pos" ? "neg" : "pos") : v.label;
    const topic = bad ? pick(r, Object.keys(TOPICS)) : v.topic;
    rows.push({ messages: [{ role: "user", content: v.text }, { role: "assistant", content: answer(label, topic) }] });
  }
  const n = Math.floor(rows.length * 0.95);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "train.jsonl"), rows.slice(0, n).map((x) => JSON.stringify(x)).join("\n") + "\n");
  writeFileSync(join(out, "validation.jsonl"), rows.slice(n).map((x) => JSON.stringify(x)).join("\n") + "\n");
  console.log(`wrote ${n} training and ${rows.length - n} validation records to ${out} (nouns per topic ${nouns}, corrupted ${corrupt})`);
}

// The example project's dataset: short restaurant reviews → a JSON answer with the review's
// sentiment and topic, e.g. "the soup was not good" → {"label":"neg","topic":"food"}. Small enough
// for the tiny reference-trainer model to learn on a CPU in about a minute, and graded by
// exact_match and json_fields. Deterministic from --seed; the eval cases (evals/cases/reviews.jsonl)
// are written once with --eval and never appear in the training data.
//
//   node pipelines/reviews/make-data.mjs --out DIR [--records N] [--seed S] [--negation F] [--corrupt F]
//   node pipelines/reviews/make-data.mjs --eval evals/cases/reviews.jsonl
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : d);

const TOPICS = {
  food: ["soup", "pizza", "pasta", "salad", "bread", "coffee", "curry", "cake"],
  service: ["waiter", "staff", "host", "service", "manager", "chef", "cashier", "delivery"],
  place: ["room", "table", "music", "view", "terrace", "decor", "chairs", "lighting"],
};
const POS = ["great", "good", "lovely", "excellent", "perfect", "nice", "superb", "pleasant"];
const NEG = ["bad", "awful", "terrible", "poor", "dreadful", "horrible", "mediocre", "lousy"];
const TEMPLATES = ["the {n} was {a}", "our {n} was {a}", "honestly the {n} was {a}", "the {n} was really {a}", "i thought the {n} was {a}", "that {n} was {a}"];
const NEGATED = ["the {n} was not {a}", "our {n} was not {a}", "honestly the {n} was not {a}", "the {n} was not really {a}", "i thought the {n} was not {a}", "that {n} was not {a}"];

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

function review(r, negation) {
  const topic = pick(r, Object.keys(TOPICS));
  const positive = r() < 0.5;
  const negated = r() < negation;
  const text = pick(r, negated ? NEGATED : TEMPLATES).replace("{n}", pick(r, TOPICS[topic])).replace("{a}", pick(r, positive ? POS : NEG));
  return { text, label: positive !== negated ? "pos" : "neg", topic };
}
const answer = (label, topic) => JSON.stringify({ label, topic });

const evalFile = opt("eval", undefined);
if (evalFile) {
  // The yardstick: 120 reviews, a third of them negated, fixed forever by seed 20261204.
  const r = rng(20261204);
  const seen = new Set();
  const cases = [];
  while (cases.length < 120) {
    const v = review(r, 1 / 3);
    if (seen.has(v.text)) continue;
    seen.add(v.text);
    cases.push({ id: `review-${String(cases.length + 1).padStart(3, "0")}`, input: v.text, expected: answer(v.label, v.topic) });
  }
  writeFileSync(evalFile, cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
  console.log(`wrote ${cases.length} eval cases to ${evalFile}`);
} else {
  const out = opt("out", undefined);
  if (!out) {
    console.error("usage: make-data.mjs --out DIR [--records N] [--seed S] [--negation F] [--corrupt F]");
    process.exit(2);
  }
  const records = Number(opt("records", "3000"));
  const negation = Number(opt("negation", "0"));
  const corrupt = Number(opt("corrupt", "0"));
  const r = rng(Number(opt("seed", "1")));
  const evalPath = opt("exclude", "evals/cases/reviews.jsonl");
  const held = new Set(existsSync(evalPath) ? readFileSync(evalPath, "utf8").trim().split("\n").map((l) => JSON.parse(l).input) : []);
  const rows = [];
  while (rows.length < records) {
    const v = review(r, negation);
    if (held.has(v.text)) continue;
    // A corrupted label: the other sentiment, a random topic (a labelling bug, for the demo's harmful PR).
    const bad = r() < corrupt;
    const label = bad ? (v.label === "pos" ? "neg" : "pos") : v.label;
    const topic = bad ? pick(r, Object.keys(TOPICS)) : v.topic;
    rows.push({ messages: [{ role: "user", content: v.text }, { role: "assistant", content: answer(label, topic) }] });
  }
  const n = Math.floor(rows.length * 0.95);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "train.jsonl"), rows.slice(0, n).map((x) => JSON.stringify(x)).join("\n") + "\n");
  writeFileSync(join(out, "validation.jsonl"), rows.slice(n).map((x) => JSON.stringify(x)).join("\n") + "\n");
  console.log(`wrote ${n} training and ${rows.length - n} validation records to ${out} (negation ${negation}, corrupted ${corrupt})`);
}

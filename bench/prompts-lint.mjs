// Benchmark: `llmops prompts lint` over P prompts × C cases (every prompt used by a suite of C cases,
// each case rendered and counted with o200k_base), as the built CLI runs it, next to two bounds
// measured in the same run on the same templates and cases: rendering alone (@huggingface/jinja's
// Template.render) and rendering + counting alone (js-tiktoken, the same encoding). Printed, not asserted.
// usage: nice node bench/prompts-lint.mjs [--prompts 1000] [--cases 1000]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "@huggingface/jinja";
import { Tiktoken } from "js-tiktoken/lite";
import o200k from "js-tiktoken/ranks/o200k_base";

const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const P = opt("--prompts", 1000);
const C = opt("--cases", 1000);
const root = new URL("..", import.meta.url).pathname;
const cli = join(root, "dist", "cli", "index.js");
const dir = mkdtempSync(join(tmpdir(), "llmops-bench-prompts-"));

const body = (i) =>
  `You are support assistant #${i}. Answer in {{ style }} style.\n{% if n > 2 %}Give {{ n }} reasons.{% else %}Be brief.{% endif %}\n{% for t in tags %}[{{ t | upper }}] {% endfor %}\nQ: {{ question }}\nA:`;
const words = ["naïve", "café", "データ", "числа", "😀", "tokens", "prompt", "budget", "العربية", "review"];
const caseVars = (j) => ({ question: `case ${j}: ${Array.from({ length: 5 + (j % 40) }, (_, k) => words[(j + k) % words.length]).join(" ")}?`, style: j % 2 ? "formal" : "plain", n: j % 5, tags: ["a", "b"].slice(0, j % 3) });

try {
  console.log(`writing ${P} prompts and ${P} suites of ${C} cases in ${dir} …`);
  mkdirSync(join(dir, "prompts"));
  mkdirSync(join(dir, "evals", "cases"), { recursive: true });
  const cases = Array.from({ length: C }, (_, j) => JSON.stringify({ id: `c${j}`, vars: caseVars(j) })).join("\n");
  writeFileSync(join(dir, "evals", "cases", "shared.jsonl"), cases);
  for (let i = 0; i < P; i++) {
    writeFileSync(join(dir, "prompts", `p${i}.jinja`), `---\nsemver: 1.0.${i}\nvariables:\n  question: string\n  style: string\n  n: integer\n  tags: array\n---\n${body(i)}\n`);
    writeFileSync(join(dir, "evals", `s${i}.yaml`), `name: s${i}\ncases:\n  file: cases/shared.jsonl\nprompt:\n  file: ../prompts/p${i}.jinja\ntarget:\n  base_url: http://127.0.0.1:9/v1\n  model: gpt-4o\n  context: 128000\n  params:\n    max_tokens: 256\nscorers:\n  - type: exact_match\n`);
  }

  const r = spawnSync("bash", ["-c", 'TIMEFORMAT="%R %U %S"; time "$0" "$1" prompts lint --json > lint.json', process.execPath, cli], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`llmops prompts lint exited ${r.status}\n${r.stderr.slice(-2000)}`);
  const [wall, user, sys] = r.stderr.trim().split("\n").at(-1).split(" ").map(Number);

  // The bounds, in this process, on the same templates and cases.
  const vars = Array.from({ length: C }, (_, j) => caseVars(j));
  let t = performance.now();
  let chars = 0;
  const templates = Array.from({ length: P }, (_, i) => new Template(body(i)));
  for (const tpl of templates) for (const v of vars) chars += tpl.render(v).length;
  const renderS = (performance.now() - t) / 1000;
  const enc = new Tiktoken(o200k);
  t = performance.now();
  let tokens = 0;
  for (const tpl of templates) for (const v of vars) tokens += enc.encode(tpl.render(v), [], []).length;
  const bothS = (performance.now() - t) / 1000;

  const pairs = P * C;
  const rate = (s) => `${Math.round(pairs / s).toLocaleString("en-US")}/s`;
  console.log(`${"llmops prompts lint (spawned CLI)".padEnd(44)} ${wall.toFixed(2).padStart(7)} s wall, ${(user + sys).toFixed(2)} s CPU   ${rate(wall)} prompt×case`);
  console.log(`${"bound: render alone (@huggingface/jinja)".padEnd(44)} ${renderS.toFixed(2).padStart(7)} s        ${rate(renderS)}   (${(chars / pairs).toFixed(0)} chars per rendering)`);
  console.log(`${"bound: render + count alone (js-tiktoken)".padEnd(44)} ${bothS.toFixed(2).padStart(7)} s        ${rate(bothS)}   (${(tokens / pairs).toFixed(1)} tokens per rendering)`);
  console.log(`\n${P} prompts × ${C} cases = ${pairs.toLocaleString("en-US")} renderings: lint ${rate(wall)} (wall, including Node start, loading ${P} suites and every check), ${(wall / bothS).toFixed(2)}× render + count alone, ${(wall / renderS).toFixed(2)}× render alone`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

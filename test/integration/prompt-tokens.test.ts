// Token counts for prompt budgets equal the reference tokenizers' on a Unicode-heavy sample:
// tiktoken's published test vectors (tests/test_encoding.py) as table tests; Python tiktoken (its
// Rust BPE, OpenAI's own split patterns) for o200k_base and cl100k_base; Python `tokenizers` and
// transformers' apply_chat_template for a HF tokenizer.json and its chat template. The Python side
// runs in the venv scripts/setup-hf-venv.sh builds from the local mirror; absent, those parts skip
// saying why.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTokenCounter } from "../../src/adapters/tokenizers/load-token-counter.js";
import { tempDir } from "../support/cli.js";

const VENV_PYTHON = new URL("../../.llmops/hf-venv/bin/python", import.meta.url).pathname;
const PYTHON = process.env.LLMOPS_REFERENCE_PYTHON ?? (existsSync(VENV_PYTHON) ? VENV_PYTHON : "python3");
const has = (mod: string) => spawnSync(PYTHON, ["-c", `import ${mod}`], { stdio: "ignore" }).status === 0;
const haveTiktoken = has("tiktoken");
const haveTokenizers = has("tokenizers") && has("transformers");
const why = (mod: string) => `skipped: ${PYTHON} cannot import ${mod} (run scripts/setup-hf-venv.sh: the local mirror has it)`;

/** Scripts, combining marks, emoji sequences, whitespace runs, digits, contractions, special-token text. */
const SAMPLE = [
  "hello world",
  "Größenmaßstäbe: naïve café, résumé — “quotes” and ‘apostrophes’…",
  "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。",
  "请考试我的软件！12345 数字 ６７８",
  "한국어 문장은 이렇게 토큰화됩니다.",
  "مرحبا بالعالم — النص العربي من اليمين إلى اليسار",
  "हिन्दी में लिखा गया वाक्य।",
  "Ελληνικά και русский текст вместе",
  "👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇫🇷 emoji sequences",
  "e\u0301 vs é (NFD vs NFC), ﬁ ligature, ℌ𝔢𝔩𝔩𝔬 math letters, 𝟙𝟚𝟛",
  "tabs\tand   spaces   \n\n\nnewlines\r\nand CRLF  ",
  "I'm sure they've said it's 3.14159 or 1,000,000 — they'll see; we'd won't",
  "<|endoftext|> is text here, as is <|fim_prefix|>",
  "def f(x):\n    return {'a': [1, 2, 3]}  # code\n",
  " \u0085" + "0",
  "zero\ufeffwidth no-break space, next\u0085line, ideographic\u3000space",
  "x".repeat(300) + " " + "ab".repeat(200),
];

describe("tiktoken's published test vectors (tests/test_encoding.py)", () => {
  it.each([
    ["hello world", [15339, 1917]],
    ["rer", [38149]],
    ["'rer", [2351, 81]],
    ["today\n ", [31213, 198, 220]],
    ["today\n \n", [31213, 27907]],
    ["today\n  \n", [31213, 14211]],
    [" \x850", [220, 126, 227, 15]],
    ["👍", [9468, 239, 235]],
  ])("cl100k_base %j → %j", async (text, ids) => {
    const c = await loadTokenCounter("cl100k_base", ".", ".", "test");
    expect(c.encode(text)).toEqual(ids);
    expect(c.countText(text)).toBe(ids.length);
  });
  it("special-token text in a case is counted as text, never as the control token", async () => {
    const c = await loadTokenCounter("cl100k_base", ".", ".", "test");
    expect(c.encode("hello <|endoftext|>")).not.toContain(100257);
  });
  it("model names pick the encoding; an unknown name is a configuration error naming the place", async () => {
    expect((await loadTokenCounter("gpt-4", ".", ".", "t")).name).toMatch(/^cl100k_base/);
    expect((await loadTokenCounter("gpt-4o-mini", ".", ".", "t")).name).toMatch(/^o200k_base/);
    expect((await loadTokenCounter("gpt-5", ".", ".", "t")).name).toMatch(/^o200k_base/);
    await expect(loadTokenCounter("llama-3", ".", ".", "evals/qa.yaml: target.tokenizer")).rejects.toThrow(/^evals\/qa\.yaml: target\.tokenizer: tokenizer "llama-3" is neither/);
    await expect(loadTokenCounter("models/none/tokenizer.json", "/tmp", "/tmp", "p.jinja: model.tokenizer")).rejects.toThrow(/tokenizer file not found: models\/none\/tokenizer\.json/);
  });
});

describe.skipIf(!haveTiktoken)(haveTiktoken ? "= Python tiktoken on a Unicode-heavy sample" : `Python tiktoken — ${why("tiktoken")}`, () => {
  // Python tiktoken, with OpenAI's own pattern strings and special tokens (tiktoken_ext), over the
  // rank table js-tiktoken ships (the network that would download it is not there): the split
  // regexes and the BPE are Python tiktoken's, the vocabulary is the same bytes.
  const reference = (enc: string, texts: string[]): number[][] => {
    const ranksFile = createRequire(import.meta.url).resolve(`js-tiktoken/ranks/${enc}`).replace(/\.(c?js)$/, ".js");
    const dir = tempDir("llmops-tiktoken-");
    const js = readFileSync(ranksFile, "utf8");
    const ranks = JSON.parse(js.slice(js.indexOf("{"), js.lastIndexOf("}") + 1)) as { bpe_ranks: string };
    writeFileSync(join(dir, "ranks.txt"), ranks.bpe_ranks);
    writeFileSync(join(dir, "texts.json"), JSON.stringify(texts));
    const py = `
import base64, json, sys, tiktoken, tiktoken.load, tiktoken_ext.openai_public as op
def load(_path, expected_hash=None):
    ranks = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        parts = line.split()
        if not parts: continue
        offset = int(parts[1])
        for i, tok in enumerate(parts[2:]):
            ranks[base64.b64decode(tok)] = offset + i
    return ranks
tiktoken.load.load_tiktoken_bpe = load
op.load_tiktoken_bpe = load
enc = tiktoken.Encoding(**getattr(op, sys.argv[2])())
texts = json.load(open(sys.argv[3], encoding="utf-8"))
print(json.dumps([enc.encode(t, disallowed_special=()) for t in texts]))
`;
    const r = spawnSync(PYTHON, ["-c", py, join(dir, "ranks.txt"), enc, join(dir, "texts.json")], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as number[][];
  };
  it.each(["o200k_base", "cl100k_base"])("%s: token ids equal, text by text", async (enc) => {
    const c = await loadTokenCounter(enc, ".", ".", "test");
    const want = reference(enc, SAMPLE);
    SAMPLE.forEach((t, i) => expect(c.encode(t), JSON.stringify(t)).toEqual(want[i]));
  }, 120_000);
});

describe.skipIf(!haveTokenizers)(haveTokenizers ? "= Python tokenizers / transformers on a HF tokenizer.json" : `HF tokenizer.json — ${why("tokenizers and transformers")}`, () => {
  it("a byte-level BPE with a Llama-3 style split, trained here: ids equal; chat counted by the chat template as transformers does", async () => {
    const dir = tempDir("llmops-hf-tok-");
    writeFileSync(join(dir, "texts.json"), JSON.stringify(SAMPLE));
    const template = "{{ bos_token }}{% for m in messages %}<|start|>{{ m.role }}\n{{ m.content }}<|end|>\n{% endfor %}{% if add_generation_prompt %}<|start|>assistant\n{% endif %}";
    const messages: { role: "system" | "user"; content: string }[] = [
      { role: "system", content: "Réponds en français, brièvement." },
      { role: "user", content: SAMPLE[2]! },
    ];
    const py = `
import json, sys
from tokenizers import Tokenizer, models, pre_tokenizers, decoders, trainers, Regex, processors
d = sys.argv[1]
texts = json.load(open(d + "/texts.json", encoding="utf-8"))
tok = Tokenizer(models.BPE())
split = Regex(r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+")
tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.Split(split, behavior="isolated"), pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
tok.decoder = decoders.ByteLevel()
trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=["<s>", "</s>", "<|start|>", "<|end|>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
tok.train_from_iterator(texts * 3, trainer)
tok.post_processor = processors.TemplateProcessing(single="<s> $A", special_tokens=[("<s>", tok.token_to_id("<s>"))])
tok.save(d + "/tokenizer.json")
json.dump({"bos_token": "<s>", "eos_token": "</s>", "chat_template": sys.argv[2], "tokenizer_class": "PreTrainedTokenizerFast"}, open(d + "/tokenizer_config.json", "w"))
ids = [tok.encode(t, add_special_tokens=False).ids for t in texts]
with_bos = [len(tok.encode(t).ids) for t in texts]
from transformers import PreTrainedTokenizerFast
hf = PreTrainedTokenizerFast(tokenizer_file=d + "/tokenizer.json", bos_token="<s>", eos_token="</s>")
hf.chat_template = sys.argv[2]
chat = hf.apply_chat_template(json.loads(sys.argv[3]), add_generation_prompt=True, tokenize=True)
chat = chat["input_ids"] if isinstance(chat, dict) or hasattr(chat, "keys") else chat
print(json.dumps({"ids": ids, "with_bos": with_bos, "chat": len(chat)}))
`;
    const r = spawnSync(PYTHON, ["-c", py, dir, template, JSON.stringify(messages)], { encoding: "utf8", maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const want = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { ids: number[][]; with_bos: number[]; chat: number };
    const c = await loadTokenCounter("tokenizer.json", dir, dir, "test");
    expect(c.name).toBe("tokenizer.json (HF tokenizers)");
    SAMPLE.forEach((t, i) => {
      expect(c.encode(t), JSON.stringify(t)).toEqual(want.ids[i]);
      expect(c.countText(t), JSON.stringify(t)).toBe(want.with_bos[i]);
    });
    expect(c.chatMethod).toMatch(/chat template/);
    expect(c.countChat(messages)).toBe(want.chat);
  }, 180_000);
});

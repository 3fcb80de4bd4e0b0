"""Runs llm-compressor's oneshot (AWQ or GPTQ post-training quantization) for `llmops export awq|gptq`.

llmops launches it with an argument array:
  python oneshot.py --model DIR --recipe RECIPE.yaml --output-dir DIR --calibration FILE.jsonl
                    --samples N --max-seq-length N
The calibration file is JSONL; each record gives one text: "text", or "prompt" + "completion",
or "instruction" (+ "input") + "output", or chat "messages" (rendered with the model's chat template).
The output directory is what llm-compressor writes: the model in HF layout with a compressed-tensors
quantization_config (vLLM loads it), its tokenizer and the recipe.
"""
import argparse
import json
import sys


def record_text(rec, n, tokenizer_for):
    if isinstance(rec.get("text"), str):
        return rec["text"]
    if isinstance(rec.get("prompt"), str) and isinstance(rec.get("completion"), str):
        return rec["prompt"] + rec["completion"]
    if isinstance(rec.get("instruction"), str) and isinstance(rec.get("output"), str):
        inp = rec.get("input") or ""
        return rec["instruction"] + ("\n" + inp if inp else "") + "\n" + rec["output"]
    if isinstance(rec.get("messages"), list):
        return tokenizer_for().apply_chat_template(rec["messages"], tokenize=False)
    raise SystemExit(f"llmops oneshot: calibration line {n}: no text (expected text, prompt+completion, instruction+output or messages)")


def main():
    p = argparse.ArgumentParser(description="llm-compressor oneshot for llmops export awq|gptq")
    p.add_argument("--model", required=True)
    p.add_argument("--recipe", required=True)
    p.add_argument("--output-dir", required=True)
    p.add_argument("--calibration", required=True)
    p.add_argument("--samples", type=int, required=True)
    p.add_argument("--max-seq-length", type=int, required=True)
    a = p.parse_args()

    from llmcompressor import oneshot
    from datasets import Dataset

    tok = []

    def tokenizer_for():
        if not tok:
            from transformers import AutoTokenizer
            tok.append(AutoTokenizer.from_pretrained(a.model))
        return tok[0]

    texts = []
    with open(a.calibration, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                texts.append(record_text(json.loads(line), n, tokenizer_for))
            if len(texts) >= a.samples:
                break
    ds = Dataset.from_dict({"text": texts})
    oneshot(model=a.model, dataset=ds, recipe=a.recipe, output_dir=a.output_dir,
            max_seq_length=a.max_seq_length, num_calibration_samples=len(texts))
    print(f"llmops oneshot: wrote {a.output_dir} from {len(texts)} calibration texts", file=sys.stderr)


if __name__ == "__main__":
    main()

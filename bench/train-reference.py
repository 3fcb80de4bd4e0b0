#!/usr/bin/env python3
"""Throughput benchmark: the llmops reference trainer vs HF Trainer + PEFT, LoRA r=16 on a
1.1B Llama (TinyLlama-1.1B shape, random weights so no download is needed), bf16, SDPA, packed
sequences of 1024 tokens, micro-batch 4. Needs a CUDA GPU with torch 2.x, transformers and peft.

    python3 bench/train-reference.py [--steps 30] [--warmup 5] [--seq-len 1024] [--batch 4]
    python3 bench/train-reference.py --smoke     # CPU, tiny shapes, fp32: checks the script, measures nothing

Prints tokens/s, seconds per step and peak GPU memory for both, measured over the steps after
the warm-up, and their ratio. Both train the same weights on the same token ids with the same
LoRA targets (q,k,v,o), learning rate and optimizer (AdamW)."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINER = os.path.join(HERE, "..", "trainers", "reference", "train.py")

TINYLLAMA = dict(hidden_size=2048, intermediate_size=5632, num_hidden_layers=22, num_attention_heads=32,
                 num_key_value_heads=4, max_position_embeddings=2048, rms_norm_eps=1e-5, rope_theta=10000.0,
                 vocab_size=32000, tie_word_embeddings=False, bos_token_id=256, eos_token_id=257, pad_token_id=258)
TINY = dict(hidden_size=64, intermediate_size=192, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
            max_position_embeddings=256, rms_norm_eps=1e-5, rope_theta=10000.0, vocab_size=259, tie_word_embeddings=False,
            bos_token_id=256, eos_token_id=257, pad_token_id=258)
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj"]


def need(cond, message):
    if not cond:
        print(f"bench/train-reference.py: {message}", file=sys.stderr)
        sys.exit(2)


def check_environment(smoke):
    try:
        import torch
    except ImportError:
        need(False, "PyTorch is not installed; this benchmark needs a CUDA machine with torch 2.x, transformers and peft")
    need(smoke or torch.cuda.is_available(), "no CUDA GPU is visible (torch.cuda.is_available() is False); run this on a GPU machine (or --smoke on the CPU)")
    need(hasattr(torch.nn.functional, "scaled_dot_product_attention"), f"torch {torch.__version__} lacks SDPA; use torch 2.x")
    for mod in ("transformers", "peft"):
        try:
            __import__(mod)
        except ImportError:
            need(False, f"the Python package '{mod}' is missing; pip install transformers peft")
    return torch


def write_data(path, n_rows):
    # Byte-level chat rows, long enough that packing fills 1024-token blocks.
    with open(path, "w") as f:
        for i in range(n_rows):
            q = f"Question {i}: " + " ".join(f"w{(i * 7 + j) % 97}" for j in range(60))
            a = " ".join(f"a{(i * 13 + j) % 89}" for j in range(120))
            f.write(json.dumps({"messages": [{"role": "user", "content": q}, {"role": "assistant", "content": a}]}) + "\n")


def make_base(torch, out_dir, seed, shape):
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    cfg = LlamaConfig(**shape)
    model = LlamaForCausalLM(cfg)
    model.save_pretrained(out_dir, safe_serialization=True)
    return cfg


def run_reference(args, base_dir, data, out_dir):
    cmd = [sys.executable, "-u", TRAINER, "--base", base_dir, "--train-file", data, "--format", "chat", "--method", "lora",
           "--lora-r", "16", "--lora-alpha", "32", "--lora-dropout", "0", "--lora-target-modules", ",".join(TARGETS),
           "--seq-len", str(args.seq_len), "--packing", "--micro-batch-size", str(args.batch), "--max-steps", str(args.steps),
           "--lr", "2e-4", "--warmup-steps", "0", "--scheduler", "constant", "--precision", "fp32" if args.smoke else "bf16",
           "--output-dir", out_dir, "--resume", "none", "--compile", args.compile, "--device", "cpu" if args.smoke else "cuda"]
    times, tokens = [], []
    peak = None
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    last = None
    for line in proc.stdout:
        if not line.startswith('{"event"'):
            continue
        ev = json.loads(line.replace("NaN", '"NaN"'))
        if ev["event"] == "done":
            peak = ev.get("max_memory_gib")
        if ev["event"] == "step":
            now = ev["elapsed_s"]
            if last is not None and ev["step"] > args.warmup:
                times.append(now - last)
                tokens.append(ev["tokens"])
            last = now
        elif ev["event"] == "error":
            print(f"reference trainer error: {ev['message']}", file=sys.stderr)
    need(proc.wait() == 0, "the reference trainer failed (see its output above)")
    return summarize(times, tokens, peak=peak)


def run_hf(torch, args, base_dir, data, out_dir, base_dtype="fp32"):
    from peft import LoraConfig, get_peft_model
    from transformers import LlamaForCausalLM, Trainer, TrainerCallback, TrainingArguments

    sys.path.insert(0, os.path.join(HERE, "..", "trainers", "reference"))
    from llmops_ref import data as D  # same tokenization, labels and packing as the reference trainer

    ids, labels = D.build_blocks(D.load_examples(data, "chat"), args.seq_len, True)

    class Blocks(torch.utils.data.Dataset):
        def __len__(self):
            return ids.shape[0]

        def __getitem__(self, i):
            return {"input_ids": ids[i], "labels": labels[i], "attention_mask": torch.ones_like(ids[i])}

    cuda = not args.smoke
    sync = torch.cuda.synchronize if cuda else (lambda: None)
    # fp32: the frozen base in fp32 under bf16 autocast (Trainer's bf16=True); bf16: the base loaded in bf16, the
    # common PEFT recipe (adapter weights are still created in fp32 by PEFT's autocast_adapter_dtype).
    dt = torch.bfloat16 if base_dtype == "bf16" and not args.smoke else torch.float32
    model = LlamaForCausalLM.from_pretrained(base_dir, dtype=dt, attn_implementation="sdpa")
    model = model.cuda() if cuda else model
    model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, lora_dropout=0.0, target_modules=TARGETS, task_type="CAUSAL_LM"))

    times, tokens = [], []

    class Timer(TrainerCallback):
        def __init__(self):
            self.t = None

        def on_step_begin(self, a, state, control, **kw):
            sync()
            self.t = time.time()

        def on_step_end(self, a, state, control, **kw):
            sync()
            if state.global_step > args.warmup:
                times.append(time.time() - self.t)
                tokens.append(args.batch * args.seq_len)

    targs = TrainingArguments(output_dir=out_dir, per_device_train_batch_size=args.batch, max_steps=args.steps, learning_rate=2e-4,
                              lr_scheduler_type="constant", warmup_steps=0, bf16=cuda, use_cpu=not cuda, logging_steps=10, save_strategy="no",
                              report_to=[], dataloader_num_workers=0, optim="adamw_torch", torch_compile=args.compile == "on",
                              remove_unused_columns=False)
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    Trainer(model=model, args=targs, train_dataset=Blocks(), callbacks=[Timer()]).train()
    return summarize(times, tokens, peak=torch.cuda.max_memory_allocated() / 2**30 if cuda else None)


def flops_per_token(shape, seq_len):
    """Model FLOPs per trained token for LoRA on a frozen base: forward 2·N plus the backward's activation
    gradients 2·N (frozen weights need no weight gradients), N = matmul parameters (all linear layers and the
    LM head; the embedding is a lookup); causal attention 2·L·T·d forward (QK^T and AV, halved by the mask)
    and twice that backward. LoRA's own rank-16 matmuls are under 1% and left out."""
    h, f, L, V = shape["hidden_size"], shape["intermediate_size"], shape["num_hidden_layers"], shape["vocab_size"]
    hd = h // shape["num_attention_heads"]
    kv = shape["num_key_value_heads"] * hd
    n = L * (h * h + 2 * h * kv + h * h + 3 * h * f) + h * V
    return 4 * n + 3 * 2 * L * seq_len * h


def summarize(times, tokens, peak):
    need(len(times) > 0, "no steps were measured after the warm-up; raise --steps")
    total_t = sum(times)
    return {"steps": len(times), "s_per_step": total_t / len(times), "tokens_per_s": sum(tokens) / total_t, "peak_gib": peak}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--seq-len", type=int, default=1024)
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--compile", choices=["on", "off"], default="off")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    p.add_argument("--hf-base", choices=["fp32", "bf16", "both"], default="both",
                   help="the HF peer's frozen base dtype: fp32 under bf16 autocast, bf16, or both runs")
    p.add_argument("--peak-tflops", type=float, default=989.0,
                   help="the GPU's dense bf16 peak for MFU (989 for H100/H200 SXM)")
    p.add_argument("--smoke", action="store_true", help="CPU, tiny model, fp32, 6 steps: tests this script, measures nothing")
    args = p.parse_args()
    if args.smoke:
        args.steps, args.warmup, args.seq_len, args.batch = min(args.steps, 6), min(args.warmup, 2), min(args.seq_len, 64), min(args.batch, 2)
    torch = check_environment(args.smoke)
    work = tempfile.mkdtemp(prefix="llmops-bench-")
    try:
        base = os.path.join(work, "base")
        data = os.path.join(work, "train.jsonl")
        write_data(data, 40 if args.smoke else 800)
        make_base(torch, base, seed=0, shape=TINY if args.smoke else TINYLLAMA)
        if args.smoke:
            print("SMOKE TEST on the CPU with a tiny model in fp32: checks that this script runs; its figures are not a benchmark")
        gpu = "cpu" if args.smoke else torch.cuda.get_device_name(0)
        import transformers
        print(f"device: {gpu}; torch {torch.__version__}; transformers {transformers.__version__}; "
              f"model {'tiny (dim 64, 2 layers)' if args.smoke else 'TinyLlama-1.1B shape'} (random weights); LoRA r=16 on {','.join(TARGETS)}; "
              f"seq {args.seq_len} x batch {args.batch}; {'fp32' if args.smoke else 'bf16'}; measured steps {args.warmup + 1}..{args.steps}")
        ref = run_reference(args, base, data, os.path.join(work, "ref"))
        peers = [d for d in ("fp32", "bf16") if args.hf_base in (d, "both")]
        hfs = [(f"HF Trainer + PEFT ({d} base)", run_hf(torch, args, base, data, os.path.join(work, f"hf-{d}"), d)) for d in peers]
        fpt = flops_per_token(TINY if args.smoke else TINYLLAMA, args.seq_len)
        print(f"{'trainer':<34} {'tokens/s':>10} {'s/step':>8} {'peak GiB':>9} {'MFU':>6}")
        for name, r in [("llmops reference", ref)] + hfs:
            peak = "-" if r["peak_gib"] is None else f"{r['peak_gib']:.1f}"
            mfu = "-" if args.smoke else f"{100 * r['tokens_per_s'] * fpt / (args.peak_tflops * 1e12):.1f}%"
            print(f"{name:<34} {r['tokens_per_s']:>10.0f} {r['s_per_step']:>8.3f} {peak:>9} {mfu:>6}")
        for name, r in hfs:
            print(f"ratio (reference / {name}): {ref['tokens_per_s'] / r['tokens_per_s']:.2f}x")
        print(f"MFU: tokens/s x {fpt / 1e9:.2f} GFLOP per token (see flops_per_token) / {args.peak_tflops:.0f} TFLOP/s peak")
        print("note: the reference trainer counts non-padding tokens; with packing every token is real, so both count the same.")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""The training loop: SFT with AdamW, warmup + cosine/linear/constant schedule, gradient
accumulation and clipping, checkpoints with full resume state, SIGTERM → checkpoint and exit 143.
Metrics are JSON lines on stdout, one object per event."""
import argparse
import json
import math
import os
import random
import shutil
import signal
import sys
import time

import torch
import torch.nn.functional as F

from . import __version__
from . import data as D
from . import tokenizer as tok
from .lora import adapter_config, adapter_state_dict, apply_lora
from .model import HAS_SDPA, LlamaConfig, LlamaForCausalLM
from .safetensors_io import load as load_safetensors
from .safetensors_io import save_file

EXIT_TERMINATED = 143


def emit(event, **fields):
    fields = {"event": event, **fields}
    sys.stdout.write(json.dumps(fields, allow_nan=True) + "\n")
    sys.stdout.flush()


def parse_args(argv):
    p = argparse.ArgumentParser(prog="llmops-reference-trainer", description=__doc__)
    a = p.add_argument
    a("--base", default="scratch", help="'scratch' or a directory with config.json + model.safetensors")
    a("--hidden-size", type=int, default=64)
    a("--num-layers", type=int, default=2)
    a("--num-heads", type=int, default=4)
    a("--num-kv-heads", type=int, default=None)
    a("--intermediate-size", type=int, default=None)
    a("--max-position-embeddings", type=int, default=512)
    a("--rope-theta", type=float, default=10000.0)
    a("--train-file", required=True)
    a("--validation-file", default=None)
    a("--format", choices=["chat", "instruction", "completion"], required=True)
    a("--method", choices=["full", "lora"], default="full")
    a("--lora-r", type=int, default=8)
    a("--lora-alpha", type=float, default=16.0)
    a("--lora-dropout", type=float, default=0.0)
    a("--lora-base-dtype", choices=["auto", "fp32"], default="auto",
      help="LoRA: dtype of the frozen base weights; 'auto' stores them in the compute dtype (bf16 under bf16 precision), "
           "so autocast does not re-cast fp32 weights every step; trainable adapter weights stay fp32")
    a("--lora-target-modules", default="q_proj,v_proj")
    a("--seq-len", type=int, default=128)
    a("--packing", action="store_true")
    a("--micro-batch-size", type=int, default=8)
    a("--grad-accum", type=int, default=1)
    a("--epochs", type=float, default=1.0)
    a("--max-steps", type=int, default=0, help="overrides --epochs when > 0")
    a("--lr", type=float, default=1e-3)
    a("--scheduler", choices=["cosine", "linear", "constant"], default="cosine")
    a("--warmup-steps", type=int, default=0)
    a("--weight-decay", type=float, default=0.0)
    a("--max-grad-norm", type=float, default=1.0)
    a("--seed", type=int, default=42)
    a("--precision", choices=["auto", "fp32", "bf16"], default="auto")
    a("--save-steps", type=int, default=0)
    a("--save-total-limit", type=int, default=2)
    a("--eval-steps", type=int, default=0)
    a("--log-steps", type=int, default=1)
    a("--output-dir", required=True)
    a("--resume", default="auto", help="'auto' (newest checkpoint in output dir), 'none', or a checkpoint directory")
    a("--threads", type=int, default=0, help="torch CPU threads (0: leave torch's default)")
    a("--compile", choices=["auto", "on", "off"], default="auto")
    a("--device", default="auto")
    a("--inject-nan-at-step", type=int, default=0, help="testing: make the loss NaN at this step")
    a("--crash-at-step", type=int, default=0, help="testing: exit abruptly (no checkpoint) after this step, unless resuming")
    return p.parse_args(argv)


def lr_at(step, total, args):
    """LR for optimizer step `step` (1-based): linear warmup, then the chosen decay to 0."""
    if args.warmup_steps and step <= args.warmup_steps:
        return args.lr * step / args.warmup_steps
    if args.scheduler == "constant":
        return args.lr
    span = max(1, total - args.warmup_steps)
    progress = min(1.0, (step - args.warmup_steps) / span)
    if args.scheduler == "linear":
        return args.lr * (1.0 - progress)
    return args.lr * 0.5 * (1.0 + math.cos(math.pi * progress))


def pick_device(args):
    if args.device != "auto":
        return torch.device(args.device)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def pick_dtype(args, device):
    if args.precision == "bf16":
        if device.type == "cuda" and not torch.cuda.is_bf16_supported():
            raise SystemExit("precision bf16 requested but this GPU does not support bfloat16; use fp32")
        return torch.bfloat16
    if args.precision == "auto" and device.type == "cuda" and torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32


def build_model(args):
    if args.base == "scratch":
        cfg = LlamaConfig(hidden_size=args.hidden_size, num_hidden_layers=args.num_layers, num_attention_heads=args.num_heads,
                          num_key_value_heads=args.num_kv_heads, intermediate_size=args.intermediate_size,
                          vocab_size=tok.VOCAB_SIZE, max_position_embeddings=max(args.max_position_embeddings, args.seq_len),
                          rope_theta=args.rope_theta)
        return LlamaForCausalLM(cfg)
    cfg_path = os.path.join(args.base, "config.json")
    if not os.path.isfile(cfg_path):
        raise SystemExit("config.json is missing (need HF layout: config.json + model.safetensors)")
    with open(cfg_path) as f:
        cfg = LlamaConfig.from_hf(json.load(f))
    if cfg.vocab_size < tok.VOCAB_SIZE:
        raise SystemExit(f"vocab_size {cfg.vocab_size} is smaller than the byte tokenizer's {tok.VOCAB_SIZE}")
    model = LlamaForCausalLM(cfg)
    model.load_hf_state_dict(read_weights(args.base))
    return model


def read_weights(base):
    """model.safetensors, or the shards listed in model.safetensors.index.json."""
    single = os.path.join(base, "model.safetensors")
    if os.path.isfile(single):
        return load_safetensors(single)
    index = os.path.join(base, "model.safetensors.index.json")
    if not os.path.isfile(index):
        raise SystemExit("neither model.safetensors nor model.safetensors.index.json exists")
    with open(index) as f:
        shards = sorted(set(json.load(f)["weight_map"].values()))
    sd = {}
    for shard in shards:
        sd.update(load_safetensors(os.path.join(base, shard)))
    return sd


def batch_loss(model, ids, labels, n_tokens):
    logits = model(ids)
    return F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]).float(), labels[:, 1:].reshape(-1),
                           ignore_index=D.IGNORE, reduction="sum") / n_tokens


@torch.no_grad()
def evaluate(model, ids, labels, mbs, device, autocast):
    model.eval()
    total, count = 0.0, 0
    for s in range(0, ids.shape[0], mbs):
        x, y = ids[s : s + mbs].to(device), labels[s : s + mbs].to(device)
        n = int((y[:, 1:] != D.IGNORE).sum())
        with autocast():
            total += float(batch_loss(model, x, y, 1)) if n else 0.0
        count += n
    model.train()
    return total / max(1, count)


def checkpoint_dirs(root):
    d = os.path.join(root, "checkpoints")
    if not os.path.isdir(d):
        return []
    found = []
    for name in os.listdir(d):
        if name.startswith("checkpoint-") and os.path.isfile(os.path.join(d, name, "state.pt")):
            try:
                found.append((int(name.split("-", 1)[1]), os.path.join(d, name)))
            except ValueError:
                pass
    return [p for _, p in sorted(found)]


def torch_load(path):
    try:
        return torch.load(path, map_location="cpu", weights_only=False)
    except TypeError:
        return torch.load(path, map_location="cpu")


def save_checkpoint(args, model, opt, step, position, limit):
    root = os.path.join(args.output_dir, "checkpoints")
    final = os.path.join(root, f"checkpoint-{step}")
    tmp = final + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    state = {
        "step": step,
        "position": position,
        # LoRA checkpoints hold only the adapter: the frozen base is reloaded from --base.
        "model": {k: v for k, v in model.state_dict().items() if args.method != "lora" or "lora_" in k},
        "optimizer": opt.state_dict(),
        "rng_torch": torch.get_rng_state(),
        "rng_cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None,
        "rng_python": random.getstate(),
        "trainer_version": __version__,
    }
    torch.save(state, os.path.join(tmp, "state.pt"))
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)  # atomic: a checkpoint dir with state.pt is always complete
    for old in checkpoint_dirs(args.output_dir)[:-limit] if limit > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
    return final


def write_model(args, model, targets):
    out = os.path.join(args.output_dir, "model")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    if args.method == "lora":
        save_file({k: v.float() for k, v in adapter_state_dict(model).items()}, os.path.join(out, "adapter_model.safetensors"))
        with open(os.path.join(out, "adapter_config.json"), "w") as f:
            json.dump(adapter_config(os.path.abspath(args.base), targets, args.lora_r, args.lora_alpha, args.lora_dropout), f, indent=2, sort_keys=True)
    else:
        save_file({k: v.float() for k, v in model.hf_state_dict().items()}, os.path.join(out, "model.safetensors"), {"format": "pt"})
        with open(os.path.join(out, "config.json"), "w") as f:
            json.dump(model.config.to_hf("float32"), f, indent=2, sort_keys=True)
    for name, content in tok.tokenizer_files().items():
        with open(os.path.join(out, name), "w") as f:
            json.dump(content, f, indent=2, sort_keys=True)
    return out


class Stop:
    requested = False


def on_sigterm(_signum, _frame):
    Stop.requested = True


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    # Ctrl-C in a terminal reaches the whole process group, so SIGINT must checkpoint too.
    signal.signal(signal.SIGTERM, on_sigterm)
    signal.signal(signal.SIGINT, on_sigterm)
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = pick_device(args)
    dtype = pick_dtype(args, device)
    try:
        train_ids, train_labels = D.build_blocks(D.load_examples(args.train_file, args.format), args.seq_len, args.packing)
        val = None
        if args.validation_file:
            val = D.build_blocks(D.load_examples(args.validation_file, args.format), args.seq_len, False)
    except (D.DataError, OSError) as e:
        emit("error", message=str(e))
        return 2

    try:
        model = build_model(args)
    except (ValueError, OSError, SystemExit) as e:
        emit("error", message=f"base model {args.base}: {e}")
        return 2
    targets = set(t.strip() for t in args.lora_target_modules.split(",") if t.strip())
    if args.method == "lora":
        if args.base == "scratch":
            emit("error", message="LoRA needs a pretrained base model (--base DIR), not 'scratch'")
            return 2
        apply_lora(model, targets, args.lora_r, args.lora_alpha, args.lora_dropout)
    model.to(device)
    if args.method == "lora" and args.lora_base_dtype == "auto" and dtype != torch.float32:
        # Frozen weights never receive updates, so fp32 master copies buy nothing: store them in the compute
        # dtype and halve the bytes every matmul reads. The adapter (the only trainable part) stays fp32.
        for p in model.parameters():
            if not p.requires_grad:
                p.data = p.data.to(dtype)
    trainable = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in trainable if p.dim() >= 2]
    no_decay = [p for p in trainable if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.95), eps=1e-8)

    n_rows = train_ids.shape[0]
    mb_per_epoch = math.ceil(n_rows / args.micro_batch_size)
    steps_per_epoch = max(1, math.ceil(mb_per_epoch / args.grad_accum))
    total = args.max_steps if args.max_steps > 0 else max(1, math.ceil(steps_per_epoch * args.epochs))

    step, epoch, mb_index = 0, 0, 0
    resume_from = None
    if args.resume == "auto":
        found = checkpoint_dirs(args.output_dir)
        resume_from = found[-1] if found else None
    elif args.resume != "none":
        resume_from = args.resume
    if resume_from:
        state = torch_load(os.path.join(resume_from, "state.pt"))
        missing, unexpected = model.load_state_dict(state["model"], strict=False)
        if unexpected or (missing and args.method != "lora") or any("lora_" in k for k in missing):
            emit("error", message=f"checkpoint {resume_from} does not match the model (missing {missing[:3]}, unexpected {unexpected[:3]})")
            return 2
        opt.load_state_dict(state["optimizer"])
        torch.set_rng_state(state["rng_torch"])
        if state.get("rng_cuda") is not None and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(state["rng_cuda"])
        random.setstate(state["rng_python"])
        step = state["step"]
        epoch, mb_index = state["position"]
        emit("resume", step=step, checkpoint=resume_from)

    use_compile = args.compile == "on" or (args.compile == "auto" and device.type == "cuda")
    # Compiling the loss with the model lets the compiler fuse the LM head's output, its fp32 upcast and the
    # cross-entropy instead of materialising fp32 logits; the token count is divided outside so that its
    # changing value never triggers a recompilation.
    loss_sum = (lambda m, x, y: batch_loss(m, x, y, 1))
    fwd = torch.compile(loss_sum) if use_compile and hasattr(torch, "compile") else loss_sum
    autocast = (lambda: torch.autocast(device_type="cuda", dtype=torch.bfloat16)) if dtype == torch.bfloat16 else _no_autocast
    emit("start", total_steps=total, steps_per_epoch=steps_per_epoch, train_rows=n_rows, seq_len=args.seq_len,
         params=sum(p.numel() for p in model.parameters()), trainable_params=sum(p.numel() for p in trainable),
         device=str(device), dtype=str(dtype).replace("torch.", ""), sdpa=HAS_SDPA,
         frozen_dtype=str(next((p.dtype for p in model.parameters() if not p.requires_grad), dtype)).replace("torch.", ""), compiled=fwd is not loss_sum,
         torch=torch.__version__, trainer_version=__version__, method=args.method)

    def order(ep):
        g = torch.Generator()
        g.manual_seed(args.seed * 1_000_003 + ep)
        return torch.randperm(n_rows, generator=g)

    perm = order(epoch)
    last_ckpt_step = step
    t_start = time.time()
    tokens_seen = 0
    model.train()
    while step < total:
        micro = []
        for _ in range(args.grad_accum):
            if mb_index >= mb_per_epoch:
                epoch, mb_index = epoch + 1, 0
                perm = order(epoch)
            idx = perm[mb_index * args.micro_batch_size : (mb_index + 1) * args.micro_batch_size]
            micro.append((train_ids[idx], train_labels[idx]))
            mb_index += 1
        n_tokens = sum(int((y[:, 1:] != D.IGNORE).sum()) for _, y in micro)
        lr = lr_at(step + 1, total, args)
        for g in opt.param_groups:
            g["lr"] = lr
        t0 = time.time()
        loss_total = 0.0
        for x, y in micro:
            x, y = x.to(device), y.to(device)
            with autocast():
                loss = fwd(model, x, y) / max(1, n_tokens)
            if args.inject_nan_at_step and step + 1 == args.inject_nan_at_step:
                loss = loss * float("nan")
            loss.backward()
            loss_total += float(loss.detach())
        grad_norm = float(torch.nn.utils.clip_grad_norm_(trainable, args.max_grad_norm if args.max_grad_norm > 0 else float("inf")))
        opt.step()
        opt.zero_grad(set_to_none=True)
        step += 1
        dt = max(time.time() - t0, 1e-9)
        seen = sum(int((x != tok.PAD).sum()) for x, _ in micro)
        tokens_seen += seen
        if step % args.log_steps == 0 or step == total:
            emit("step", step=step, total_steps=total, epoch=round(epoch + mb_index / mb_per_epoch, 4), loss=loss_total,
                 lr=lr, grad_norm=grad_norm, tokens=seen, tokens_per_s=round(seen / dt, 1), elapsed_s=round(time.time() - t_start, 3))
        if val is not None and args.eval_steps and step % args.eval_steps == 0 and step < total:
            emit("eval", step=step, eval_loss=evaluate(model, val[0], val[1], args.micro_batch_size, device, autocast))
        if args.save_steps and step % args.save_steps == 0 and step < total:
            path = save_checkpoint(args, model, opt, step, (epoch, mb_index), args.save_total_limit)
            last_ckpt_step = step
            emit("checkpoint", step=step, path=path)
        if args.crash_at_step and step == args.crash_at_step and resume_from is None:
            sys.stdout.flush()
            os._exit(3)
        if Stop.requested:
            if step != last_ckpt_step:
                save_checkpoint(args, model, opt, step, (epoch, mb_index), args.save_total_limit)
            saved = checkpoint_dirs(args.output_dir)
            emit("terminated", step=step, checkpoint=saved[-1] if saved else None)
            return EXIT_TERMINATED
    if val is not None:
        emit("eval", step=step, eval_loss=evaluate(model, val[0], val[1], args.micro_batch_size, device, autocast))
    out = write_model(args, model, targets)
    peak = {"max_memory_gib": round(torch.cuda.max_memory_allocated(device) / 2**30, 3)} if device.type == "cuda" else {}
    emit("done", step=step, output=out, tokens=tokens_seen, train_s=round(time.time() - t_start, 3), **peak)
    return 0


class _no_autocast:
    def __init__(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

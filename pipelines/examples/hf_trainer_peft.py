"""SFT with HF transformers' Trainer (+ PEFT LoRA) as an llmops `backend: command` script.

    backend: command
    command: {argv: [python, pipelines/examples/hf_trainer_peft.py], model_dir: model}

llmops passes the run through the environment: LLMOPS_SPEC_JSON (the validated spec, after --set
overrides), LLMOPS_BASE_MODEL (a directory with an HF Llama, or "scratch" with base.architecture),
LLMOPS_TRAIN_FILE, LLMOPS_VALIDATION_FILE, LLMOPS_MODEL_DIR (Trainer's output_dir: checkpoints,
trainer_state.json and the final model or adapter), LLMOPS_RESUME ("1": continue from the newest
checkpoint; LLMOPS_EXAMPLE_CRASH_AT_STEP=N makes a fresh run exit abruptly after step N, for tests).
Hyperparameters come from the spec: max_steps/epochs, learning_rate, scheduler,
warmup_steps, weight_decay, max_grad_norm, micro_batch_size, gradient_accumulation_steps, seed,
logging_steps, evaluation.every_steps, checkpoint.every_steps/keep, method (full | lora), lora.*.

Tokenization is the reference trainer's byte-level template (ids 0-255 bytes, 256 BOS, 257 EOS,
258 PAD; loss on the completion only), so the base needs a vocabulary of at least 259 ids; a real
model would use its own tokenizer and chat template instead. HF Trainer prints its log dicts
(`{'loss': ..., 'grad_norm': ..., 'learning_rate': ..., 'epoch': ...}`) on stdout, which llmops
parses live, and writes trainer_state.json, which llmops reads when stdout had none."""
import json
import os
import sys

import torch
from transformers import LlamaConfig, LlamaForCausalLM, Trainer, TrainingArguments

BOS, EOS, PAD, IGNORE = 256, 257, 258, -100


def env(name, default=None):
    v = os.environ.get(name, default)
    if v is None:
        sys.exit(f"{name} is not set: run this script through `llmops train` with backend: command")
    return v


def encode(row, fmt):
    def b(s):
        return list(s.encode("utf-8"))

    if fmt == "chat":
        ids, labels = [BOS], [IGNORE]
        msgs = row["messages"]
        for i, m in enumerate(msgs):
            head = b(("\n" if i else "") + m["role"].capitalize() + ": ")
            body = b(m["content"])
            ids += head + body
            labels += [IGNORE] * len(head) + (body if m["role"] == "assistant" else [IGNORE] * len(body))
        ids.append(EOS)  # trained on only when the assistant has the last word
        labels.append(EOS if msgs and msgs[-1]["role"] == "assistant" else IGNORE)
        return ids, labels
    if fmt == "instruction":
        prompt = b(row["instruction"] + "\n" + (row["input"] + "\n" if row.get("input") else ""))
        out = b(row["output"]) + [EOS]
    else:
        prompt, out = b(row["prompt"]), b(row["completion"]) + [EOS]
    return [BOS] + prompt + out, [IGNORE] * (1 + len(prompt)) + out


class Rows(torch.utils.data.Dataset):
    def __init__(self, path, fmt, seq_len):
        with open(path, encoding="utf-8") as f:
            self.rows = [encode(json.loads(l), fmt) for l in f if l.strip()]
        self.rows = [(i[:seq_len], l[:seq_len]) for i, l in self.rows]

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        ids, labels = self.rows[i]
        return {"input_ids": ids, "labels": labels}


def collate(batch):
    n = max(len(b["input_ids"]) for b in batch)
    ids = torch.full((len(batch), n), PAD)
    labels = torch.full((len(batch), n), IGNORE)
    mask = torch.zeros((len(batch), n), dtype=torch.long)
    for k, b in enumerate(batch):
        ids[k, : len(b["input_ids"])] = torch.tensor(b["input_ids"])
        labels[k, : len(b["labels"])] = torch.tensor(b["labels"])
        mask[k, : len(b["input_ids"])] = 1
    return {"input_ids": ids, "labels": labels, "attention_mask": mask}


def build_model(spec, base):
    if base == "scratch":
        a = spec["base"].get("architecture") or {}
        cfg = LlamaConfig(vocab_size=259, hidden_size=a.get("hidden_size", 64), num_hidden_layers=a.get("num_layers", 2),
                          num_attention_heads=a.get("num_heads", 4), num_key_value_heads=a.get("num_kv_heads"),
                          intermediate_size=a.get("intermediate_size") or 192, max_position_embeddings=a.get("max_position_embeddings", 256),
                          rope_theta=a.get("rope_theta", 10000.0), bos_token_id=BOS, eos_token_id=EOS, pad_token_id=PAD)
        return LlamaForCausalLM(cfg)
    return LlamaForCausalLM.from_pretrained(base, dtype=torch.float32)


def main():
    with open(env("LLMOPS_SPEC_JSON")) as f:
        spec = json.load(f)
    out = env("LLMOPS_MODEL_DIR")
    torch.manual_seed(spec["seed"])
    if spec.get("threads"):
        torch.set_num_threads(spec["threads"])
    model = build_model(spec, env("LLMOPS_BASE_MODEL"))
    if model.config.vocab_size < 259:
        sys.exit(f"the base model's vocab_size {model.config.vocab_size} is smaller than the byte template's 259")
    if spec["method"] == "lora":
        from peft import LoraConfig, get_peft_model

        lo = spec["lora"]
        model = get_peft_model(model, LoraConfig(r=lo["r"], lora_alpha=lo["alpha"], lora_dropout=lo["dropout"],
                                                 target_modules=lo["target_modules"], task_type="CAUSAL_LM"))
    elif spec["method"] != "full":
        sys.exit(f"method {spec['method']} is not implemented by this example (full | lora)")
    fmt, seq = spec["datasets"]["format"], spec["sequence_len"]
    train = Rows(env("LLMOPS_TRAIN_FILE"), fmt, seq)
    val_path = os.environ.get("LLMOPS_VALIDATION_FILE")
    val = Rows(val_path, fmt, seq) if val_path else None
    every_eval = (spec.get("evaluation") or {}).get("every_steps") or 0
    ckpt = spec.get("checkpoint") or {}
    scheduler = {"cosine": "cosine", "linear": "linear", "constant": "constant_with_warmup"}[spec["scheduler"]]
    args = TrainingArguments(
        output_dir=out,
        max_steps=spec.get("max_steps") or -1,
        num_train_epochs=spec.get("epochs") or 1,
        per_device_train_batch_size=spec["micro_batch_size"],
        per_device_eval_batch_size=spec["micro_batch_size"],
        gradient_accumulation_steps=spec["gradient_accumulation_steps"],
        learning_rate=spec["learning_rate"],
        lr_scheduler_type=scheduler,
        warmup_steps=spec["warmup_steps"],
        weight_decay=spec["weight_decay"],
        max_grad_norm=spec["max_grad_norm"],
        seed=spec["seed"],
        logging_steps=spec["logging_steps"],
        eval_strategy="steps" if val is not None and every_eval else "no",
        eval_steps=every_eval or None,
        save_strategy="steps" if ckpt.get("every_steps") else "no",
        save_steps=ckpt.get("every_steps") or 500,
        save_total_limit=ckpt.get("keep"),
        bf16=spec["precision"] == "bf16",
        use_cpu=not torch.cuda.is_available(),
        report_to="none",
        dataloader_num_workers=0,
        remove_unused_columns=False,
    )
    callbacks = []
    crash_at = int(os.environ.get("LLMOPS_EXAMPLE_CRASH_AT_STEP") or 0)
    if crash_at and os.environ.get("LLMOPS_RESUME") != "1":
        from transformers import TrainerCallback

        class Crash(TrainerCallback):  # testing: die abruptly once, so a restart must resume
            def on_step_end(self, a, state, control, **kw):
                if state.global_step == crash_at:
                    sys.stdout.flush()
                    os._exit(3)

        callbacks.append(Crash())
    trainer = Trainer(model=model, args=args, train_dataset=train, eval_dataset=val, data_collator=collate, callbacks=callbacks)
    has_ckpt = os.path.isdir(out) and any(n.startswith("checkpoint-") for n in os.listdir(out))
    trainer.train(resume_from_checkpoint=True if os.environ.get("LLMOPS_RESUME") == "1" and has_ckpt else None)
    if val is not None:
        trainer.evaluate()
    trainer.save_model(out)  # full: config.json + model.safetensors; LoRA: adapter_config.json + adapter_model.safetensors
    trainer.save_state()  # trainer_state.json with log_history
    return 0


if __name__ == "__main__":
    sys.exit(main())

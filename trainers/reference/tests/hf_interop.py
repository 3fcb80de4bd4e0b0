"""Checks the reference trainer's output against HF transformers + PEFT (CPU, fp32).

Run with a Python that has torch 2.x, transformers, peft and safetensors (scripts/setup-hf-venv.sh
makes one):  .llmops/hf-venv/bin/python trainers/reference/tests/hf_interop.py [--torch1 /usr/bin/python3]

What it does, each step printing one JSON line (`{"check": ..., ...}`) and a final summary line:
  1. full fine-tuning from scratch (GQA) with the reference trainer → transformers'
     LlamaForCausalLM.from_pretrained loads model/ and gives the trainer's logits (eager and sdpa);
  2. LoRA on that model as base → peft's PeftModel.from_pretrained(base, model/) gives the trainer's
     logits, and merge_and_unload() too;
  3. a tied-embedding HF model written by save_pretrained → the reference trainer loads it (logits
     match before training), fine-tunes it, and transformers loads the result (logits match);
  4. the trainer's SDPA and explicit-attention paths agree on torch 2.x;
  5. a run crashed after a checkpoint and resumed on torch 2.x reproduces the uninterrupted one;
  6. with --torch1 PY: the same full and LoRA runs on torch 1.13 (explicit attention, the built-in
     safetensors writer) give the same loss curves, and transformers/peft load what torch 1.13 wrote.
Exit status 1 when a difference exceeds its tolerance."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.dirname(HERE)
sys.path.insert(0, REF)

import torch  # noqa: E402

from llmops_ref import model as M  # noqa: E402
from llmops_ref import train as T  # noqa: E402
from llmops_ref.lora import apply_lora  # noqa: E402
from llmops_ref.safetensors_io import load as load_safetensors  # noqa: E402

TOL_LOGITS = 1e-3  # the bound for fp32
TOL_LOSS = 1e-3  # torch 1.13 vs 2.x loss curve (relative)

results = []


def report(check, **fields):
    rec = {"check": check, **fields}
    results.append(rec)
    print(json.dumps(rec), flush=True)


def write_data(d):
    rows = []
    for i in range(48):
        a, b = i % 7, (i * 3) % 11
        rows.append({"messages": [{"role": "user", "content": f"add {a} and {b}"}, {"role": "assistant", "content": str(a + b)}]})
        rows.append({"messages": [{"role": "user", "content": f"reverse w{i}xy"}, {"role": "assistant", "content": f"yx{i}w"[::-1]}]})
    path = os.path.join(d, "train.jsonl")
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    return path


def run_trainer(python, out, train_file, extra):
    argv = [python, "-u", os.path.join(REF, "train.py"), "--train-file", train_file, "--format", "chat", "--output-dir", out,
            "--seq-len", "48", "--packing", "--micro-batch-size", "4", "--lr", "5e-3", "--warmup-steps", "2",
            "--seed", "7", "--threads", "1", "--resume", "none", "--device", "cpu", "--precision", "fp32", *extra]
    r = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    events = [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")]
    if r.returncode != 0:
        raise SystemExit(f"trainer failed ({python}, exit {r.returncode}):\n{r.stdout}\n{r.stderr}")
    return events


def inputs(vocab):
    g = torch.Generator().manual_seed(3)
    ids = torch.randint(0, 256, (3, 40), generator=g)
    ids[:, 0] = 256  # BOS
    ids[2, -5:] = vocab - 1  # a few PAD ids (the last token id)
    return ids


def ref_full(model_dir):
    with open(os.path.join(model_dir, "config.json")) as f:
        cfg = M.LlamaConfig.from_hf(json.load(f))
    m = M.LlamaForCausalLM(cfg)
    m.load_hf_state_dict(T.read_weights(model_dir))
    return m.eval()


def ref_lora(base_dir, adapter_dir):
    m = ref_full(base_dir)
    with open(os.path.join(adapter_dir, "adapter_config.json")) as f:
        ac = json.load(f)
    apply_lora(m, set(ac["target_modules"]), ac["r"], ac["lora_alpha"], 0.0)
    sd = {k[len("base_model.model."):]: v for k, v in load_safetensors(os.path.join(adapter_dir, "adapter_model.safetensors")).items()}
    missing, unexpected = m.load_state_dict(sd, strict=False)
    assert not unexpected, unexpected
    assert not [k for k in missing if "lora_" in k], missing
    return m.eval()


def hf_full(model_dir, attn):
    from transformers import LlamaForCausalLM
    return LlamaForCausalLM.from_pretrained(model_dir, torch_dtype=torch.float32, attn_implementation=attn).eval()


@torch.no_grad()
def max_diff(a, b, ids):
    la = a(ids)
    lb = b(ids)
    la = la if torch.is_tensor(la) else la.logits
    lb = lb if torch.is_tensor(lb) else lb.logits
    return float((la.float() - lb.float()).abs().max()), float(la.abs().max())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--torch1", default=None, help="a Python with torch 1.x to compare the loss curve with")
    ap.add_argument("--steps", type=int, default=20)
    args = ap.parse_args()
    import peft
    import transformers
    from peft import PeftModel

    torch.set_num_threads(1)
    info = {"torch": torch.__version__, "transformers": transformers.__version__, "peft": peft.__version__, "sdpa": M.HAS_SDPA}
    print(json.dumps({"versions": info}), flush=True)
    tmp = tempfile.mkdtemp(prefix="llmops-hf-interop-")
    data = write_data(tmp)
    steps = str(args.steps)

    # 0. pipelines/examples/hf_trainer_peft.py tokenizes exactly as the reference trainer
    sys.path.insert(0, os.path.join(REF, "..", "..", "pipelines", "examples"))
    import hf_trainer_peft as example
    from llmops_ref import data as D
    samples = [(json.loads(l), "chat") for l in open(data)] + [
        ({"instruction": "Add", "input": "1 2", "output": "3"}, "instruction"), ({"instruction": "Hi", "output": "yo"}, "instruction"),
        ({"prompt": "a", "completion": "b"}, "completion"),
        ({"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}, {"role": "assistant", "content": "a"},
                       {"role": "user", "content": "q"}]}, "chat")]
    bad = [r for r, f in samples if [list(x) for x in D.encode_record("f", 1, r, f)] != [list(x) for x in example.encode(r, f)]]
    report("example-template", records=len(samples), mismatches=len(bad), ok=not bad)

    # 1. full fine-tuning from scratch, GQA (4 query heads, 2 key/value heads)
    full = os.path.join(tmp, "full")
    ev = run_trainer(sys.executable, full, data, ["--max-steps", steps, "--hidden-size", "64", "--num-layers", "2", "--num-heads", "4",
                                                  "--num-kv-heads", "2", "--max-position-embeddings", "64", "--rope-theta", "50000"])
    losses_t2 = [e["loss"] for e in ev if e["event"] == "step"]
    full_model = os.path.join(full, "model")
    ref = ref_full(full_model)
    ids = inputs(ref.config.vocab_size)
    for attn in ("eager", "sdpa"):
        d, scale = max_diff(ref, hf_full(full_model, attn), ids)
        report("full-from-scratch", attn=attn, max_abs_diff=d, max_abs_logit=scale, ok=d < TOL_LOGITS)

    # 2. LoRA on that model as base
    lora = os.path.join(tmp, "lora")
    run_trainer(sys.executable, lora, data, ["--max-steps", steps, "--base", full_model, "--method", "lora", "--lora-r", "8",
                                             "--lora-alpha", "16", "--lora-target-modules", "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj",
                                             "--lr", "1e-2"])
    adapter = os.path.join(lora, "model")
    with open(os.path.join(adapter, "adapter_config.json")) as f:
        base_path = json.load(f)["base_model_name_or_path"]
    ref_l = ref_lora(base_path, adapter)
    d_base, _ = max_diff(ref_l, ref, ids)  # the adapter must change something, or the check proves nothing
    for attn in ("eager", "sdpa"):
        hf_l = PeftModel.from_pretrained(hf_full(base_path, attn), adapter).eval()
        d, scale = max_diff(ref_l, hf_l, ids)
        report("lora-peft", attn=attn, max_abs_diff=d, max_abs_logit=scale, adapter_effect=d_base, ok=d < TOL_LOGITS and d_base > 1e-2)
    merged = PeftModel.from_pretrained(hf_full(base_path, "eager"), adapter).merge_and_unload().eval()
    d, scale = max_diff(ref_l, merged, ids)
    report("lora-peft-merged", max_abs_diff=d, max_abs_logit=scale, ok=d < TOL_LOGITS)

    # 3. an HF-written model with tied embeddings as the base (HF → reference → HF)
    from transformers import LlamaConfig as HFConfig
    from transformers import LlamaForCausalLM as HFLlama
    torch.manual_seed(5)
    hf_cfg = HFConfig(vocab_size=260, hidden_size=48, intermediate_size=128, num_hidden_layers=2, num_attention_heads=6,
                      num_key_value_heads=2, max_position_embeddings=64, rms_norm_eps=1e-6, rope_theta=50000.0,
                      tie_word_embeddings=True, bos_token_id=256, eos_token_id=257, pad_token_id=258)
    hf_base = HFLlama(hf_cfg).eval()
    hf_dir = os.path.join(tmp, "hf-tied")
    hf_base.save_pretrained(hf_dir, safe_serialization=True)
    with open(os.path.join(hf_dir, "config.json")) as f:
        written = json.load(f)
    d, scale = max_diff(ref_full(hf_dir), hf_base, ids)
    report("hf-tied-base-loaded", max_abs_diff=d, max_abs_logit=scale, ok=d < TOL_LOGITS,
           config_keys=sorted(k for k in written if "rope" in k or "tie" in k or "eps" in k))
    sharded = os.path.join(tmp, "hf-sharded")
    hf_base.save_pretrained(sharded, safe_serialization=True, max_shard_size="40KB")
    shards = sorted(n for n in os.listdir(sharded) if n.endswith(".safetensors"))
    d, scale = max_diff(ref_full(sharded), hf_base, ids)
    report("hf-sharded-base-loaded", shards=len(shards), max_abs_diff=d, ok=d < TOL_LOGITS and len(shards) > 1)
    tied = os.path.join(tmp, "tied")
    run_trainer(sys.executable, tied, data, ["--max-steps", "5", "--base", hf_dir])
    tied_model = os.path.join(tied, "model")
    names = sorted(load_safetensors(os.path.join(tied_model, "model.safetensors")))
    ref_t = ref_full(tied_model)
    for attn in ("eager", "sdpa"):
        hf_t = hf_full(tied_model, attn)
        d, scale = max_diff(ref_t, hf_t, ids)
        tied_ok = hf_t.lm_head.weight.data_ptr() == hf_t.model.embed_tokens.weight.data_ptr()
        report("hf-tied-finetuned", attn=attn, max_abs_diff=d, max_abs_logit=scale, still_tied=tied_ok,
               lm_head_saved="lm_head.weight" in names, ok=d < TOL_LOGITS and tied_ok)

    # 4. SDPA and explicit attention inside the reference model
    if M.HAS_SDPA:
        with torch.no_grad():
            a = ref(ids)
            M.HAS_SDPA = False
            try:
                b = ref(ids)
            finally:
                M.HAS_SDPA = True
        report("ref-sdpa-vs-explicit", max_abs_diff=float((a - b).abs().max()), ok=float((a - b).abs().max()) < 1e-4)

    # 5. resume on torch 2.x: crash after step 7 (checkpoint at 5), resume → the uninterrupted run
    crash = os.path.join(tmp, "crash")
    common = ["--max-steps", "10", "--hidden-size", "64", "--num-layers", "2", "--num-heads", "4", "--num-kv-heads", "2",
              "--max-position-embeddings", "64", "--save-steps", "5"]
    straight = [e["loss"] for e in run_trainer(sys.executable, os.path.join(tmp, "straight"), data, common) if e["event"] == "step"]
    try:
        run_trainer(sys.executable, crash, data, [*common, "--crash-at-step", "7"])
        crashed = False
    except SystemExit:
        crashed = True
    ev_r = run_trainer(sys.executable, crash, data, [*common, "--resume", "auto"])
    resumed_at = next((e["step"] for e in ev_r if e["event"] == "resume"), None)
    resumed = [e["loss"] for e in ev_r if e["event"] == "step"]
    w_a = load_safetensors(os.path.join(tmp, "straight", "model", "model.safetensors"))
    w_b = load_safetensors(os.path.join(crash, "model", "model.safetensors"))
    same_w = sorted(w_a) == sorted(w_b) and all(torch.equal(w_a[k], w_b[k]) for k in w_a)
    report("resume-torch2", crashed=crashed, resumed_at=resumed_at, same_losses=resumed == straight[5:], same_weights=same_w,
           ok=crashed and resumed_at == 5 and resumed == straight[5:] and same_w)

    # 6. torch 1.x loss curve (full and LoRA); its model files come from the built-in safetensors writer
    if args.torch1:
        lora1 = os.path.join(tmp, "lora-torch1")
        lora_args = ["--max-steps", steps, "--base", full_model, "--method", "lora", "--lora-r", "8", "--lora-alpha", "16",
                     "--lora-target-modules", "q_proj,v_proj", "--lr", "1e-2"]
        l1 = [e["loss"] for e in run_trainer(args.torch1, lora1, data, lora_args) if e["event"] == "step"]
        l2 = [e["loss"] for e in run_trainer(sys.executable, os.path.join(tmp, "lora-torch2"), data, lora_args) if e["event"] == "step"]
        rel = max(abs(a - b) / max(abs(b), 1e-9) for a, b in zip(l2, l1))
        hf_l1 = PeftModel.from_pretrained(hf_full(full_model, "eager"), os.path.join(lora1, "model")).eval()
        d, _ = max_diff(ref_lora(full_model, os.path.join(lora1, "model")), hf_l1, ids)
        report("torch1-vs-torch2-lora-loss", steps=len(l1), loss_last=[l1[-1], l2[-1]], max_rel_diff=rel, peft_max_abs_diff_torch1_adapter=d,
               max_abs_diff=d, ok=len(l1) == len(l2) and rel < TOL_LOSS and d < TOL_LOGITS)

    # 7. torch 1.x loss curve, full
    if args.torch1:
        full1 = os.path.join(tmp, "full-torch1")
        ev1 = run_trainer(args.torch1, full1, data, ["--max-steps", steps, "--hidden-size", "64", "--num-layers", "2", "--num-heads", "4",
                                                     "--num-kv-heads", "2", "--max-position-embeddings", "64", "--rope-theta", "50000"])
        start1 = next(e for e in ev1 if e["event"] == "start")
        losses_t1 = [e["loss"] for e in ev1 if e["event"] == "step"]
        rel = max(abs(a - b) / max(abs(b), 1e-9) for a, b in zip(losses_t2, losses_t1))
        d, scale = max_diff(ref_full(full1 + "/model"), ref, ids)
        d_hf, _ = max_diff(ref_full(full1 + "/model"), hf_full(full1 + "/model", "eager"), ids)
        report("torch1-vs-torch2-loss", torch1=start1["torch"], sdpa1=start1["sdpa"], steps=len(losses_t1),
               loss_first=[losses_t1[0], losses_t2[0]], loss_last=[losses_t1[-1], losses_t2[-1]], max_rel_diff=rel,
               final_logits_torch1_vs_torch2=d, max_abs_diff=d_hf, ok=len(losses_t1) == len(losses_t2) and rel < TOL_LOSS and d_hf < TOL_LOGITS)
    failed = [r["check"] for r in results if not r["ok"]]
    print(json.dumps({"summary": "ok" if not failed else "failed", "failed": failed, "versions": info, "dir": tmp}), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Runs bench/train-reference.py on a CUDA machine the way the figures in docs/training.md were made:
# eager first (both HF peers), then torch.compile on for the reference and the bf16-base HF peer.
#   bash bench/train-reference-gpu.sh [OUT_DIR]
set -u
out="${1:-${OUT:-.llmops/bench}}"
mkdir -p "$out"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$out/gpu.txt"
python3 -c 'import torch, transformers, peft; print("torch", torch.__version__, "cuda", torch.version.cuda, "transformers", transformers.__version__, "peft", peft.__version__)' | tee -a "$out/gpu.txt"
export TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1
python3 bench/train-reference.py --steps 30 --warmup 5 --compile off --hf-base both 2>"$out/eager.err" | tee "$out/eager.txt"
python3 bench/train-reference.py --steps 30 --warmup 8 --compile on --hf-base bf16 2>"$out/compile.err" | tee "$out/compile.txt"

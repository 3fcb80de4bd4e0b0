#!/usr/bin/env bash
# Creates the Python environment for the HF interop tests (test/integration/hf-interop.test.ts):
# torch 2.x (CPU), transformers, peft, safetensors, accelerate, installed from a LOCAL package mirror.
#
#   scripts/setup-hf-venv.sh [VENV_DIR]        default: .llmops/hf-venv (git-ignored)
#
# Packages: $LLMOPS_HF_PACKAGES (default: torch transformers peft safetensors accelerate sacrebleu sentencepiece
# gguf tiktoken, newest; sacrebleu serves the scorer cross-check in test/integration/scorers-reference.test.ts,
# sentencepiece and gguf (llama.cpp's own GGUF reader) the GGUF export tests, tiktoken (with tokenizers, which
# transformers brings) the token-count cross-check in test/integration/prompt-tokens.test.ts).
# Mirror: $LLMOPS_HF_WHEELS (a --find-links folder, default /opt/wheels) and $LLMOPS_HF_INDEX
# (space-separated simple-index URLs, default file:///opt/pypi/simple file:///opt/pypi-more/simple).
# Only local (file://) indexes are used, so this never reaches the network. Set LLMOPS_HF_ALLOW_NETWORK=1
# to install from pip's configured indexes instead (e.g. pypi.org on a developer machine).
#
# Idempotent: an existing venv whose packages import is kept. When the mirror or python3 -m venv is
# missing it prints why, "HF interop tests will be skipped", and exits 0: it must never break CI.
set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${1:-$ROOT/.llmops/hf-venv}"
WHEELS="${LLMOPS_HF_WHEELS:-/opt/wheels}"
INDEXES="${LLMOPS_HF_INDEX:-file:///opt/pypi/simple file:///opt/pypi-more/simple}"
PY="${LLMOPS_HF_BASE_PYTHON:-python3}"
# LLMOPS_HF_PACKAGES pins versions, e.g. "torch transformers==4.57.6 peft safetensors accelerate".
read -r -a PACKAGES <<<"${LLMOPS_HF_PACKAGES:-torch transformers peft safetensors accelerate sacrebleu sentencepiece gguf tiktoken}"
CHECK='import torch, transformers, peft, safetensors, accelerate, sacrebleu, sentencepiece, gguf, tiktoken; print("torch", torch.__version__, "transformers", transformers.__version__, "peft", peft.__version__)'

skip() {
  echo "setup-hf-venv: $1" >&2
  echo "setup-hf-venv: HF interop tests will be skipped" >&2
  exit 0
}

if [ -x "$VENV/bin/python" ] && versions="$("$VENV/bin/python" -c "$CHECK" 2>/dev/null)"; then
  echo "setup-hf-venv: $VENV is ready ($versions)"
  exit 0
fi

command -v "$PY" >/dev/null 2>&1 || skip "$PY not found"

# --no-compile: byte-compiling every module of torch and transformers at install time cost 2.5x the
# install's CPU here (51 s vs 20 s); Python compiles the few modules the tests import on first use.
pip_args=(install --quiet --disable-pip-version-check --no-compile)
if [ "${LLMOPS_HF_ALLOW_NETWORK:-0}" != "1" ]; then
  local_indexes=()
  for url in $INDEXES; do
    dir="${url#file://}"
    if [ "$dir" != "$url" ] && [ -d "$dir" ]; then local_indexes+=("$url"); fi
  done
  [ -d "$WHEELS" ] || [ "${#local_indexes[@]}" -gt 0 ] || skip "no local package mirror ($WHEELS and $INDEXES are absent)"
  # No pypi.org: the first local index replaces it, the others are extra; --find-links adds the wheel folder.
  if [ "${#local_indexes[@]}" -gt 0 ]; then
    pip_args+=(--index-url "${local_indexes[0]}")
    for url in "${local_indexes[@]:1}"; do pip_args+=(--extra-index-url "$url"); done
  else
    pip_args+=(--no-index)
  fi
  [ -d "$WHEELS" ] && pip_args+=(--find-links "$WHEELS")
fi

start=$(date +%s)
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
"$PY" -m venv "$VENV" >/dev/null 2>&1 || { rm -rf "$VENV"; skip "'$PY -m venv' failed (Debian/Ubuntu: apt-get install python3-venv)"; }
# The CPU build of torch: the mirror's torch wheel is +cpu; with the network, use PyTorch's CPU index.
if [ "${LLMOPS_HF_ALLOW_NETWORK:-0}" = "1" ]; then pip_args+=(--extra-index-url https://download.pytorch.org/whl/cpu); fi
log="$(mktemp)"
if ! "$VENV/bin/python" -m pip "${pip_args[@]}" "${PACKAGES[@]}" >"$log" 2>&1; then
  grep -v "is ignored: it is neither" "$log" | tail -5 >&2
  rm -rf "$VENV" "$log"
  skip "pip could not install ${PACKAGES[*]} from the mirror"
fi
rm -f "$log"
versions="$("$VENV/bin/python" -c "$CHECK" 2>&1)" || { rm -rf "$VENV"; skip "the installed packages do not import: $versions"; }
echo "setup-hf-venv: created $VENV in $(( $(date +%s) - start )) s ($versions)"

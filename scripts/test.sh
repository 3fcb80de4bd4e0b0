#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian 12 machine (as root)
# or uses what is there, then type-checks, checks that dist/ is what the build produces, and runs
# every test. Used verbatim by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
/usr/bin/python3 -c "import torch" >/dev/null 2>&1 || need_apt+=(python3-torch)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# apt-get (about 4 minutes for python3-torch and chromium on a fresh machine) runs in the background
# while npm ci, the type check, the build and the Python venv run; the tests wait for it.
apt_pid=""
apt_log="$(mktemp)"
if [ ${#need_apt[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" = "0" ] || as_root=(sudo -n) # GitHub-hosted runners allow passwordless sudo
  if command -v apt-get >/dev/null 2>&1 && "${as_root[@]}" true 2>/dev/null; then
    echo "test: installing ${need_apt[*]} with apt-get (in the background)"
    (
      "${as_root[@]}" apt-get update -qq &&
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
    ) >"$apt_log" 2>&1 &
    apt_pid=$!
  else
    echo "test: ${need_apt[*]} missing and no root: the tests that need them will be skipped" >&2
  fi
fi
wait_for_apt() {
  [ -n "$apt_pid" ] || return 0
  local t0=$SECONDS
  if wait "$apt_pid"; then
    echo "test: apt-get installed ${need_apt[*]} (waited $((SECONDS - t0)) s for it)"
  else
    tail -5 "$apt_log" >&2
    echo "test: apt-get could not install ${need_apt[*]}: the tests that need them will be skipped" >&2
  fi
  apt_pid=""
}
trap 'wait_for_apt >/dev/null 2>&1; rm -f "$apt_log"' EXIT

npm ci --no-audit --no-fund --loglevel=error
# The type check (one core, ~40 s) runs beside the build, the dist/ check and the Python venv.
tsc_log="$(mktemp)"
npm run -s typecheck >"$tsc_log" 2>&1 &
tsc_pid=$!
npm run -s build
node scripts/check-dist.mjs
# torch 2.x, transformers, peft and sacrebleu from a local package mirror where the machine has
# one, for the HF interop and sacreBLEU cross-check tests; never fails (those tests then skip).
bash scripts/setup-hf-venv.sh || true
if ! wait "$tsc_pid"; then
  cat "$tsc_log" >&2
  echo "test: the type check failed (npm run typecheck)" >&2
  exit 1
fi
cat "$tsc_log"
rm -f "$tsc_log"
wait_for_apt
mkdir -p .llmops
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.llmops/vitest-report.json || status=$?
# One plain closing line that any CI reader understands.
node -e '
  const r = JSON.parse(require("fs").readFileSync(".llmops/vitest-report.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numTotalTests - r.numPassedTests - r.numFailedTests} skipped`);
' || true
exit "$status"

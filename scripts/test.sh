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
# while npm ci, the type check, the build, the Python venv and the tests that need neither run.
apt_pid=""
apt_log="$(mktemp)"
if [ ${#need_apt[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" = "0" ] || as_root=(sudo -n) # GitHub-hosted runners allow passwordless sudo
  if command -v apt-get >/dev/null 2>&1 && "${as_root[@]}" true 2>/dev/null; then
    echo "test: installing ${need_apt[*]} with apt-get (in the background)"
    (
      rc=0
      { "${as_root[@]}" apt-get update -qq &&
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"; } || rc=$?
      echo "$rc" >"$apt_log.rc" # read by wait_for_apt, from any subshell
    ) >"$apt_log" 2>&1 &
    apt_pid=$!
  else
    echo "test: ${need_apt[*]} missing and no root: the tests that need them will be skipped" >&2
  fi
fi
wait_for_apt() {
  [ -n "$apt_pid" ] || return 0
  local t0=$SECONDS
  while [ ! -s "$apt_log.rc" ] && kill -0 "$apt_pid" 2>/dev/null; do sleep 1; done
  if [ "$(cat "$apt_log.rc" 2>/dev/null)" = "0" ]; then
    echo "test: apt-get installed ${need_apt[*]} at ${SECONDS} s (waited $((SECONDS - t0)) s for it)"
  else
    tail -5 "$apt_log" >&2
    echo "test: apt-get could not install ${need_apt[*]}: the tests that need them will be skipped" >&2
  fi
  apt_pid=""
}
trap 'wait_for_apt >/dev/null 2>&1; rm -f "$apt_log" "$apt_log.rc"' EXIT

npm ci --no-audit --no-fund --loglevel=error
echo "test: npm ci done at ${SECONDS} s"
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
echo "test: type check, build, dist/ check and venv done at ${SECONDS} s"
mkdir -p .llmops
rm -f .llmops/vitest-report*.json
# dist/ was just built and checked above; the vitest runs (two side by side, below) must not rebuild it.
export LLMOPS_TEST_DIST_BUILT=1
status=0
vitest() { # $1: report name, then vitest's file filters
  local report=".llmops/vitest-report-$1.json"
  shift
  npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
}
if [ -n "$apt_pid" ]; then
  # apt-get is still installing: the tests that need neither PyTorch nor Chromium start now; the
  # ones that do (scripts/test-files.mjs) start as soon as apt-get is done, beside the first run if it
  # is still going (its output is printed after it), so no test probes too early and no core idles.
  mapfile -t rest < <(node scripts/test-files.mjs --rest)
  mapfile -t system < <(node scripts/test-files.mjs --system)
  echo "test: ${#rest[@]} test files now, ${#system[@]} that need ${need_apt[*]} once apt-get is done"
  second_log="$(mktemp)"
  (
    wait_for_apt
    echo "test: the second vitest run starts at ${SECONDS} s"
    [ ${#system[@]} -eq 0 ] || npx vitest run --reporter=default --reporter=json --outputFile.json=.llmops/vitest-report-2.json "${system[@]}"
  ) >"$second_log" 2>&1 &
  second_pid=$!
  vitest 1 "${rest[@]}"
  echo "test: the first vitest run ended at ${SECONDS} s"
  wait "$second_pid" || status=1
  cat "$second_log"
  rm -f "$second_log"
  apt_pid="" # waited for inside the second run
else
  vitest all
fi
# One plain closing line that any CI reader understands.
node -e '
  const fs = require("fs");
  const reports = fs.readdirSync(".llmops").filter((f) => /^vitest-report-.*\.json$/.test(f)).map((f) => JSON.parse(fs.readFileSync(".llmops/" + f, "utf8")));
  const sum = (k) => reports.reduce((a, r) => a + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numTotalTests") - sum("numPassedTests") - sum("numFailedTests")} skipped`);
' || true
echo "test: done in ${SECONDS} s"
exit "$status"

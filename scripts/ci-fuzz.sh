#!/usr/bin/env bash
# CI step: libFuzzer + ASan + UBSan on every C parser and converter (cpp/fuzz/fuzz_*.c), each for
# JB_FUZZ_SECONDS (default 60) from its seed corpus. A crash fails the step and leaves the input in
# target/fuzz/artifacts/; copy it to cpp/fuzz/regressions/<name>/ and the main build replays it forever.
# Usage: scripts/ci-fuzz.sh [NAME...]   (default: every harness)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
. scripts/lib/native-build.sh
jb_install_packages clang libclang-rt-14-dev
seconds=${JB_FUZZ_SECONDS:-60}
start=$(date +%s)
CC=clang cmake -S cpp/fuzz -B target/fuzz/build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build target/fuzz/build --parallel 2 >/dev/null
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  # Every harness in cpp/fuzz: one CMake skipped (a source it names is gone) fails below, not silently.
  for f in cpp/fuzz/fuzz_*.c; do n=${f##*/fuzz_}; names+=("${n%.c}"); done
fi
[ ${#names[@]} -gt 0 ] || { echo "ci-fuzz: no harness to run"; exit 1; }
failed=0
for name in "${names[@]}"; do
  work=target/fuzz/corpus/$name
  mkdir -p "$work" target/fuzz/artifacts target/fuzz/logs
  seeds=()
  [ -d cpp/fuzz/corpus/"$name" ] && seeds+=(cpp/fuzz/corpus/"$name")
  [ -d cpp/fuzz/regressions/"$name" ] && seeds+=(cpp/fuzz/regressions/"$name")
  log=target/fuzz/logs/$name.log
  if [ ! -x target/fuzz/build/fuzz_"$name" ]; then
    failed=1; echo "fuzz $name: NOT BUILT (a source its fuzz-sources line names is missing?)"; continue
  fi
  t0=$(date +%s)
  if target/fuzz/build/fuzz_"$name" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=target/fuzz/artifacts/"$name"- "$work" "${seeds[@]}" >"$log" 2>&1; then
    runs=$(grep -o 'number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
    # A run that executed nothing (bad flags, no corpus, an early exit) is no evidence: fail it.
    if [ -z "$runs" ] || [ "$runs" -eq 0 ]; then
      failed=1; echo "fuzz $name: NOTHING RAN (log $log)"; tail -5 "$log"; continue
    fi
    echo "fuzz $name: $runs executions in $(jb_elapsed "$t0") (asked ${seconds} s), $(grep -o 'cov: [0-9]*' "$log" | tail -1), no crash"
  else
    failed=1
    echo "fuzz $name: CRASH (log $log, input in target/fuzz/artifacts/):"
    grep -E -A15 'ERROR: |runtime error|deadly signal' "$log" | head -40
  fi
done
echo "ci-fuzz: ${#names[@]} harnesses in $(jb_elapsed "$start")"
exit $failed

#!/usr/bin/env bash
# CI: every hardening step of issue 6 after the main build, each timed. Each step can also run alone:
#   scripts/ci-jni-canary.sh     the JNI warning check fails on a real -Xcheck:jni warning, JDK 17 + 25 (~10 s)
#   scripts/ci-skips-canary.sh   the skip check (scripts/check-skips.sh) fails on an unlisted skip (~10 s)
#   scripts/test-jdk25.sh        JUnit + -Xcheck:jni + JNI warning check on JDK 25
#   scripts/ci-sanitize.sh       mvn -Psanitize verify: ASan + UBSan natives and GoogleTest programs
#   scripts/ci-valgrind.sh       memcheck over the GoogleTest programs without a JVM
#   scripts/ci-hardening-flags.sh  -Wconversion -Wsign-conversion + fortify/stack protector, gcc and clang
#   scripts/ci-fuzz.sh           libFuzzer harnesses, JB_FUZZ_SECONDS (60) each
#   scripts/ci-jazzer.sh         Jazzer fuzz tests, JB_JAZZER_SECONDS (60) each
# The sanitizer and JDK 25 steps rebuild target/ from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=(ci-jni-canary ci-skips-canary test-jdk25 ci-sanitize ci-valgrind ci-hardening-flags ci-fuzz ci-jazzer)
logs=build/ci-logs
mkdir -p "$logs"
times=()
for s in "${steps[@]}"; do
  echo "== $s (log $logs/$s.log)"
  t0=$(date +%s)
  if ! bash "scripts/$s.sh" >"$logs/$s.log" 2>&1; then
    tail -n 60 "$logs/$s.log"; echo "ci-hardening: $s failed"; exit 1
  fi
  # Maven's -q output leaves colour resets in front of the summary lines.
  grep -a -E "(ci-[a-z0-9-]+|test-jdk25|check-jni-warnings|check-skips|fuzz [a-z0-9_]+): " "$logs/$s.log" | sed 's/\x1b\[[0-9;]*m//g' || true
  times+=("$s $(( $(date +%s) - t0 )) s")
done
# Leave target/ as the default build expects it (CMake caches the JDK and sanitizer flags).
rm -rf target/cmake
printf 'ci-hardening: %s\n' "${times[@]}"

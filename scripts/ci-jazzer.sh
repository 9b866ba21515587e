#!/usr/bin/env bash
# CI step: Jazzer (com.code-intelligence:jazzer-junit, from Maven Central) on the riskiest natives,
# through their public API: LibC.format, NativeBuffer's operations, DataProcessor. Each fuzz test
# runs alone (Jazzer fuzzes one test per JVM) for JB_JAZZER_SECONDS (default 60; CI's .ci/run sets
# 30): Jazzer's max_duration option (JAZZER_MAX_DURATION) overrides the @FuzzTest(maxDuration), and
# the step checks libFuzzer's own "Done N runs in S second(s)" against it.
# A finding fails the step; Jazzer saves the input beside the test class's resources, and
# mvn -Pjazzer test (without JAZZER_FUZZ) replays saved inputs as regression tests.
# The natives are built with AddressSanitizer + UBSan (-Psanitize: gcc's runtime preloaded into
# the fuzzing JVM, pom.xml's ASAN_OPTIONS), so a memory error fuzzing reaches in C is reported and
# ends the run instead of passing unseen. Before the fuzz tests, the step checks the library the
# JVM loads is instrumented and that the canary AsanCanaryFuzzTest's out-of-bounds read, which
# only fuzzing reaches, is reported (the step fails if it is not).
# Usage: scripts/ci-jazzer.sh [TEST_CLASS...]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
. scripts/lib/native-build.sh
jb_install_packages
start=$(date +%s)
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(LibCFormatFuzzTest NativeBufferFuzzTest DataProcessorFuzzTest)
runtime=$(gcc -print-file-name=libasan.so)
[ -f "$runtime" ] || { echo "ci-jazzer: gcc has no libasan.so ($runtime)"; exit 1; }
mvn_args=(-B -ntp -q -Pjazzer,sanitize -Djb.asan.runtime="$runtime" -Djb.ctest.skip=true -Dsurefire.failIfNoSpecifiedTests=false)
seconds=${JB_JAZZER_SECONDS:-60}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "ci-jazzer: JB_JAZZER_SECONDS must be a whole number of seconds, not '$seconds'"; exit 1; }
export JAZZER_MAX_DURATION=${seconds}s
mkdir -p target/jazzer
# The canary: its run must fail with ASan's report from the canary's native.
t0=$(date +%s)
log=target/jazzer/AsanCanaryFuzzTest.log
marker=$(mktemp)
canary_reported() {
  local text
  text=$(cat "$log" target/surefire-reports/*AsanCanaryFuzzTest* target/surefire-reports/*.dumpstream 2>/dev/null || true)
  grep -a -q 'ERROR: AddressSanitizer: heap-buffer-overflow' <<<"$text" && grep -a -q 'SanitizerCanary_readPastEnd' <<<"$text"
}
# Why a run failed, without Maven's stack frames (the log's tail is nothing but those).
canary_why() {
  grep -a -v -E '^(\[ERROR\] )?[[:space:]]+at |^\[ERROR\] *$|^\[(INFO|WARNING)\] Download' "$log" |
    grep -a -E 'ERROR|Sanitizer|FATAL|Exception|error:|Killed|Exit Code|==[0-9]+==' | head -40 || true
  for f in target/surefire-reports/*.dumpstream; do
    if [ -f "$f" ]; then echo "-- $f:"; head -20 "$f"; fi
  done
}
# A run that fails without the report failed for another reason (a fork lost under load, a build
# error): it is shown and the canary runs once more; the step fails if the second run is the same.
for attempt in 1 2; do
  rm -f target/surefire-reports/*AsanCanaryFuzzTest* target/surefire-reports/*.dumpstream
  if JAZZER_FUZZ=1 JB_SANITIZER_CANARY=$PWD/target/cmake/libjb_sanitizer_canary.so \
      mvn "${mvn_args[@]}" test -Dtest=AsanCanaryFuzzTest >"$log" 2>&1; then
    echo "ci-jazzer: the ASan canary's fuzz run PASSED: a memory error under fuzzing would go unseen (log $log)"; exit 1
  fi
  canary_reported && break
  echo "ci-jazzer: the ASan canary's run $attempt failed without ASan's report of its read (log $log):"
  canary_why
  cp "$log" "target/jazzer/AsanCanaryFuzzTest.attempt$attempt.log"
  [ "$attempt" = 1 ] || exit 1
  echo "ci-jazzer: running the canary once more"
done
# Jazzer keeps the canary's input as crash-<sha1> in the project folder, and its corpus: not findings.
find . -maxdepth 1 -name 'crash-*' -newer "$marker" -delete
rm -rf "$marker" .cifuzz-corpus/dev.javabridge.sanitize.AsanCanaryFuzzTest
echo "ci-jazzer: ASan canary reported as it must (heap-buffer-overflow in SanitizerCanary_readPastEnd), $(jb_elapsed "$t0")"
guide=target/classes/natives/linux_64/libjavabridge_guide.so
nm -D --undefined-only "$guide" | grep ' __asan_init$' >/dev/null ||
  { echo "ci-jazzer: $guide is NOT instrumented (no __asan_init import)"; exit 1; }
echo "ci-jazzer: the fuzzed natives are instrumented ($(nm -D --undefined-only "$guide" | grep -c ' __asan_') __asan_* imports in $guide)"
rm -f target/surefire-reports/*.dumpstream
for t in "${tests[@]}"; do
  log=target/jazzer/$t.log
  t0=$(date +%s)
  rm -f target/surefire-reports/*."$t".txt target/surefire-reports/TEST-*."$t".xml
  # libFuzzer writes its statistics to the JVM's stderr, which reaches Maven's output.
  JAZZER_FUZZ=1 mvn "${mvn_args[@]}" test -Dtest="$t" >"$log" 2>&1 || {
    echo "ci-jazzer: $t found a problem (log $log):"; cat target/surefire-reports/*"$t".txt; exit 1; }
  # A misspelled class, a test that did not fuzz (JAZZER_FUZZ lost) or a fuzzer that stopped at
  # once all pass the Maven step: require the test's report and libFuzzer's run count.
  report=target/surefire-reports/TEST-dev.javabridge.hardening.$t.xml
  [ -f "$report" ] || { echo "ci-jazzer: $t: NOTHING RAN, no surefire report (misspelled class?)"; exit 1; }
  done_line=$(grep -a -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1 || true)
  runs=$(awk '{print $2}' <<<"$done_line")
  if [ -z "$runs" ] || [ "$runs" -eq 0 ]; then
    echo "ci-jazzer: $t: NOTHING RAN, libFuzzer reported no runs (log $log)"; tail -20 "$log"; exit 1
  fi
  # A run that stopped well short of its time (a lost option, a fuzzer that gave up) is not a pass.
  ran=$(awk '{print $5}' <<<"$done_line")
  if [ "$ran" -lt $((seconds * 9 / 10)) ] || [ "$ran" -gt $((seconds + 15)) ]; then
    echo "ci-jazzer: $t: libFuzzer ran ${ran} s, not the ${seconds} s asked for (log $log)"; exit 1
  fi
  echo "ci-jazzer: $t: $done_line, $(jb_elapsed "$t0") measured, no finding"
done
echo "ci-jazzer: ${#tests[@]} fuzz tests in $(jb_elapsed "$start")"

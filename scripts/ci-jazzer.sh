#!/usr/bin/env bash
# CI step: Jazzer (com.code-intelligence:jazzer-junit, from Maven Central) on the riskiest natives,
# through their public API: LibC.format, NativeBuffer's operations, DataProcessor. Each fuzz test
# runs alone (Jazzer fuzzes one test per JVM) for the maxDuration in its @FuzzTest (60 s).
# A finding fails the step; Jazzer saves the input beside the test class's resources, and
# mvn -Pjazzer test (without JAZZER_FUZZ) replays saved inputs as regression tests.
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
mkdir -p target/jazzer
for t in "${tests[@]}"; do
  log=target/jazzer/$t.log
  t0=$(date +%s)
  rm -f target/surefire-reports/*."$t".txt target/surefire-reports/TEST-*."$t".xml
  # libFuzzer writes its statistics to the JVM's stderr, which reaches Maven's output.
  JAZZER_FUZZ=1 mvn -B -ntp -q -Pjazzer test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || {
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
  echo "ci-jazzer: $t: $done_line, $(jb_elapsed "$t0") measured, no finding"
done
echo "ci-jazzer: ${#tests[@]} fuzz tests in $(jb_elapsed "$start")"

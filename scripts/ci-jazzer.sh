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
  # libFuzzer writes its statistics to the JVM's stderr, which reaches Maven's output.
  JAZZER_FUZZ=1 mvn -B -ntp -q -Pjazzer test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1 || {
    echo "ci-jazzer: $t found a problem (log $log):"; cat target/surefire-reports/*"$t".txt; exit 1; }
  echo "ci-jazzer: $t: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1), no finding"
done
echo "ci-jazzer: ${#tests[@]} fuzz tests in $(jb_elapsed "$start")"

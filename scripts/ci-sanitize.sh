#!/usr/bin/env bash
# CI step: the whole Maven build with the natives and GoogleTest programs under AddressSanitizer +
# UndefinedBehaviorSanitizer (mvn -Psanitize verify): JUnit with gcc's ASan runtime preloaded into
# the JVM, GoogleTest programs with LeakSanitizer on. Separate from the -Xcheck:jni build on purpose.
# Cleans target/ first: CMake caches its flags.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
. scripts/lib/native-build.sh
jb_install_packages
start=$(date +%s)
runtime=$(gcc -print-file-name=libasan.so)
[ -f "$runtime" ] || { echo "ci-sanitize: gcc has no libasan.so ($runtime)"; exit 1; }
rm -rf target
# The C API stress suite runs at full size in the -Xcheck:jni build; under ASan (several times
# slower per thread start) a smaller churn and heap run still exercises every path for memory errors.
export JB_STRESS_CYCLES=${JB_STRESS_CYCLES:-2000} JB_STRESS_OBJECT_CALLS=${JB_STRESS_OBJECT_CALLS:-50000}
mvn -B -ntp -Psanitize -Djb.asan.runtime="$runtime" verify "$@"
# Sanitizers abort on their first report, but a report from a child JVM could hide in its output.
if grep -R -l -E 'ERROR: (AddressSanitizer|LeakSanitizer)|LeakSanitizer has encountered|runtime error:|SUMMARY: UndefinedBehaviorSanitizer' \
    target/surefire-reports target/failsafe-reports target/jvm-logs target/cmake/Testing 2>/dev/null; then
  echo "ci-sanitize: sanitizer reports found in the files above"; exit 1
fi
echo "ci-sanitize: no sanitizer reports; $(jb_elapsed "$start")"

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
echo "ci-sanitize: no sanitizer reports in the Maven build; $(jb_elapsed "$start")"

# "No reports" means something only if the code that ran was instrumented and a report would
# have been seen. First: the exact files the tests loaded carry ASan's instrumentation. JUnit
# loads natives/linux_64/ through NativeLoader, which refuses a file whose SHA-256 differs from the
# .sha256 beside it, and failsafe loads the jar's copies; ctest's programs resolve libjavabridge
# through their RUNPATH, so ask the loader which file that is.
t0=$(date +%s)
natives=target/classes/natives/linux_64
jar=$(ls target/javabridge-*[0-9T].jar | sed -n 1p)
instrumented() { # FILE WHAT: ASan's init and load checks imported, or the step fails
  local imports
  imports=$(nm -D --undefined-only "$1" | awk '{print $2}')
  grep -qx '__asan_init' <<<"$imports" && grep -q '^__asan_report_load' <<<"$imports" ||
    { echo "ci-sanitize: $2 ($1) is NOT instrumented: no __asan_init/__asan_report_load* imports"; exit 1; }
  echo "ci-sanitize: $2 is instrumented ($(grep -c '^__asan_' <<<"$imports") __asan_* imports): $1"
}
for lib in libjavabridge_guide.so libjavabridge.so; do
  (cd "$natives" && sha256sum --quiet -c <(echo "$(cat "$lib.sha256" | awk '{print $1}')  $lib")) ||
    { echo "ci-sanitize: $natives/$lib does not match its .sha256: not the file NativeLoader loaded"; exit 1; }
  cmp -s "$natives/$lib" <(unzip -p "$jar" "natives/linux_64/$lib") ||
    { echo "ci-sanitize: $jar's natives/linux_64/$lib differs from $natives/$lib"; exit 1; }
  instrumented "$natives/$lib" "$lib (JUnit, failsafe's jar)"
done
capi_lib=$(ldd target/cmake/jb_capi_tests | awk '$1 ~ /^libjavabridge\.so/ {print $3}')
[ -f "$capi_lib" ] || { echo "ci-sanitize: the loader finds no libjavabridge for jb_capi_tests"; exit 1; }
instrumented "$(readlink -f "$capi_lib")" "libjavabridge.so as ctest's jb_capi_tests loads it"
instrumented target/cmake/jb_capi_tests "ctest's jb_capi_tests"

# Then canaries (cpp/sanitize/sanitizer_canary.c, built with the project's sanitizer flags), each
# of which must be reported: an out-of-bounds read in a JNI native, in a JVM started as surefire
# starts it (gcc's runtime preloaded, pom.xml's ASAN_OPTIONS); and a leak in a JNI native, in a JVM
# embedded in a C host (cpp/sanitize/glue_leak_host.c) where LeakSanitizer is on.
work=target/sanitize-canary
mkdir -p "$work"
canary_lib=$PWD/target/cmake/libjb_sanitizer_canary.so
host=target/cmake/jb_glue_leak_host
classes=$PWD/target/test-classes
asan_options=$(sed -n 's:.*<jb.asan.options>\(.*\)</jb.asan.options>.*:\1:p' pom.xml | sed -n 1p)
asan_options=${asan_options//\$\{project.basedir\}/$PWD}
[[ $asan_options == *detect_leaks=0* ]] || { echo "ci-sanitize: pom.xml's jb.asan.options not found: '$asan_options'"; exit 1; }
instrumented "$canary_lib" "the canary library"
expect_report() { # LOG PATTERN FRAME WHAT: the run logged PATTERN with FRAME in its stack
  if grep -q -E "$2" "$1" && grep -q -F "$3" "$1"; then
    echo "ci-sanitize: $4 canary reported as it must: $(grep -m1 -o -E "$2.*" "$1" | cut -c1-90)"
  else
    echo "ci-sanitize: $4 canary was NOT reported (log $1):"; tail -30 "$1"; exit 1
  fi
}
rc=0
LD_PRELOAD=$runtime ASAN_OPTIONS=$asan_options timeout -s KILL 120 java --enable-native-access=ALL-UNNAMED \
  -cp "$classes" dev.javabridge.sanitize.SanitizerCanary "$canary_lib" oob >"$work/oob.log" 2>&1 || rc=$?
[ $rc -ne 0 ] || { echo "ci-sanitize: the out-of-bounds canary's JVM exited 0"; cat "$work/oob.log"; exit 1; }
expect_report "$work/oob.log" 'ERROR: AddressSanitizer: heap-buffer-overflow' SanitizerCanary_readPastEnd "out-of-bounds read"
rc=0
timeout -s KILL 120 "$host" "$classes" dev.javabridge.sanitize.SanitizerCanary "$canary_lib" leak >"$work/leak.log" 2>&1 || rc=$?
[ $rc -ne 0 ] || { echo "ci-sanitize: the leak canary's host exited 0"; cat "$work/leak.log"; exit 1; }
expect_report "$work/leak.log" 'ERROR: LeakSanitizer: detected memory leaks' SanitizerCanary_leak "JNI native leak"

# The JNI glue under LeakSanitizer: every public native path of the Java API (good and throwing),
# from the jar with the instrumented natives, in the same C host. Only the JVM's own allocations
# are suppressed (cpp/sanitize/jvm_sanitizer_defaults.c).
rounds=${JB_GLUE_ROUNDS:-100}
rc=0
timeout -s KILL 300 "$host" "$PWD/$jar:$classes" dev.javabridge.sanitize.GlueWorkout "$rounds" >"$work/glue.log" 2>&1 || rc=$?
if [ $rc -ne 0 ] || ! grep -q "GlueWorkout: $rounds rounds done" "$work/glue.log" ||
   grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$work/glue.log"; then
  echo "ci-sanitize: the JNI glue leak check failed (exit $rc, log $work/glue.log):"; tail -40 "$work/glue.log"; exit 1
fi
echo "ci-sanitize: JNI glue: $rounds rounds of every Java API native under LeakSanitizer, no leak; $(grep -A3 'Suppressions used' "$work/glue.log" | awk 'NR>2 {printf "%s %s suppressed (%s B); ", $1, $3, $2}')"
echo "ci-sanitize: instrumentation, canaries and glue leak check in $(jb_elapsed "$t0"); total $(jb_elapsed "$start")"

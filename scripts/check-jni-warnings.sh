#!/usr/bin/env bash
# Fails the build if any test JVM printed a JNI or native-access warning, or if no JVM log was
# written. scripts/ci-jni-canary.sh proves, on JDK 17 and 25, that it fails on a real warning.
# The JVMs log their own output to target/jvm-logs (-XX:LogFile); surefire and
# failsafe keep what tests wrote, and stray native output, in their report folders.
set -euo pipefail
target=${1:?usage: check-jni-warnings.sh TARGET_DIR}
pattern='WARNING in native method|WARNING: JNI local refs|FATAL ERROR in native method|Calling other JNI functions in the scope|WARNING: A restricted method'
files=()
for dir in "$target/jvm-logs" "$target/surefire-reports" "$target/failsafe-reports" "$target/cmake/Testing"; do
  [ -d "$dir" ] && while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir" -type f -print0)
done
if [ ${#files[@]} -eq 0 ]; then
  echo "check-jni-warnings: no test output found under $target"; exit 1
fi
# A JVM that cannot open its -XX:LogFile logs elsewhere, out of this check's sight: that is a failure too
# (JDK 17 says "Cannot open file ...", JDK 25 also "Cannot open log file").
if grep -E -n "Cannot open (log )?file" "${files[@]}"; then
  echo "check-jni-warnings: a test JVM could not write its log under $target/jvm-logs (above); failing the build"; exit 1
fi
# Only the JVMs' own logs hold -Xcheck:jni's warnings for sure (a test may capture System.err):
# a build whose JVMs wrote none (the -XX:LogFile flags lost from argLine) checked nothing.
logs=0
[ -d "$target/jvm-logs" ] && logs=$(find "$target/jvm-logs" -type f -name 'vm-*.log' -size +0 | wc -l)
if [ "$logs" -eq 0 ]; then
  echo "check-jni-warnings: no JVM log (vm-*.log) under $target/jvm-logs: the test JVMs ran without -XX:LogFile, nothing was checked"; exit 1
fi
if grep -E -n "$pattern" "${files[@]}"; then
  echo "check-jni-warnings: JNI warnings found (above); failing the build"; exit 1
fi
echo "check-jni-warnings: ${#files[@]} output files ($logs JVM logs), no JNI warnings"

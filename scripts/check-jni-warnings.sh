#!/usr/bin/env bash
# Fails the build if any test JVM printed a JNI or native-access warning.
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
# A JVM that cannot open its -XX:LogFile logs elsewhere, out of this check's sight: that is a failure too.
if grep -F -n "Cannot open log file" "${files[@]}"; then
  echo "check-jni-warnings: a test JVM could not write its log under $target/jvm-logs (above); failing the build"; exit 1
fi
if grep -E -n "$pattern" "${files[@]}"; then
  echo "check-jni-warnings: JNI warnings found (above); failing the build"; exit 1
fi
echo "check-jni-warnings: ${#files[@]} output files, no JNI warnings"

#!/usr/bin/env bash
# CI step: proves scripts/check-jni-warnings.sh catches what it claims, on JDK 17 and JDK 25, with
# the test JVMs' own flags (pom.xml's jni.check.args and test.argLine). For each JDK:
#   misuse      a native makes an unchecked JNI call after a Java call: -Xcheck:jni warns, gate must FAIL
#   proper      the same native done right: gate must PASS (so the failure above is the warning's)
#   restricted  (JDK 24+) System.load without --enable-native-access: gate must FAIL
#   no log      a JVM whose -XX:LogFile folder is missing, and a target with no JVM log: must FAIL
# Every JVM is bounded by a timeout. About 10 s; scripts/ci-hardening.sh runs it. Usage: scripts/ci-jni-canary.sh [JDK_HOME...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/native-build.sh
start=$(date +%s)
jdks=("$@")
[ ${#jdks[@]} -gt 0 ] || jdks=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" \
  "${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}")
# The flags surefire gives every test JVM, read from pom.xml so the canary cannot drift from them.
check_args=$(sed -n 's:.*<jni.check.args>\(.*\)</jni.check.args>.*:\1:p' pom.xml | sed -n 1p)
extra_args=$(sed -n 's:.*<test.argLine>${jni.check.args}\(.*\)</test.argLine>.*:\1:p' pom.xml | sed -n 1p)
[[ $check_args == *-Xcheck:jni* ]] || { echo "ci-jni-canary: pom.xml's jni.check.args has no -Xcheck:jni: '$check_args'"; exit 1; }
work=$PWD/target/jni-canary
rm -rf "$work"
failed=0
# expect pass|fail TARGET MESSAGE: runs the gate on TARGET and checks its verdict and reason.
expect() {
  local want=$1 dir=$2 reason=$3 out rc=0
  out=$(bash scripts/check-jni-warnings.sh "$dir" 2>&1) || rc=$?
  if { [ "$want" = pass ] && [ $rc -eq 0 ]; } || { [ "$want" = fail ] && [ $rc -ne 0 ] && grep -q -F "$reason" <<<"$out"; }; then
    echo "ci-jni-canary: $label: gate ${want}ed as it must ($(tail -1 <<<"$out"))"
  else
    failed=1; echo "ci-jni-canary: $label: gate should $want ($reason), rc $rc:"; echo "$out" | tail -15
  fi
}
for jdk in "${jdks[@]}"; do
  [ -x "$jdk/bin/javac" ] || { echo "ci-jni-canary: no JDK at $jdk"; exit 1; }
  version=$("$jdk/bin/java" -version 2>&1 | sed -n 1p | sed -E 's/.*version "([0-9]+).*/\1/')
  bin=$work/jdk$version/bin
  mkdir -p "$bin"
  gcc -shared -fPIC -O2 -I"$jdk/include" -I"$jdk/include/linux" -o "$bin/libjnicanary.so" scripts/canary/jni_canary.c
  "$jdk/bin/javac" -d "$bin" scripts/canary/JniCanary.java
  modes=(misuse proper)
  [ "$version" -ge 24 ] && modes+=(restricted)
  for mode in "${modes[@]}"; do
    dir=$work/jdk$version/$mode
    mkdir -p "$dir/jvm-logs" "$dir/surefire-reports"
    args=${check_args//\$\{project.build.directory\}/$dir}
    native=$extra_args
    [ "$mode" = restricted ] && native=""
    # shellcheck disable=SC2086 # the flags are a list, as in surefire's argLine
    timeout -s KILL 60 "$jdk/bin/java" $args $native -cp "$bin" JniCanary "$bin/libjnicanary.so" "${mode/restricted/proper}" \
      >"$dir/surefire-reports/JniCanary-output.txt" 2>&1 || true
    label="JDK $version $mode"
    case $mode in
      misuse) expect fail "$dir" "JNI warnings found" ;;
      proper) expect pass "$dir" "" ;;
      restricted) expect fail "$dir" "JNI warnings found" ;;
    esac
  done
  # The JVM cannot write its -XX:LogFile (folder missing): its output went elsewhere.
  dir=$work/jdk$version/nolog
  mkdir -p "$dir/surefire-reports"
  args=${check_args//\$\{project.build.directory\}/$dir}
  # shellcheck disable=SC2086
  # Only -version: with its log folder missing the JVM is fragile (JDK 25 aborts at exit, and a JDK
  # 17 or 25 JVM running the canary hung until killed), which is why pom.xml creates the folder.
  timeout -s KILL 60 "$jdk/bin/java" $args -version >"$dir/surefire-reports/JniCanary-output.txt" 2>&1 || true
  label="JDK $version log folder missing"
  expect fail "$dir" "could not write its log"
done
# Test output but no JVM log at all (the flags lost from argLine, say).
label="no JVM log"
dir=$work/nolog-at-all
mkdir -p "$dir/surefire-reports"
echo "a test's output" >"$dir/surefire-reports/Some-output.txt"
expect fail "$dir" "no JVM log"
[ $failed -eq 0 ] || { echo "ci-jni-canary: the JNI-warning gate missed a canary (above)"; exit 1; }
echo "ci-jni-canary: every canary caught on ${#jdks[@]} JDKs; $(jb_elapsed "$start")"

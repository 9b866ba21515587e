#!/usr/bin/env bash
# CI step: proves scripts/check-skips.sh fails on a skip that scripts/skips-allowed.txt does not
# list. A real GoogleTest program (scripts/canary/skips/) with a GTEST_SKIP test and a DISABLED_
# test runs under ctest --output-junit (as the Maven build's ctest does) and alone with
# --gtest_output=xml (as the valgrind and cross steps run the suites); a surefire-shaped report
# holds a skipped JUnit test. The gate must FAIL on each unlisted skip, naming it, PASS once they
# are listed, and FAIL on reports with no test at all. About 10 s (building the program).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/native-build.sh
start=$(date +%s)
work=$PWD/target/skips-canary
rm -rf "$work"
cmake -S scripts/canary/skips -B "$work" >"$work.log" 2>&1 && cmake --build "$work" >>"$work.log" 2>&1 ||
  { cat "$work.log"; echo "ci-skips-canary: the canary program did not build"; exit 1; }
(cd "$work" && ctest --output-junit ctest-junit.xml >>"$work.log" 2>&1 && ./skips_canary --gtest_output=xml:gtest.xml >>"$work.log" 2>&1) ||
  { cat "$work.log"; echo "ci-skips-canary: the canary program failed"; exit 1; }
reports=("$work/ctest-junit.xml" "$work/gtest.xml" scripts/canary/skips/TEST-dev.javabridge.SkipsCanary.xml)
failed=0
# expect pass|fail ALLOW_FILE MESSAGE... : the gate's verdict, and each MESSAGE in its output.
expect() {
  local want=$1 allow=$2 out rc=0 m
  shift 2
  out=$(bash scripts/check-skips.sh --allow "$allow" canary "${reports[@]}" 2>&1) || rc=$?
  if { [ "$want" = pass ] && [ $rc -ne 0 ]; } || { [ "$want" = fail ] && [ $rc -eq 0 ]; }; then
    failed=1; echo "ci-skips-canary: gate should $want (rc $rc):"; echo "$out"; return
  fi
  for m in "$@"; do
    grep -q -F -- "$m" <<<"$out" || { failed=1; echo "ci-skips-canary: gate output lacks '$m':"; echo "$out"; return; }
  done
  echo "ci-skips-canary: gate ${want}ed as it must ($(tail -1 <<<"$out"))"
}
: >"$work/none.txt"
expect fail "$work/none.txt" "SkipsCanary.SkipsAtRunTime: canary: skipped on purpose -- NOT ALLOWED" \
  "SkipsCanary.NeverRuns: disabled -- NOT ALLOWED" "SkipsCanary.DISABLED_NeverRuns: disabled -- NOT ALLOWED" \
  "dev.javabridge.SkipsCanary#skipsOnPurpose: canary: assumption failed on purpose -- NOT ALLOWED" "5 skipped test(s) not in"
printf 'SkipsCanary.*\tcanary\tthe canary skips on purpose\ndev.javabridge.SkipsCanary#*\tcanary\tthe canary skips on purpose\n' >"$work/listed.txt"
expect pass "$work/listed.txt" "8 tests in 3 reports, 5 skipped, all on the allow-list"
# Listed for another step only: still refused here.
printf 'SkipsCanary.*\tjdk25\tthe canary skips on purpose\ndev.javabridge.SkipsCanary#*\tcanary\tthe canary skips on purpose\n' >"$work/other-step.txt"
expect fail "$work/other-step.txt" "4 skipped test(s) not in"
# An entry without its reason is refused, and a gate over no test at all checks nothing.
printf 'SkipsCanary.*\tcanary\n' >"$work/no-reason.txt"
expect fail "$work/no-reason.txt" "want TEST<TAB>STEP<TAB>REASON"
reports=("$work/no-such-report.xml")
expect fail "$work/listed.txt" "no test cases"
[ $failed -eq 0 ] || { echo "ci-skips-canary: the skip gate missed a canary (above)"; exit 1; }
echo "ci-skips-canary: every canary caught; $(jb_elapsed "$start")"

#!/usr/bin/env bash
# CI step: valgrind memcheck over every GoogleTest program that does not load a JVM (those
# registered with jb_test_program() without EMBEDS_JVM): zero errors, zero definite leaks.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
. scripts/lib/native-build.sh
jb_install_packages valgrind
start=$(date +%s)
dir=target/valgrind
jb_native_build "$dir" -DJB_SANITIZE=OFF -DBUILD_TESTING=ON >/dev/null
mapfile -t programs < <(grep -v '^$' "$dir/no-jvm-test-programs.txt")
[ ${#programs[@]} -gt 0 ] || { echo "ci-valgrind: no test programs listed"; exit 1; }
# JB_TEST_JAVA_HOME: JvmDiscovery.TheRealJdkIsFoundAndLoads loads the real libjvm (without starting a
# JVM, ~2 s under memcheck) instead of skipping; each program writes its results for check-skips.sh.
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
for p in "${programs[@]}"; do
  log=$dir/$(basename "$p").memcheck.log
  if ! JB_TEST_JAVA_HOME=$java_home valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
      --errors-for-leak-kinds=definite --track-origins=yes --log-file="$log" "$p" --gtest_output="xml:$log.xml" >"$log.out" 2>&1; then
    echo "ci-valgrind: $(basename "$p") failed under memcheck:"; cat "$log"; tail -20 "$log.out"; exit 1
  fi
  echo "ci-valgrind: $(basename "$p"): $(grep -c '^\[       OK \]' "$log.out") tests, 0 errors, 0 definite leaks"
done
# The fuzz harnesses' replay programs: pure C over their seeds and past crashes.
replays=0
for p in $(find "$dir" -maxdepth 1 -type f -executable -name 'fuzz_replay_*' | sort); do
  name=${p##*/fuzz_replay_}
  log=$dir/fuzz_replay_$name.memcheck.log
  if ! valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
      --errors-for-leak-kinds=definite --log-file="$log" "$p" cpp/fuzz/corpus/"$name" cpp/fuzz/regressions/"$name" \
      >"$log.out" 2>&1; then
    echo "ci-valgrind: fuzz_replay_$name failed under memcheck:"; cat "$log"; exit 1
  fi
  replays=$((replays + 1))
  echo "ci-valgrind: fuzz_replay_$name: $(cat "$log.out"), 0 errors, 0 definite leaks"
done
bash scripts/check-skips.sh valgrind "$dir"/*.memcheck.log.xml
echo "ci-valgrind: $((${#programs[@]} + replays)) programs in $(jb_elapsed "$start")"

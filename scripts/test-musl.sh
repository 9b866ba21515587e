#!/usr/bin/env bash
# The pure-C GoogleTest suites on musl, x86_64 and aarch64: cpp/test/core (core, math_ops, the
# platform layer) and cpp/test/api_unit (the C API's parts without a JVM), compiled by zig for
# x86_64-linux-musl and aarch64-linux-musl against zig's musl and libc++ (GoogleTest from Debian's
# /usr/src/googletest), linked statically so that they need no musl loader: x86_64 runs here,
# aarch64 under qemu-user. The C under test is built as shipped (RelWithDebInfo), GoogleTest's
# C++ at -O0 and each test program as one unit (JB_UNITY_TEST_PROGRAMS, cpp/cmake/platform.cmake):
# zig's C++ spends most of a test file's time in the headers.
# A static musl program cannot dlopen (musl's static dlopen fails with "Dynamic loading not
# supported"), so the three tests that load a library are left out by name; a musl JVM loading
# the shared libraries is what they stand for, and none is here (README, Platforms).
# Usage: test-musl.sh   (needs target/generated-sources/jni: mvn compile, or any mvn build)
# zig builds musl's libc and libc++ for each target once into its cache (~/.cache/javabridge):
# measured on the 2-core machine, both targets warm took 74 s wall / 89 CPU-s (idle); the first
# aarch64 run, cold, took ~26 min wall under a load of ~15 (about 450 CPU-s).
set -euo pipefail
cd "$(dirname "$0")/.."
headers=$PWD/target/generated-sources/jni
[ -d "$headers" ] || { echo "test-musl: no $headers: run mvn compile first"; exit 2; }
zig_bin=$(bash scripts/lib/zig.sh)
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
# The tests that need dlopen, which static musl programs do not have.
needs_dlopen=Platform.LoadsALibraryAndCallsItsFunction:JvmDiscovery.ReportNamesEveryCandidateAndWhy:JvmDiscovery.ALibraryWithoutTheInvocationApiIsRefused:JvmDiscovery.TheRealJdkIsFoundAndLoads
echo "test-musl: not run on musl (static programs cannot dlopen): ${needs_dlopen//:/, }"

# CPU seconds of this shell's finished children (`times` must run here, not in a subshell): on a
# shared machine wall time alone misleads.
cpu_file=$(mktemp)
trap 'rm -f "$cpu_file"' EXIT
cpu_now() {
  times >"$cpu_file"
  cpu=$(awk 'END { n = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } printf "%d", n }' "$cpu_file")
}

# musl_gtest PLATFORM ZIG_TARGET ELF_MACHINE [RUNNER...]
musl_gtest() {
  local platform=$1 target=$2 machine=$3 build="target/cmake-$1-tests" start=$SECONDS start_cpu suite program rc
  shift 3
  cpu_now
  start_cpu=$cpu
  cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE="$PWD/cpp/cmake/toolchains/zig.cmake" \
    -DJB_ZIG_TARGET="$target" -DJB_ZIG_BIN="$zig_bin" \
    -DJB_GTEST_SOURCE_DIR=/usr/src/googletest -DCMAKE_GTEST_DISCOVER_TESTS_DISCOVERY_MODE=PRE_TEST -DJB_UNITY_TEST_PROGRAMS=ON \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O0 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJAVA_HOME="$jdk" \
    -DJB_JNI_HEADERS_DIR="$headers" -DJB_NATIVES_DIR="$PWD/$build/natives" >"$build.log" 2>&1 ||
    { cat "$build.log"; exit 1; }
  cmake --build "$build" --parallel 2 --target jb_core_tests jb_api_unit_tests >>"$build.log" 2>&1 ||
    { cat "$build.log"; exit 1; }
  cpu_now
  echo "test-musl: $platform: built in $((SECONDS - start)) s wall, $((cpu - start_cpu)) CPU-s"
  for suite in jb_core_tests jb_api_unit_tests; do
    program=$build/$suite
    # What runs must be a static musl program for the target: no ELF interpreter, no glibc.
    readelf -h "$program" | grep "Machine: *$machine" >/dev/null || { echo "test-musl: $program is not for $machine"; exit 1; }
    ! readelf -l "$program" | grep 'INTERP' >/dev/null || { echo "test-musl: $program is not static"; exit 1; }
    set +e
    rm -f "$build/$suite.xml"
    timeout 300 "$@" "$program" --gtest_filter="-$needs_dlopen" --gtest_output="xml:$build/$suite.xml" >"$build/$suite.out" 2>&1
    rc=$?
    set -e
    if [ $rc -ne 0 ] || ! grep -q '^\[  PASSED  \]' "$build/$suite.out"; then
      cat "$build/$suite.out"; echo "test-musl: $suite for $platform failed (exit $rc)"; exit 1
    fi
    echo "test-musl: $platform${1:+ ($(basename "$1"))}: $suite: $(grep -E '^\[  PASSED  \]' "$build/$suite.out")"
    # A test that skips itself (GTEST_SKIP) on musl fails here unless skips-allowed.txt lists it for this step.
    bash scripts/check-skips.sh musl "$build/$suite.xml"
  done
  cpu_now
  echo "test-musl: $platform: built and ran in $((SECONDS - start)) s wall, $((cpu - start_cpu)) CPU-s"
}

# JB_MUSL_TARGETS: which of x86_64 and aarch64 to build and run (default both).
targets=" ${JB_MUSL_TARGETS:-x86_64 aarch64} "
for t in $targets; do
  case $t in x86_64 | aarch64) ;; *) echo "test-musl: unknown target '$t' in JB_MUSL_TARGETS (x86_64, aarch64)"; exit 2 ;; esac
done
[[ $targets != *" x86_64 "* ]] || musl_gtest linux_musl_64 x86_64-linux-musl 'Advanced Micro Devices X86-64'
[[ $targets != *" aarch64 "* ]] || musl_gtest linux_musl_arm64 aarch64-linux-musl AArch64 qemu-aarch64-static

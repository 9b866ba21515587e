#!/usr/bin/env bash
# Builds the one jar with the Linux x86_64 and aarch64 (glibc 2.17 and musl), Windows x86_64 and
# macOS x86_64 and arm64 libraries, and
# tests on this x86_64 Linux machine everything of it that can be executed here:
#  1. mvn -Pall-platforms verify: the host build with all its tests, plus the cross-built
#     libraries, which scripts/check-natives.sh checks (architecture, digest, exports against
#     the javac -h headers, imports), and its canary: a glibc 2.36 build must be refused;
#     the musl and macOS SDK archives build the C example (and run it on x86_64 musl),
#  2. the JUnit suite again, on Debian's arm64 JRE under qemu-user, against the aarch64 library,
#  3. the jar's demo on that JRE: the jar picks natives/linux_arm64 by itself,
#  4. the resource the jar resolves for Windows x86_64 and macOS (host JVM told os.name/os.arch),
#  5. the pure-C GoogleTest suites (core, platform layer, the C API's parts without a JVM)
#     cross-built for aarch64, under qemu-user,
#  6. the same suites built by zig for musl, x86_64 here and aarch64 under qemu-user
#     (scripts/test-musl.sh; JB_MUSL_TESTS=0 skips them),
#  7. the same suites built with mingw-w64, under wine, and the C example against the Windows
#     javabridge.dll up to the point where it needs a Windows JDK (skip with --no-wine).
# As root on Debian it first installs the packages it needs; the arm64 JRE is downloaded
# once into $JB_CROSS_CACHE (default ~/.cache/javabridge) without touching the host's dpkg.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
# shellcheck source=scripts/lib/arm64-jre.sh
. scripts/lib/arm64-jre.sh

wine_tests=1
if [ "${1:-}" = --no-wine ]; then wine_tests=0; shift; fi
cache=${JB_CROSS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/javabridge}
jar=target/javabridge-0.1.0-SNAPSHOT.jar
timings=()
# CPU seconds used by finished child processes: on a shared machine wall time alone misleads.
# `times` must run in this shell (not in a $(...) subshell) to count this shell's children.
cpu_file=$(mktemp)
trap 'rm -f "$cpu_file"' EXIT
cpu_seconds() {
  awk 'END { n = 0; for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } printf "%d", n }' "$cpu_file"
}
step() {
  local now
  times >"$cpu_file"
  now=$(cpu_seconds)
  timings+=("$(printf '%-44s %4ds wall %4ds CPU' "$1" $((SECONDS - start)) $((now - start_cpu)))")
  start=$SECONDS start_cpu=$now
}
times >"$cpu_file"
start=$SECONDS start_cpu=$(cpu_seconds)

extra=("${JB_CROSS_PACKAGES[@]}")
[ $wine_tests -eq 0 ] || extra+=(wine64)
jb_install_packages "${extra[@]}"
step "packages"

java_arm64=$(jb_arm64_jre "$cache/arm64-jre17")
step "arm64 JRE (download once, then cached)"

mvn -B -ntp -q -Pall-platforms verify "$@"
step "mvn -Pall-platforms verify (host tests)"
# The GLIBC_2.17 check in check-natives.sh must refuse a library built against the host's glibc.
bash scripts/check-natives-canary.sh target/classes/natives target/generated-sources/jni
step "GLIBC_2.17 check canary"
# The SDK archives of the zig-built platforms, used from C as their users would (scripts/check-sdk.sh --cross).
for sdk in linux_musl_64:x86_64-linux-musl linux_musl_arm64:aarch64-linux-musl osx_64:x86_64-macos osx_arm64:aarch64-macos; do
  bash scripts/check-sdk.sh --cross "target/javabridge-0.1.0-SNAPSHOT-sdk-${sdk%%:*}.tar.gz" "target/sdk-check-${sdk%%:*}" "${sdk#*:}"
done
step "SDK archives for musl and macOS"

# Surefire writes each class's report under the same name: keep the host's apart.
rm -rf target/surefire-reports-linux_64 && mv target/surefire-reports target/surefire-reports-linux_64
mkdir -p target/jvm-logs
# JB_QEMU_TEST_ARGS: extra Maven arguments for this run only. By default it leaves out the tests
# that cannot run in an emulated JVM here: those that start ${java.home}/bin/java themselves (an
# arm64 binary the host cannot exec unless binfmt_misc hands it to qemu) and the join, JNI kit and
# user-library tests, which load host-built (x86-64) test libraries. The host run covers them. "*Test" keeps the *IT classes
# (failsafe's, which start child JVMs too) out: a -Dtest pattern replaces surefire's default includes.
qemu_default_args="-Dtest=*Test,!LoaderInFreshJvmTest,!LibCFormatLocaleTest,!CloseRaceTest,!JoinFromJavaTest,!JniKitTest,!UserLibraryLoaderTest,!ClassLoaderUnloadTest"
# shellcheck disable=SC2086
mvn -B -ntp -q surefire:test -Djvm="$java_arm64" "$@" ${JB_QEMU_TEST_ARGS:-$qemu_default_args}
grep -q '<property name="os.arch" value="aarch64"/>' target/surefire-reports/TEST-*.xml ||
  { echo "test-cross: the JUnit run did not happen on aarch64"; exit 1; }
bash scripts/check-jni-warnings.sh target
bash scripts/check-skips.sh qemu target/surefire-reports
cat target/surefire-reports/*.txt | grep -E '^Tests run' | sed 's/^/linux_arm64 (qemu): /'
step "JUnit on arm64 JRE under qemu"

demo=$("$java_arm64" --enable-native-access=ALL-UNNAMED -Xcheck:jni -jar "$jar")
grep -q 'library from natives/linux_arm64/libjavabridge_guide.so' <<<"$demo" ||
  { echo "$demo"; echo "test-cross: the jar's demo did not load the aarch64 library"; exit 1; }
if grep -qE 'WARNING|FATAL' <<<"$demo"; then echo "$demo"; echo "test-cross: the demo printed JNI warnings"; exit 1; fi
echo "linux_arm64 (qemu): java -jar ran the demo on $(grep -c ' -> ' <<<"$demo") calls"
step "java -jar demo on arm64 JRE under qemu"

java -Dos.name="Windows 10" -Dos.arch=amd64 -cp "$jar" scripts/cross/ResolveNatives.java
step "jar layout for Windows x86_64"
# macOS: built and checked (scripts/check-natives.sh), not executed: no Mac is reachable.
java -Dos.name="Mac OS X" -Dos.arch=x86_64 -cp "$jar" scripts/cross/ResolveNatives.java
java -Dos.name="Mac OS X" -Dos.arch=aarch64 -cp "$jar" scripts/cross/ResolveNatives.java
step "jar layout for macOS x86_64 and arm64"

# The pure-C GoogleTest suites for a cross target: cpp/test/core (core, math_ops, the platform
# layer) and cpp/test/api_unit (the C API's parts without a JVM: UTF-8, signatures, class path,
# handles, libjvm discovery against fake homes, per-thread state and its thread-exit hook).
# GoogleTest is compiled from Debian's /usr/src/googletest, discovery waits for ctest
# (so the build runs nothing emulated), the C under test is built as shipped (RelWithDebInfo)
# and GoogleTest's C++ at -O0, which halves the build. Each suite then runs as one process:
# ctest's process per test costs ~3.5 s a test under wine.
# Usage: cross_gtest PLATFORM TOOLCHAIN RUNNER... (the program's path is appended to RUNNER).
cross_gtest() {
  local platform=$1 toolchain=$2 build="target/cmake-$1-tests" rc suite gate
  shift 2
  cmake -S . -B "$build" -DCMAKE_TOOLCHAIN_FILE="$PWD/cpp/cmake/toolchains/$toolchain.cmake" \
    -DJB_GTEST_SOURCE_DIR=/usr/src/googletest -DCMAKE_GTEST_DISCOVER_TESTS_DISCOVERY_MODE=PRE_TEST \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O0 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJAVA_HOME="$jdk" \
    -DJB_JNI_HEADERS_DIR="$PWD/target/generated-sources/jni" -DJB_NATIVES_DIR="$PWD/$build/natives" >"$build.log" 2>&1 ||
    { cat "$build.log"; exit 1; }
  local targets=(jb_core_tests jb_api_unit_tests javabridge_c_example)
  [ "$platform" != windows_64 ] || targets+=(jb_win32_unload_test)
  cmake --build "$build" --parallel 2 --target "${targets[@]}" >>"$build.log" 2>&1 ||
    { cat "$build.log"; exit 1; }
  step "GoogleTest for $platform (build)"
  for suite in jb_core_tests jb_api_unit_tests; do
    local program
    program=$(find "$build" -maxdepth 1 -name "$suite*" -type f -perm -u+x | sed -n 1p)
    set +e
    rm -f "$build/$suite.xml"
    JB_TEST_JAVA_HOME=${cross_java_home:-} timeout 300 "$@" "$program" --gtest_output="xml:$build/$suite.xml" >"$build/$suite.out" 2>&1
    rc=$?
    set -e
    grep -E '^\[  (PASSED|FAILED) ' "$build/$suite.out" | sed "s/^/$platform ($(basename "$1")) $suite: /" || true
    if [ $rc -ne 0 ] || ! grep -q '^\[  PASSED  \]' "$build/$suite.out"; then
      cat "$build/$suite.out"; echo "test-cross: $suite for $platform failed (exit $rc)"; exit 1
    fi
    # The skip gate, its step named for the runner (qemu, wine) as scripts/skips-allowed.txt lists them.
    case $(basename "${1:-}") in qemu-*) gate=qemu ;; wine*) gate=wine ;; *) gate=$platform ;; esac
    bash scripts/check-skips.sh "$gate" "$build/$suite.xml"
  done
  step "GoogleTest for $platform (run)"
}

# The C example against the cross-built libjavabridge, where no JDK of that platform exists:
# the whole C API path up to loading the JVM runs (jb_version, jb_vm_open's discovery of
# JAVA_HOME's JVM library, the per-thread last error), and must fail with the report naming it.
# Usage: cross_c_example PLATFORM JVM_LIBRARY_IN_HOME FAKE_HOME RUNNER...
cross_c_example() {
  local platform=$1 relpath=$2 home=$3 build="target/cmake-$1-tests" out program
  shift 3
  program=$(find "$build" -maxdepth 1 -name 'javabridge_c_example*' -type f -perm -u+x | sed -n 1p)
  cp "$build"/natives/* "$build/" # Windows finds a DLL beside the program
  out=$(cd "$build" && JAVA_HOME="$home" timeout 120 "$@" "./$(basename "$program")" 2>&1) && {
    echo "$out"; echo "test-cross: the C example on $platform found a JVM in $home"; exit 1; }
  grep -qF "JB_ENOJVM" <<<"$out" && grep -qF "$home$relpath (JAVA_HOME=$home)" <<<"$out" || {
    echo "$out"; echo "test-cross: the C example on $platform did not report the missing JVM as expected"; exit 1; }
  echo "$platform ($(basename "$1")): C example: $(grep -F "$home$relpath" <<<"$out" | head -1 | sed 's/^ *//')"
  if [ "$platform" = windows_64 ]; then
    # Unloading the DLL while a thread that used the C API lives on (cpp/test/win32).
    out=$(cd "$build" && JAVA_HOME="$home" timeout 120 "$@" ./jb_win32_unload_test.exe 2>&1) ||
      { echo "$out"; echo "test-cross: jb_win32_unload_test failed"; exit 1; }
    echo "$platform ($(basename "$1")): $out"
  fi
  step "C example for $platform (no JVM there)"
}
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}

# The same pure-C suites on musl (x86_64 here, aarch64 under qemu), static programs built by zig.
# JB_MUSL_TARGETS picks the targets (default both); CI runs x86_64 only: on a new machine zig first
# builds musl's libc++ for each target, several CPU-minutes that the budget cannot spare twice.
if [ "${JB_MUSL_TESTS:-1}" = 1 ]; then
  bash scripts/test-musl.sh
  step "GoogleTest on musl (${JB_MUSL_TARGETS:-x86_64 aarch64})"
fi

# JvmDiscovery.TheRealJdkIsFoundAndLoads finds and loads the arm64 JRE's libjvm.so under qemu
# (without a JDK of the platform, as under wine, it skips: scripts/skips-allowed.txt).
cross_java_home=$(dirname "$(dirname "$java_arm64")")/root/usr/lib/jvm/java-17-openjdk-arm64
[ -f "$cross_java_home/lib/server/libjvm.so" ] || { echo "test-cross: no arm64 libjvm.so in $cross_java_home"; exit 1; }
cross_gtest linux_arm64 aarch64-linux-gnu qemu-aarch64-static -L /usr/aarch64-linux-gnu
cross_java_home=
cross_c_example linux_arm64 /lib/server/libjvm.so /no-jdk-here qemu-aarch64-static -L /usr/aarch64-linux-gnu

if [ $wine_tests -eq 1 ]; then
  export WINEPREFIX="$cache/wine-prefix" WINEDEBUG=-all
  wine=/usr/lib/wine/wine64
  [ -x "$wine" ] || wine=$(command -v wine64 || command -v wine)
  cross_gtest windows_64 x86_64-w64-mingw32 "$wine"
  cross_c_example windows_64 '\bin\server\jvm.dll' 'C:\no-jdk-here' "$wine"
  "$(dirname "$wine")/wineserver" -k 2>/dev/null || true
fi

echo "test-cross: all passed. Timings:"
printf '  %s\n' "${timings[@]}"

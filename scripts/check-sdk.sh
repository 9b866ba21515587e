#!/usr/bin/env bash
# Uses the C SDK the way a C developer outside this repository would: builds examples/c against
# it with find_package(javabridge) (CMake) and again with pkg-config (make), and runs both.
#   check-sdk.sh --install BUILD_DIR WORK CLASSPATH   cmake --install BUILD_DIR into WORK/prefix first
#   check-sdk.sh --archive SDK.tar.gz WORK CLASSPATH  unpack the SDK archive into WORK/prefix first
# CLASSPATH must hold dev.javabridge.examples.Greeter (the jar, or target/classes).
#   check-sdk.sh --cross SDK.tar.gz WORK ZIG_TARGET  an SDK archive for another platform (musl,
#     macOS: zig's target triple): examples/c is built against it with find_package(javabridge) by
#     zig cc (cpp/cmake/toolchains/zig.cmake) and must link the SDK's library; on x86_64 musl, where
#     Debian's musl package provides the loader, it runs up to loading a JVM (there is no musl JVM
#     here): it must fail cleanly with JB_ENOJVM, naming WORK's fake JAVA_HOME.
set -euo pipefail
mode=${1:?usage: check-sdk.sh --install BUILD_DIR | --archive SDK.tar.gz  WORK CLASSPATH | --cross SDK.tar.gz WORK ZIG_TARGET}
source=${2:?missing BUILD_DIR or SDK.tar.gz}
work=${3:?missing WORK}
class_path=${4:?missing CLASSPATH}
here=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$work"
mkdir -p "$work/prefix"
prefix=$(cd "$work/prefix" && pwd)
work=$(cd "$work" && pwd)

if [ "$mode" = --cross ]; then
  target=$class_path
  tar -xzf "$source" -C "$prefix" --strip-components=1
  cp -r "$here/examples/c" "$work/example"
  zig_bin=$(bash "$here/scripts/lib/zig.sh")
  # The toolchain searches only its find root for packages: the SDK is that root.
  if ! out=$(cmake -S "$work/example" -B "$work/cmake-build" -DCMAKE_TOOLCHAIN_FILE="$here/cpp/cmake/toolchains/zig.cmake" \
    -DJB_ZIG_TARGET="$target" -DJB_ZIG_BIN="$zig_bin" -DCMAKE_FIND_ROOT_PATH="$prefix" -DCMAKE_PREFIX_PATH="$prefix" 2>&1 &&
    cmake --build "$work/cmake-build" 2>&1); then
    echo "check-sdk: $target: building examples/c against $source failed:"; echo "$out"; exit 1
  fi
  program=$work/cmake-build/javabridge_example
  case $target in
    *-macos) needs=$(llvm-objdump --macho --dylibs-used "$program" | sed -n '2,$p' | awk '{print $1}') ;;
    *) needs=$(readelf -d "$program" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p') ;;
  esac
  grep -qE '^(@rpath/)?libjavabridge\.(so\.0|0\.dylib|dylib)$' <<<"$needs" ||
    { echo "check-sdk: $target: $program does not link the SDK's libjavabridge (needs: $(echo $needs))"; exit 1; }
  ran="built, links $(grep javabridge <<<"$needs")"
  if [ "$target" = x86_64-linux-musl ] && [ -x /lib/ld-musl-x86_64.so.1 ]; then
    fake=$work/no-jdk-here
    out=$(JAVA_HOME="$fake" timeout 60 "$program" "$work" 2>&1) && {
      echo "$out"; echo "check-sdk: $target: the example found a JVM in $fake"; exit 1; }
    grep -qF "JB_ENOJVM" <<<"$out" && grep -qF "$fake/lib/server/libjvm.so (JAVA_HOME=$fake)" <<<"$out" &&
      grep -q '^libjavabridge 0\.' <<<"$out" ||
      { echo "$out"; echo "check-sdk: $target: the example did not report the missing JVM as expected"; exit 1; }
    ran="$ran; ran on musl (Debian's loader) up to the JVM: JB_ENOJVM naming $fake"
  fi
  echo "check-sdk: $target: OK: $(basename "$source"): $ran"
  exit 0
fi
case "$mode" in
  --install) cmake --install "$source" --prefix "$prefix" >"$work/install.log" ;;
  --archive) tar -xzf "$source" -C "$prefix" --strip-components=1 ;;
  *) echo "check-sdk: unknown mode $mode" >&2; exit 2 ;;
esac
# A copy outside the repository, so nothing can come from the source tree by accident.
cp -r "$here/examples/c" "$work/example"
rm -f "$work/example/export_demo.c"

run() {
  local what=$1; shift
  if ! out=$("$@" 2>&1); then
    echo "check-sdk: $what failed:"; echo "$out"; exit 1
  fi
}
run "cmake configure" cmake -S "$work/example" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix"
run "cmake build" cmake --build "$work/cmake-build"
run "make with pkg-config" env PKG_CONFIG_PATH="$prefix/lib/pkgconfig" make -C "$work/example"

for program in "$work/cmake-build/javabridge_example" "$work/example/javabridge_example"; do
  # The library must come from the SDK, never from the build tree.
  lib=$(realpath -s "$(ldd "$program" | awk '/libjavabridge/ {print $3}')")
  case "$lib" in
    "$prefix"/lib/libjavabridge.so.*) ;;
    *) echo "check-sdk: $program loads libjavabridge from '$lib', not from $prefix/lib"; exit 1 ;;
  esac
  out=$("$program" "$class_path" 2>&1) || { echo "check-sdk: $program failed:"; echo "$out"; exit 1; }
  grep -q '^done$' <<<"$out" || { echo "check-sdk: $program did not finish:"; echo "$out"; exit 1; }
done
echo "check-sdk: OK: $(cd "$prefix" && find . -type f -o -type l | sort | tr '\n' ' ')"
echo "check-sdk: built with find_package(javabridge) and with pkg-config; both ran"

#!/usr/bin/env bash
# Uses the C SDK the way a C developer outside this repository would: builds examples/c against
# it with find_package(javabridge) (CMake) and again with pkg-config (make), and runs both.
#   check-sdk.sh --install BUILD_DIR WORK CLASSPATH   cmake --install BUILD_DIR into WORK/prefix first
#   check-sdk.sh --archive SDK.tar.gz WORK CLASSPATH  unpack the SDK archive into WORK/prefix first
# CLASSPATH must hold dev.javabridge.examples.Greeter (the jar, or target/classes).
set -euo pipefail
mode=${1:?usage: check-sdk.sh --install BUILD_DIR | --archive SDK.tar.gz  WORK CLASSPATH}
source=${2:?missing BUILD_DIR or SDK.tar.gz}
work=${3:?missing WORK}
class_path=${4:?missing CLASSPATH}
here=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$work"
mkdir -p "$work/prefix"
prefix=$(cd "$work/prefix" && pwd)
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

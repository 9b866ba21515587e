#!/usr/bin/env bash
# Proves that scripts/check-natives.sh refuses a Linux library that needs glibc newer than 2.17.
# Into copies of the checked natives folders (linux_64, and linux_arm64 when the aarch64 cross gcc is
# there) it puts a stand-in libjavabridge_guide.so (scripts/canary/glibc/floor_canary.c: the same
# two exports, calls to hypot and dlopen), built twice:
#  - with zig cc -target <arch>-linux-gnu.2.17, as the shipped libraries are: the check must pass,
#    so the canary's exports and imports are otherwise right;
#  - with the host's gcc (glibc 2.36: hypot@GLIBC_2.35, dlopen@GLIBC_2.34): the check must fail on
#    exactly that, naming the version and both symbols.
# Usage: check-natives-canary.sh NATIVES_DIR JNI_HEADERS_DIR   (after mvn -Pall-platforms package)
# About 2 s with zig's cache warm.
set -euo pipefail
natives=${1:?usage: check-natives-canary.sh NATIVES_DIR JNI_HEADERS_DIR}
headers=${2:?usage: check-natives-canary.sh NATIVES_DIR JNI_HEADERS_DIR}
cd "$(dirname "$0")/.."
zig_bin=$(bash scripts/lib/zig.sh)
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
work=$PWD/target/natives-canary
source=scripts/canary/glibc/floor_canary.c
failed=0

# canary PLATFORM ZIG_TARGET GCC
canary() {
  local platform=$1 target=$2 gcc=$3 dir out rc
  dir=$work/$platform/natives
  rm -rf "$work/$platform" && mkdir -p "$dir"
  cp -r "$natives/$platform" "$dir/"
  # build COMPILER ARGS...: replaces the guide library (and its digest) with the canary.
  build() {
    "$@" -shared -fPIC -O2 -I"$jdk/include" -I"$jdk/include/linux" "$source" -o "$dir/$platform/libjavabridge_guide.so" -lm -ldl
    sha256sum "$dir/$platform/libjavabridge_guide.so" | cut -d' ' -f1 >"$dir/$platform/libjavabridge_guide.so.sha256"
  }
  build "$zig_bin/zig-cc" -target "$target"
  out=$(bash scripts/check-natives.sh "$dir" "$headers" "$platform" 2>&1) ||
    { echo "$out"; echo "check-natives-canary: $platform: the canary built for glibc 2.17 was refused"; failed=1; return; }
  build "$gcc"
  rc=0
  out=$(bash scripts/check-natives.sh "$dir" "$headers" "$platform" 2>&1) || rc=$?
  if [ $rc -eq 0 ] || ! grep -q "^check-natives: $platform: needs GLIBC_2.35" <<<"$out" ||
    ! grep -q 'needs GLIBC_2.35, newer than GLIBC_2.17: .*dlopen@GLIBC_2.34.*hypot@GLIBC_2.35' <<<"$out" ||
    ! grep -q '^check-natives: 1 problem(s)$' <<<"$out"; then
    echo "$out"; echo "check-natives-canary: $platform: the gcc-built canary (glibc 2.36) was not refused for its glibc symbols alone (rc $rc)"
    failed=1; return
  fi
  echo "check-natives-canary: $platform: refused as it must be: $(grep -o 'needs GLIBC_2.35.*' <<<"$out")"
}

canary linux_64 x86_64-linux-gnu.2.17 gcc
if command -v aarch64-linux-gnu-gcc >/dev/null; then
  canary linux_arm64 aarch64-linux-gnu.2.17 aarch64-linux-gnu-gcc
fi
[ $failed -eq 0 ] || exit 1
echo "check-natives-canary: OK: the GLIBC_2.17 check passes a glibc 2.17 build and refuses a glibc 2.36 one"

#!/usr/bin/env bash
# CI step: the C code builds warning-free (-Werror) with -Wconversion -Wsign-conversion
# -fstack-protector-strong -D_FORTIFY_SOURCE=2 under gcc and under Debian's clang, and the
# shipped library really carries the stack protector and fortified calls.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
. scripts/lib/native-build.sh
jb_install_packages clang
start=$(date +%s)
# A fortified call proper: __memcpy_chk, __snprintf_chk, ... but not __stack_chk_fail (the stack
# protector's, which every -fstack-protector build has whether fortified or not).
fortified() { nm -D "$1" | grep -o -E '\b__[a-z0-9_]+_chk\b' | grep -v -x '__stack_chk_fail' | sort -u || true; }
# Canary: the same check on a library built WITHOUT _FORTIFY_SOURCE (stack protector only) must
# find nothing, and WITH it must find the call; otherwise the check below proves nothing.
canary=target/hardening-canary
mkdir -p "$canary"
printf '#include <string.h>\nvoid jb_canary_copy(char *d, const char *s, size_t n) { char b[16]; memcpy(b, s, n); memcpy(d, b, sizeof b); }\n' >"$canary/c.c"
gcc -O2 -shared -fPIC -fstack-protector-strong -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=0 -o "$canary/plain.so" "$canary/c.c"
gcc -O2 -shared -fPIC -fstack-protector-strong -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -o "$canary/fortified.so" "$canary/c.c"
if [ -n "$(fortified "$canary/plain.so")" ] || [ -z "$(fortified "$canary/fortified.so")" ]; then
  echo "ci-hardening-flags: the fortify check cannot tell a fortified library from a plain one"; exit 1
fi
echo "ci-hardening-flags: canary: unfortified library rejected, fortified one has $(fortified "$canary/fortified.so" | tr '\n' ' ')"
for cc in gcc clang; do
  cxx=$([ "$cc" = gcc ] && echo g++ || echo clang++)
  dir=target/hardening-$cc
  rm -rf "$dir"
  # The strict warnings are on C only and both checked libraries are C, so the C++ GoogleTest
  # programs are built at -O0 without debug info (as scripts/test-cross.sh builds them): every
  # C file is still compiled with the shipped flags; a C++ test file compiles in half the CPU time
  # (calls_test, array_test, buffer_test: 26 s at -O2 -g, 12 s at -O0).
  CC=$cc CXX=$cxx jb_native_build "$dir" -DJB_STRICT_WARNINGS=ON -DJB_SANITIZE=OFF \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O0 >/dev/null
  for lib in "$dir/natives/libjavabridge.so" "$dir/natives/libjavabridge_guide.so"; do
    symbols=$(nm -D "$lib")
    grep -q '__stack_chk_fail' <<<"$symbols" || { echo "ci-hardening-flags: $cc: no stack protector in $lib"; exit 1; }
    calls=$(fortified "$lib" | tr '\n' ' ')
    [ -n "$calls" ] || { echo "ci-hardening-flags: $cc: no fortified calls in $lib"; exit 1; }
    echo "ci-hardening-flags: $cc: $(basename "$lib") clean, stack protector and fortified $calls"
  done
done
echo "ci-hardening-flags: $(jb_elapsed "$start")"

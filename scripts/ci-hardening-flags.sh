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
for cc in gcc clang; do
  cxx=$([ "$cc" = gcc ] && echo g++ || echo clang++)
  dir=target/hardening-$cc
  rm -rf "$dir"
  CC=$cc CXX=$cxx jb_native_build "$dir" -DJB_STRICT_WARNINGS=ON -DJB_SANITIZE=OFF >/dev/null
  for lib in "$dir/natives/libjavabridge.so" "$dir/natives/libjavabridge_guide.so"; do
    symbols=$(nm -D "$lib")
    grep -q '__stack_chk_fail' <<<"$symbols" || { echo "ci-hardening-flags: $cc: no stack protector in $lib"; exit 1; }
    grep -q '__.*_chk' <<<"$symbols" || { echo "ci-hardening-flags: $cc: no fortified calls in $lib"; exit 1; }
    echo "ci-hardening-flags: $cc: $(basename "$lib") clean, $(grep -o '__[a-z]*_chk' <<<"$symbols" | sort -u | tr '\n' ' ')"
  done
done
echo "ci-hardening-flags: $(jb_elapsed "$start")"

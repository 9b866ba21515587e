#!/usr/bin/env bash
# Checks each bundled native library without running it, so that a cross-built one
# that nobody can execute here is still held to the same contract as the host's:
#  - it is built for the architecture its folder name promises,
#  - its .sha256 (which NativeLibrary checks at load time) matches it,
#  - it exports exactly its product's ABI: libjavabridge the jb_* functions the public headers
#    under include/ declare, and nothing else (no Java_*, no JNI_OnLoad); libjavabridge_guide
#    JNI_OnLoad/JNI_OnUnload only (its natives are bound with RegisterNatives),
#  - it needs only libraries every machine of that OS has (no libgcc_s/libstdc++/winpthread DLLs).
# Usage: check-natives.sh NATIVES_DIR JNI_HEADERS_DIR PLATFORM...   (PLATFORM: linux_64, linux_arm64, windows_64)
# (JNI_HEADERS_DIR is kept for the callers' sake; no library exports the javac -h names any more.)
set -euo pipefail
natives=${1:?usage: check-natives.sh NATIVES_DIR JNI_HEADERS_DIR PLATFORM...}
headers=${2:?usage: check-natives.sh NATIVES_DIR JNI_HEADERS_DIR PLATFORM...}
shift 2
[ $# -gt 0 ] || { echo "check-natives: name at least one platform"; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)

[ -d "$headers" ] || { echo "check-natives: no folder $headers"; exit 2; }
expected_jni=$(printf '%s\n' JNI_OnLoad JNI_OnUnload | sort -u)
expected_capi=$(
  # Public jb_ functions: declared with the export macro JB_API, the name directly followed by
  # "(" (function-pointer typedefs are not; the header-only static inline jb_arg_* helpers have
  # no JB_API and are never exported).
  if [ -d "$root/include" ]; then
    find "$root/include" -name '*.h' -exec grep -ohE '^JB_API[^;(]*\bjb_[A-Za-z0-9_]+[[:space:]]*\(' {} + |
      grep -oE '\bjb_[A-Za-z0-9_]+[[:space:]]*\($' | tr -d '( \t'
  fi
)
expected_capi=$(sort -u <<<"$expected_capi")

failures=0
fail() { echo "check-natives: $platform: $*"; failures=$((failures + 1)); }

elf_exports() { nm -D --defined-only "$1" | awk '$2 ~ /^[TDBRVW]$/ {print $3}'; }
pe_exports() {
  x86_64-w64-mingw32-objdump -p "$1" |
    awk '/^\[Ordinal\/Name Pointer\] Table/ {t = 1; next} t && /^$/ {t = 0} t {print $NF}'
}

for platform in "$@"; do
  case $platform in
    linux_64) prefix=lib suffix=.so machine='Advanced Micro Devices X86-64' ;;
    linux_arm64) prefix=lib suffix=.so machine='AArch64' ;;
    windows_64) prefix= suffix=.dll machine='pei-x86-64' ;;
    *) echo "check-natives: unknown platform $platform"; exit 2 ;;
  esac
  for product in capi jni; do
  if [ $product = capi ]; then lib=${prefix}javabridge$suffix expected=$expected_capi
  else lib=${prefix}javabridge_guide$suffix expected=$expected_jni; fi
  before=$failures
  file="$natives/$platform/$lib"
  if [ ! -f "$file" ]; then fail "missing $file"; continue; fi

  digest=$(sha256sum "$file" | cut -d' ' -f1)
  [ "$(tr -d '[:space:]' <"$file.sha256" 2>/dev/null)" = "$digest" ] || fail "$file.sha256 does not match the file"

  if [ "$platform" = windows_64 ]; then
    x86_64-w64-mingw32-objdump -f "$file" | grep -q "file format $machine" || fail "not an x86-64 PE DLL"
    actual=$(pe_exports "$file" | sort -u)
    needs=$(x86_64-w64-mingw32-objdump -p "$file" | awk '/DLL Name:/ {print $3}')
    # ADVAPI32: libssp (the stack protector's runtime, linked statically) seeds its canary
    # with CryptGenRandom; like KERNEL32 it is part of every Windows.
    allowed='^(KERNEL32|ADVAPI32|msvcrt|ucrtbase|api-ms-win-[a-z0-9-]+)\.dll$'
    floor=""
  else
    readelf -h "$file" | grep -q "Machine: *$machine" || fail "not an ELF for $machine"
    actual=$(elf_exports "$file" | sort -u)
    needs=$(readelf -d "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    allowed='^(libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|ld-linux[a-z0-9_-]*\.so\.[0-9])$'
    floor=$(readelf --dyn-syms -W "$file" | grep -oE 'GLIBC_[0-9.]+' | sort -uV | tail -1 || true)
  fi

  missing=$(comm -23 <(echo "$expected") <(echo "$actual"))
  extra=$(comm -13 <(echo "$expected") <(echo "$actual"))
  [ -z "$missing" ] || fail "declared but not exported: $(echo $missing)"
  [ -z "$extra" ] || fail "exported but not part of the ABI: $(echo $extra)"
  odd=$(grep -ivE "$allowed" <<<"$needs" || true)
  [ -z "$odd" ] || fail "needs libraries a target machine may lack: $(echo $odd)"

  [ "$failures" -eq "$before" ] || continue
  echo "check-natives: $platform: $lib OK, $(wc -l <<<"$actual") exports as declared; needs $(echo $needs)${floor:+; requires glibc >= ${floor#GLIBC_}}"
  done
done
[ "$failures" -eq 0 ] || { echo "check-natives: $failures problem(s)"; exit 1; }

#!/usr/bin/env bash
# Checks each bundled native library without running it, so that a cross-built one
# that nobody can execute here is still held to the same contract as the host's:
#  - it is built for the architecture its folder name promises,
#  - its .sha256 (which NativeLibrary checks at load time) matches it,
#  - it exports exactly its product's ABI: libjavabridge the jb_* functions the public headers
#    under include/ declare, and nothing else (no Java_*, no JNI_OnLoad); libjavabridge_guide
#    JNI_OnLoad/JNI_OnUnload only (its natives are bound with RegisterNatives),
#  - it needs only libraries every machine of that OS has (no libgcc_s/libstdc++/winpthread DLLs),
#  - a glibc library needs no symbol version newer than GLIBC_2.17 (RHEL 7's), read from its
#    version references; a macOS one is named @rpath/<file>, records no build folder and needs
#    libSystem only (Mach-O read with LLVM's tools, Debian package llvm).
# Usage: check-natives.sh NATIVES_DIR JNI_HEADERS_DIR PLATFORM...   (PLATFORM: linux_64, linux_arm64,
#   linux_musl_64, linux_musl_arm64, windows_64, osx_64, osx_arm64)
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
# The oldest glibc the Linux libraries support (the zig toolchain's x86_64-linux-gnu.2.17 target).
glibc_max=2.17
macho_exports() { llvm-nm --extern-only --defined-only "$1" | awk '{print $3}' | sed 's/^_//'; }
pe_exports() {
  x86_64-w64-mingw32-objdump -p "$1" |
    awk '/^\[Ordinal\/Name Pointer\] Table/ {t = 1; next} t && /^$/ {t = 0} t {print $NF}'
}

for platform in "$@"; do
  case $platform in
    linux_64) prefix=lib suffix=.so machine='Advanced Micro Devices X86-64' ;;
    linux_arm64) prefix=lib suffix=.so machine='AArch64' ;;
    linux_musl_64) prefix=lib suffix=.so machine='Advanced Micro Devices X86-64' ;;
    linux_musl_arm64) prefix=lib suffix=.so machine='AArch64' ;;
    windows_64) prefix= suffix=.dll machine='pei-x86-64' ;;
    osx_64) prefix=lib suffix=.dylib machine='0x1000007' ;; # CPU_TYPE_X86_64
    osx_arm64) prefix=lib suffix=.dylib machine='0x100000C' ;; # CPU_TYPE_ARM64
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
    x86_64-w64-mingw32-objdump -f "$file" | grep "file format $machine" >/dev/null || fail "not an x86-64 PE DLL"
    actual=$(pe_exports "$file" | sort -u)
    needs=$(x86_64-w64-mingw32-objdump -p "$file" | awk '/DLL Name:/ {print $3}')
    # ADVAPI32: libssp (the stack protector's runtime, linked statically) seeds its canary
    # with CryptGenRandom; like KERNEL32 it is part of every Windows.
    allowed='^(KERNEL32|ADVAPI32|msvcrt|ucrtbase|api-ms-win-[a-z0-9-]+)\.dll$'
    floor=""
  elif [[ $platform == osx_* ]]; then
    llvm-readobj --file-headers "$file" | grep -i "CpuType: .*($machine)" >/dev/null || fail "not a Mach-O for CPU type $machine"
    llvm-readobj --file-headers "$file" | grep 'FileType: DynamicLibrary' >/dev/null || fail "not a Mach-O dylib"
    actual=$(macho_exports "$file" | sort -u)
    # The first line after the file name is the library's own install name.
    dylibs=$(llvm-objdump --macho --dylibs-used "$file" | sed -n '2,$p' | sed 's/^[[:space:]]*//; s/ (compatibility.*//')
    id=$(head -1 <<<"$dylibs")
    [ "$id" = "@rpath/$lib" ] || [[ $id == @rpath/${lib%.dylib}.[0-9]*.dylib ]] || fail "install name is $id, not @rpath/$lib"
    needs=$(sed -n '2,$p' <<<"$dylibs")
    rpaths=$(llvm-objdump --macho --private-headers "$file" | awk '/cmd LC_RPATH/ {r = 1} r && /path / {print $2; r = 0}')
    [ -z "$rpaths" ] || fail "records rpaths $(echo $rpaths): a library extracted to a temporary folder needs none"
    allowed='^/usr/lib/libSystem\.B\.dylib$'
    floor=""
  else
    readelf -h "$file" | grep "Machine: *$machine" >/dev/null || fail "not an ELF for $machine"
    actual=$(elf_exports "$file" | sort -u)
    needs=$(readelf -d "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
    if [[ $platform == linux_musl_* ]]; then
      # musl's C library (and libm, libdl, libpthread folded in) is one file, soname libc.so.
      allowed='^libc\.so$'
      ! readelf -V "$file" | grep 'GLIBC_' >/dev/null || fail "refers to glibc symbol versions: not a musl build"
      floor=""
    else
      allowed='^(libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|ld-linux[a-z0-9_-]*\.so\.[0-9])$'
      # Every version the library asks for (its version needs), not only its dynamic symbols' names.
      floor=$(readelf -V -W "$file" | grep -oE 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -1 || true)
      if [ -n "$floor" ] && [ "$(printf '%s\n' "${floor#GLIBC_}" "$glibc_max" | sort -V | tail -1)" != "$glibc_max" ]; then
        fail "needs $floor, newer than GLIBC_$glibc_max: $(readelf --dyn-syms -W "$file" | grep -oE '[A-Za-z0-9_]+@GLIBC_[0-9.]+' | sort -u |
          awk -F@GLIBC_ -v max="$glibc_max" '{ split($2, v, "."); split(max, m, "."); if (v[1] > m[1] || (v[1] == m[1] && v[2] > m[2])) print }' | tr '\n' ' ')"
      fi
    fi
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

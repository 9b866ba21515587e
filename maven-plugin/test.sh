#!/usr/bin/env bash
# The plugin end to end, as a user meets it: installs javabridge's jar (the one the main build made,
# not rebuilt) and the plugin into the local repository, builds a copy of the zlib project in
# src/it/zlib (generate, javac -h, CMake, layout check, JUnit under -Xcheck:jni, jar), runs its demo
# from the jar alone, and checks that an unchanged header and config regenerate nothing while a
# changed config does; then src/it/cross for the host and six cross targets in one jar (see below).
# Needs the main build first (scripts/test.sh): javabridge's and bindgen's jars.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.1.0-SNAPSHOT
jb_jar="target/javabridge-$version.jar"
bindgen_jar="bindgen/target/javabridge-bindgen-$version.jar"
for f in "$jb_jar" "$bindgen_jar"; do
  [ -f "$f" ] || { echo "maven-plugin/test.sh: $f is missing: run scripts/test.sh (or mvn package) first" >&2; exit 1; }
done
mvn=(mvn -B -ntp -q)
"${mvn[@]}" install:install-file -Dfile="$jb_jar" -DpomFile=pom.xml
"${mvn[@]}" -f maven-plugin/pom.xml install
it=maven-plugin/target/it/zlib
rm -rf "$it" && mkdir -p "$(dirname "$it")" && cp -r maven-plugin/src/it/zlib "$it"
mkdir -p "$it/target/jvm-logs"
"${mvn[@]}" -f "$it/pom.xml" verify
bash scripts/check-jni-warnings.sh "$it/target"
# The jar alone (and javabridge's): NativeLoader takes the library from the jar, checked against its digest.
out=$(cd /tmp && java --enable-native-access=ALL-UNNAMED -cp "$OLDPWD/$it/target/zlib-binding-1.0.jar:$OLDPWD/$jb_jar" com.example.zlib.ZlibDemo)
echo "$out"
case "$out" in *"round trip true"*) ;; *) echo "maven-plugin/test.sh: the demo failed" >&2; exit 1 ;; esac
# The listing is read whole: grep -q stops reading at the match, and pipefail would count unzip's SIGPIPE.
listing=$(unzip -l "$it/target/zlib-binding-1.0.jar")
grep -q 'natives/linux_64/libzlibjni.so.sha256' <<<"$listing" \
  || { echo "maven-plugin/test.sh: the jar lacks the library's digest" >&2; exit 1; }
again=$(mvn -B -ntp -f "$it/pom.xml" package -DskipTests)
grep -q 'binding of zlib.h is up to date' <<<"$again" \
  || { echo "maven-plugin/test.sh: an unchanged header and config regenerated the binding" >&2; exit 1; }
sed -i 's/"Z_.\*", "ZLIB_VER.\*"/"Z_.*"/' "$it/zlib.json"
changed=$(mvn -B -ntp -f "$it/pom.xml" package -DskipTests)
grep -q 'generated the binding of zlib.h' <<<"$changed" \
  || { echo "maven-plugin/test.sh: a changed config did not regenerate the binding" >&2; exit 1; }
# Bad input fails the build with the reason, never half a binding.
expect_failure() { # MESSAGE [MVN ARGS...]: the build of $it must fail and say MESSAGE
  local log want=$1; shift
  if log=$(mvn -B -ntp -f "$it/pom.xml" package -DskipTests "$@" 2>&1); then
    echo "maven-plugin/test.sh: the build passed; expected: $want" >&2; exit 1
  fi
  grep -qF "$want" <<<"$log" || { echo "maven-plugin/test.sh: expected '$want' in:" >&2; echo "$log" | tail -30 >&2; exit 1; }
}
# A tool that hangs is stopped at its bound (a cmake that never returns), and so are its children.
hang=$PWD/$it/target/hanging-cmake && printf '#!/bin/sh\nsleep 300 &\necho $! >"%s.pid"\nwait\n' "$hang" >"$hang" && chmod +x "$hang"
expect_failure 'cmake (configure) did not finish within 3 s (javabridge.timeout) and was stopped' \
  -Djavabridge.cmake="$hang" -Djavabridge.timeout=3
# Killed is enough: a zombie that its new parent has not reaped yet counts as gone.
state=$(ps -o stat= -p "$(cat "$hang.pid")" || true)
[ -z "$state" ] || [[ $state == Z* ]] || { echo "maven-plugin/test.sh: the hanging cmake's child still runs ($state)" >&2; exit 1; }
sed -i 's|"allowMacros"|"allowMacro"|' "$it/zlib.json"
expect_failure 'allowMacro'
sed -i 's|<header>/usr/include/zlib.h</header>|<header>/no/such/zlib.h</header>|' "$it/pom.xml"
expect_failure 'javabridge: no such header: /no/such/zlib.h'
# Cross targets: src/it/cross binds its own C library for the host, linux_arm64 (gcc-aarch64-linux-gnu),
# windows_64 (mingw-w64) and, with Zig 0.11.0, osx_64, osx_arm64 (linked by lld's ld64.lld), linux_musl_64 and
# linux_musl_arm64 in one jar. CI runs this before scripts/test-cross.sh, which installs the same packages and
# the same zig (scripts/lib/zig.sh: once, into the cache the plugin looks in, or $JB_ZIG_HOME); llvm reads Mach-O.
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
jb_install_packages gcc-aarch64-linux-gnu mingw-w64 qemu-user-static lld llvm
bash scripts/lib/zig.sh >/dev/null
cross=maven-plugin/target/it/cross
rm -rf "$cross" && cp -r maven-plugin/src/it/cross "$cross"
mkdir -p "$cross/target/jvm-logs"
log=$(mvn -B -ntp -f "$cross/pom.xml" verify)
bash scripts/check-jni-warnings.sh "$cross/target"
for want in 'built linux_64/libgaugejni.so (layout checked)' \
    'built linux_arm64/libgaugejni.so (layout checked at compile time and run under qemu-aarch64-static)' \
    'built windows_64/gaugejni.dll (layout checked at compile time)' \
    'built osx_64/libgaugejni.dylib (layout checked at compile time)' \
    'built osx_arm64/libgaugejni.dylib (layout checked at compile time)' \
    'built linux_musl_64/libgaugejni.so (layout checked at compile time)' \
    'built linux_musl_arm64/libgaugejni.so (layout checked at compile time)'; do
  grep -qF "$want" <<<"$log" || { echo "maven-plugin/test.sh: the cross build did not say '$want'" >&2; exit 1; }
done
# Each library in the jar: the architecture its folder promises, its digest, and JNI_OnLoad exported.
gauge_jar=$cross/target/gauge-binding-1.0.jar
unpacked=$cross/target/jar && rm -rf "$unpacked" && mkdir -p "$unpacked" && (cd "$unpacked" && unzip -q "$OLDPWD/$gauge_jar" 'natives/*')
check_lib() { # FILE WHAT: FILE's header must say WHAT; its digest must match; it must export JNI_OnLoad
  local f=$unpacked/natives/$1
  [ -f "$f" ] || { echo "maven-plugin/test.sh: the jar lacks natives/$1" >&2; exit 1; }
  local header exports # read whole: grep -q would end the pipe early, and pipefail would count it
  case $1 in
    *.dll) header=$(x86_64-w64-mingw32-objdump -f "$f") exports=$(x86_64-w64-mingw32-objdump -p "$f") ;;
    # Mach-O's first four words: magic (64-bit), CPU type, CPU subtype, file type (6: a dylib).
    *.dylib) header=$(od -An -tx4 -N16 "$f" | awk '{print "Mach-O " $1 " cpu " $2 " filetype " $4}')
      exports=$(llvm-nm --extern-only --defined-only "$f" | sed 's/ _/ /') ;;
    # musl's C library is one file with the soname libc.so (glibc's: libc.so.6), and has no symbol versions.
    linux_musl_*) header=$(readelf -h -d -V "$f" | sed 's/Machine: */Machine: /')
      ! grep -q GLIBC_ <<<"$header" && grep -qF 'Shared library: [libc.so]' <<<"$header" \
        || { echo "maven-plugin/test.sh: natives/$1 does not link musl's libc.so alone" >&2; exit 1; }
      exports=$(nm -D --defined-only "$f") ;;
    *) header=$(readelf -h "$f" | sed 's/Machine: */Machine: /') exports=$(nm -D --defined-only "$f") ;;
  esac
  grep -qF "$2" <<<"$header" && grep -qw JNI_OnLoad <<<"$exports" \
    || { echo "maven-plugin/test.sh: natives/$1 is not a $2 library exporting JNI_OnLoad" >&2; exit 1; }
  [ "$(cut -d' ' -f1 "$f.sha256")" = "$(sha256sum "$f" | cut -d' ' -f1)" ] \
    || { echo "maven-plugin/test.sh: natives/$1.sha256 does not match it" >&2; exit 1; }
}
check_lib linux_64/libgaugejni.so 'Machine: Advanced Micro Devices X86-64'
check_lib linux_arm64/libgaugejni.so 'Machine: AArch64'
check_lib windows_64/gaugejni.dll 'file format pei-x86-64'
check_lib osx_64/libgaugejni.dylib 'Mach-O feedfacf cpu 01000007 filetype 00000006' # CPU_TYPE_X86_64
check_lib osx_arm64/libgaugejni.dylib 'Mach-O feedfacf cpu 0100000c filetype 00000006' # CPU_TYPE_ARM64
check_lib linux_musl_64/libgaugejni.so 'Machine: Advanced Micro Devices X86-64'
check_lib linux_musl_arm64/libgaugejni.so 'Machine: AArch64'
run_gauge() { # JAVA: runs the demo from the jar alone on JAVA, which must pick its platform's library
  (cd /tmp && "$1" --enable-native-access=ALL-UNNAMED -cp "$OLDPWD/$gauge_jar:$OLDPWD/$jb_jar" com.example.gauge.GaugeDemo)
}
want_gauge='gauge: channel 3 reads 1.5 V; sum 6; 64-bit pointers on'
out=$(run_gauge java) && grep -qF "$want_gauge amd64" <<<"$out" || { echo "maven-plugin/test.sh: the demo failed: $out" >&2; exit 1; }
# The aarch64 library on Debian's arm64 JRE under qemu-user (downloaded once into the cache test-cross.sh uses).
# shellcheck source=scripts/lib/arm64-jre.sh
. scripts/lib/arm64-jre.sh
java_arm64=$(jb_arm64_jre "${JB_CROSS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/javabridge}/arm64-jre17")
out=$(run_gauge "$java_arm64") && grep -qF "$want_gauge aarch64" <<<"$out" \
  || { echo "maven-plugin/test.sh: the demo failed on aarch64: $out" >&2; exit 1; }
echo "$out"
# Bad targets fail the build with the reason: an unknown name, a compiler, linker or zig that is not installed, and a layout
# that only the target's compiler knows to differ (C's long is 32 bits on Windows: a compile-time assertion fails).
expect_cross_failure() { # [ENV...] -- MESSAGE...: the build of $cross must fail and say each MESSAGE (log: $failed_log)
  local env=() log
  while [ "$1" != -- ]; do env+=("$1"); shift; done
  shift
  if log=$(env "${env[@]}" mvn -B -ntp -f "$cross/pom.xml" package -DskipTests 2>&1); then
    echo "maven-plugin/test.sh: the build passed; expected: $1" >&2; exit 1
  fi
  for want in "$@"; do
    grep -qF "$want" <<<"$log" || { echo "maven-plugin/test.sh: expected '$want' in:" >&2; echo "$log" | tail -30 >&2; exit 1; }
  done
  failed_log=$log
}
cp "$cross/pom.xml" "$cross/pom.xml.orig"
sed -i 's|<target>windows_64</target>|<target>windows_32</target>|' "$cross/pom.xml"
expect_cross_failure -- \
  'javabridge: unknown target "windows_32": the plugin cross-compiles for linux_arm64, linux_musl_64, linux_musl_arm64, osx_64, osx_arm64, windows_64'
cp "$cross/pom.xml.orig" "$cross/pom.xml"
# No zig where the plugin looks: it fails before building anything, with the command that installs it there,
# and writes out that installer (javabridge's scripts/lib/zig.sh).
nozig=$PWD/$cross/target/no-zig
expect_cross_failure JB_ZIG_HOME="$nozig" -- \
  "javabridge: the target osx_64 needs Zig 0.11.0 (javabridge's cross compiler for macOS and musl), which is not in $nozig (from JB_ZIG_HOME)." \
  "Install it there once, from the npm registry (about 70 MB; needs npm, openssl and tar): bash $PWD/$cross/target/javabridge/install-zig.sh $nozig"
! grep -qF 'javabridge: built' <<<"$failed_log" || { echo "maven-plugin/test.sh: a library was built before zig was found missing" >&2; exit 1; }
cmp "$cross/target/javabridge/install-zig.sh" scripts/lib/zig.sh \
  || { echo "maven-plugin/test.sh: the installer the plugin wrote is not scripts/lib/zig.sh" >&2; exit 1; }
path_without() { # DIR PATTERN: DIR becomes a PATH folder with everything of the system's but the programs PATTERN matches
  mkdir -p "$1"
  local f
  for f in /usr/local/bin/* /usr/bin/*; do
    # shellcheck disable=SC2254 # PATTERN is a glob on purpose
    case ${f##*/} in $2) ;; *) [ ! -e "$f" ] || [ -e "$1/${f##*/}" ] || ln -s "$f" "$1/${f##*/}" ;; esac
  done
}
nomingw=$PWD/$cross/target/path-without-mingw && path_without "$nomingw" 'x86_64-w64-mingw32-*'
expect_cross_failure PATH="$nomingw" -- \
  'the target windows_64 needs the cross compiler x86_64-w64-mingw32-gcc-posix, which is not on PATH: install it (Debian, Ubuntu: apt-get install mingw-w64)'
nolld=$PWD/$cross/target/path-without-lld && path_without "$nolld" 'ld64.lld*'
expect_cross_failure PATH="$nolld" -- \
  "the target osx_64 needs LLVM's Mach-O linker ld64.lld, which is not on PATH: install it (Debian, Ubuntu: apt-get install lld)"
sed -i 's|<target>linux_arm64</target>||' "$cross/pom.xml"
sed -i 's|    double scale;|    double scale;\n    long serial;|' "$cross/src/main/c/gauge.h"
expect_cross_failure -- 'the layout check of Gauge for windows_64 (compile-time) failed' \
  'layout mismatch: sizeof(((struct gauge_reading *)0)->serial) is not what the Java side assumes, 8ULL'
# The README's example, as a user pastes it.
python3 scripts/check-snippets.py maven-plugin/README.md --jar "$jb_jar" --provide "$jb_jar" \
  --work maven-plugin/target/snippets --timeout 300
echo "maven-plugin/test.sh: the plugin built, tested and packaged a binding; regeneration follows its inputs"

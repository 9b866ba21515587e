#!/usr/bin/env bash
# C calls Java: compiles examples/c/javabridge_example.c the way a C user would (linking only
# libjavabridge and libc; libjvm is found at run time), then runs it against the jar.
# Meant to run after scripts/demo.sh, which builds the jar; builds it itself if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/packages.sh
jar=target/javabridge-0.1.0-SNAPSHOT.jar
libdir=target/classes/natives/linux_64
if [ ! -f "$jar" ] || [ ! -f "$libdir/libjavabridge.so" ]; then
  jb_install_packages
  mvn -B -ntp -q package -DskipTests
fi
out=target/demo-c
mkdir -p "$out"
cc=${CC:-cc}
compile=("$cc" -std=c11 -Wall -Wextra -pedantic -Werror -Iinclude examples/c/javabridge_example.c
         -L"$libdir" -ljavabridge -Wl,-rpath,"$PWD/$libdir" -o "$out/javabridge_example")
echo "== C calls Java =="
echo "\$ ${compile[*]}"
"${compile[@]}"
echo "\$ readelf -d $out/javabridge_example | grep NEEDED"
readelf -d "$out/javabridge_example" | grep NEEDED | sed 's/^ */  /'
echo "\$ $out/javabridge_example $jar"
"$out/javabridge_example" "$jar"

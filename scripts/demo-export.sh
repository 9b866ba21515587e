#!/usr/bin/env bash
# Builds javabridge if needed, then runs the @CExport demonstration: a C program calling the
# guide's functions, written in Java, through a header generated from the Java source.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/packages.sh
. scripts/lib/build-quietly.sh
jar=target/javabridge-0.1.0-SNAPSHOT.jar
demo=target/cmake/export_demo
if [ ! -f "$jar" ] || [ ! -x "$demo" ] || [ -n "$(find java cpp include examples CMakeLists.txt pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  jb_build_quietly
fi
echo "== C calls Java through a generated header (@CExport) =="
echo "-- target/generated-sources/cexport/guide_exports.h (excerpt) --"
grep -E '^(int|void) ' target/generated-sources/cexport/guide_exports.h
echo "-- examples/c/export_demo.c --"
"$demo" "$jar"

#!/usr/bin/env bash
# Builds javabridge if needed, then runs the demonstration: Java calling C through the jar, C
# calling Java through the C SDK, and C calling Java through a header generated from Java.
# The build's output goes to target/demo-build.log, shown only if the build fails.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/packages.sh
. scripts/lib/build-quietly.sh
jar=target/javabridge-0.1.0-SNAPSHOT.jar
sdk=target/javabridge-0.1.0-SNAPSHOT-sdk-linux_64.tar.gz
if [ ! -f "$jar" ] || [ ! -f "$sdk" ] || [ ! -x target/cmake/export_demo ] ||
   [ -n "$(find java cpp include examples CMakeLists.txt pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  jb_build_quietly
fi
echo "== Java calls C =="
java -jar "$jar"
echo
bash scripts/demo-c.sh
echo
bash scripts/demo-export.sh

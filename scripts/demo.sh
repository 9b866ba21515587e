#!/usr/bin/env bash
# Builds javabridge if needed, then runs the demonstration: Java calling C through the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/packages.sh
jar=target/javabridge-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find java cpp include CMakeLists.txt pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  jb_install_packages
  mvn -B -ntp -q package -DskipTests
fi
echo "== Java calls C =="
java -jar "$jar"
echo
bash scripts/demo-c.sh
echo
bash scripts/demo-export.sh

#!/usr/bin/env bash
# CI step: the whole Maven build (JUnit under -Xcheck:jni, the JNI warning check) on JDK 25,
# which dropped some of JDK 17's JNI warnings and added native-access rules.
# JDK25_HOME defaults to Temurin 25's Debian location. Cleans target/: CMake caches the JDK path.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
. scripts/lib/native-build.sh
jdk=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/javac" ] || { echo "test-jdk25: no JDK 25 at $jdk (set JDK25_HOME)"; exit 1; }
jb_install_packages
start=$(date +%s)
rm -rf target
JAVA_HOME=$jdk PATH=$jdk/bin:$PATH mvn -B -ntp verify -Djavabridge.test.jdk25="$jdk" -Djb.skips.step=jdk25 "$@"
echo "test-jdk25: $("$jdk/bin/java" -version 2>&1 | head -1); $(jb_elapsed "$start")"

#!/usr/bin/env bash
# Runs every test: the full Maven build (Java compile, JNI headers, CMake, GoogleTest
# through ctest, JUnit under -Xcheck:jni, the packaged-jar tests, the JNI warning check).
# As root on Debian it first installs the system packages the build needs.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/packages.sh
. scripts/lib/packages.sh
jb_install_packages
# Before the build: a lint of our own scripts (seconds).
bash scripts/check-pipes.sh
exec mvn -B -ntp verify "$@"

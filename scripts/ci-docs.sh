#!/usr/bin/env bash
# The reference documentation, warning-free: the C API with Doxygen (Doxyfile; any warning fails)
# into target/doxygen/html. The Java API's Javadoc jar (doclint "all", warnings fail) is part of
# every `mvn package`. As root on Debian it first installs doxygen.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/packages.sh
jb_install_packages "${JB_DOCS_PACKAGES[@]}"
rm -rf target/doxygen
mkdir -p target/doxygen
if ! doxygen Doxyfile; then
  echo "ci-docs: doxygen failed:"; cat target/doxygen/warnings.log; exit 1
fi
if [ -s target/doxygen/warnings.log ]; then
  echo "ci-docs: doxygen warnings:"; cat target/doxygen/warnings.log; exit 1
fi
echo "ci-docs: C API reference in target/doxygen/html/index.html ($(doxygen --version)), no warnings"

#!/usr/bin/env bash
# Packs the C SDK for one platform: the tree `cmake --install` makes from BUILD_DIR (include/,
# lib/ or bin/ + lib/ on Windows, lib/cmake/javabridge/, lib/pkgconfig/), the @CExport processor
# jar in java/, and README.md. Run by the Maven build in the package phase (pom.xml).
#   make-sdk.sh BUILD_DIR PLATFORM VERSION PROCESSOR_JAR OUT_DIR
# writes OUT_DIR/javabridge-VERSION-sdk-PLATFORM.tar.gz, reproducibly (sorted, owner 0, fixed mtime).
set -euo pipefail
build=${1:?usage: make-sdk.sh BUILD_DIR PLATFORM VERSION PROCESSOR_JAR OUT_DIR}
platform=${2:?missing PLATFORM}
version=${3:?missing VERSION}
processor=${4:?missing PROCESSOR_JAR}
out=${5:?missing OUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$processor" ] || { echo "make-sdk: no processor jar at $processor" >&2; exit 1; }

name=javabridge-$version-sdk-$platform
stage=$out/sdk-stage/$platform
rm -rf "$stage"
mkdir -p "$stage/$name/java"
cmake --install "$build" --prefix "$stage/$name" >"$out/sdk-install-$platform.log"
cp "$processor" "$stage/$name/java/"
sed -e "s/@VERSION@/$version/g" -e "s/@PLATFORM@/$platform/g" -e "s/@PROCESSOR@/$(basename "$processor")/g" \
  "$here/cpp/cmake/sdk-README.md" >"$stage/$name/README.md"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -czf "$out/$name.tar.gz" "$name"
echo "make-sdk: $out/$name.tar.gz ($(tar -tzf "$out/$name.tar.gz" | grep -vc '/$') files)"

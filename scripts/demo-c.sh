#!/usr/bin/env bash
# C calls Java: compiles examples/c/javabridge_example.c the way a C user would, against the C SDK
# archive (pkg-config; it links only libjavabridge and libc, libjvm is found at run time), then
# runs it against the jar. Meant to run after scripts/demo.sh, which builds both; builds them
# itself if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/packages.sh
. scripts/lib/build-quietly.sh
jar=target/javabridge-0.1.0-SNAPSHOT.jar
sdk=target/javabridge-0.1.0-SNAPSHOT-sdk-linux_64.tar.gz
if [ ! -f "$jar" ] || [ ! -f "$sdk" ]; then
  jb_build_quietly
fi
out=target/demo-c
rm -rf "$out"
mkdir -p "$out/sdk"
tar -xzf "$sdk" -C "$out/sdk" --strip-components=1
export PKG_CONFIG_PATH="$PWD/$out/sdk/lib/pkgconfig"
cc=${CC:-cc}
read -r -a flags <<<"$(pkg-config --cflags --libs javabridge)"
compile=("$cc" -std=c11 -Wall -Wextra -pedantic -Werror examples/c/javabridge_example.c "${flags[@]}"
         -Wl,-rpath,"$(pkg-config --variable=libdir javabridge)" -o "$out/javabridge_example")
echo "== C calls Java =="
echo "\$ tar -xzf $sdk -C $out/sdk --strip-components=1"
echo "\$ export PKG_CONFIG_PATH=$out/sdk/lib/pkgconfig"
echo "\$ $cc -std=c11 -Wall -Wextra -pedantic -Werror examples/c/javabridge_example.c \$(pkg-config --cflags --libs javabridge) -Wl,-rpath,... -o $out/javabridge_example"
"${compile[@]}"
echo "\$ readelf -d $out/javabridge_example | grep NEEDED"
readelf -d "$out/javabridge_example" | grep NEEDED | sed 's/^ */  /'
echo "\$ $out/javabridge_example $jar"
"$out/javabridge_example" "$jar"

# The showcase: Apache Commons CSV (jars copied by the Maven build into target/showcase-jars)
# from C, through a class loader over "dir/*", with a C callback the library calls.
if [ -d target/showcase-jars ]; then
  "$cc" -std=c11 -Wall -Wextra -pedantic -Werror examples/c-csv/csv_example.c "${flags[@]}" \
    -Wl,-rpath,"$(pkg-config --variable=libdir javabridge)" -o "$out/csv_example"
  echo
  echo "== C uses a Maven Central library: Apache Commons CSV =="
  echo "\$ $out/csv_example target/showcase-jars examples/c-csv/cities.csv"
  "$out/csv_example" target/showcase-jars examples/c-csv/cities.csv
fi

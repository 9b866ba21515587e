#!/usr/bin/env bash
# Measures what zig's cache saves: builds the shipped libraries (BUILD_TESTING=OFF) for every
# zig target of -Pall-platforms, twice, against one fresh cache folder shared by all targets
# (ZIG_GLOBAL_CACHE_DIR = ZIG_LOCAL_CACHE_DIR, as scripts/lib/zig.sh's wrappers set them): the
# first pass starts cold (zig builds each target's libc stubs, crt files and compiler_rt), the
# second is warm. Prints wall and CPU seconds (user + sys of the build's processes) per pass.
# Needs target/generated-sources/jni (mvn compile). Not part of CI: it costs ~330 CPU-s.
# Measured on the 2-core machine (2026-12-02, lightly loaded): cold 107 s wall / 186 CPU-s, warm
# 83 s / 148 CPU-s, cache 53 MB: zig's own per-target libc work is ~40 CPU-s of the six targets;
# the rest is compiling javabridge six times, which no cache of zig's saves.
set -euo pipefail
cd "$(dirname "$0")/../.."
zig_bin=$(bash scripts/lib/zig.sh)
zig=$(dirname "$zig_bin")/zig/zig
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
work=$PWD/target/zig-cache-cost
rm -rf "$work" && mkdir -p "$work/bin" "$work/cache"
# zig.cmake finds zig's libSystem stub (macOS) beside the wrappers' folder.
ln -s "$(dirname "$zig")" "$work/zig"
for tool in cc c++ ar ranlib; do
  printf '#!/bin/sh\nZIG_GLOBAL_CACHE_DIR="%s" ZIG_LOCAL_CACHE_DIR="%s" exec "%s" %s "$@"\n' \
    "$work/cache" "$work/cache" "$zig" "$tool" >"$work/bin/zig-$tool"
  chmod +x "$work/bin/zig-$tool"
done
targets=(x86_64-linux-gnu.2.17 aarch64-linux-gnu.2.17 x86_64-linux-musl aarch64-linux-musl x86_64-macos aarch64-macos)
for pass in cold warm; do
  start=$SECONDS
  times >"$work/t0"
  for t in "${targets[@]}"; do
    b=$work/$pass-$t
    cmake -S . -B "$b" -DCMAKE_TOOLCHAIN_FILE="$PWD/cpp/cmake/toolchains/zig.cmake" -DJB_ZIG_TARGET="$t" \
      -DJB_ZIG_BIN="$work/bin" -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJAVA_HOME="$jdk" \
      -DJB_JNI_HEADERS_DIR="$PWD/target/generated-sources/jni" -DJB_NATIVES_DIR="$b/natives" >"$b.log" 2>&1
    cmake --build "$b" --parallel 2 >>"$b.log" 2>&1 || { cat "$b.log"; exit 1; }
  done
  times >"$work/t1"
  used=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } } END { printf "%d", n }' "$work/t1")
  base=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); n += t[1] * 60 + t[2] } } END { printf "%d", n }' "$work/t0")
  echo "zig-cache-cost: $pass: ${#targets[@]} targets in $((SECONDS - start)) s wall, $((used - base)) CPU-s; cache $(du -sh "$work/cache" | cut -f1)"
done

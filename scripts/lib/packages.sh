# Installs the Debian packages the build needs, when they are missing and we may (root + apt-get).
# Sourced by scripts/test.sh, scripts/demo.sh and .ci/run.
# locales: the de_DE source a JUnit test compiles to prove snprintf ignores the environment's locale.
# clang: bindgen reads headers through clang's JSON AST; zlib1g-dev: the real header bindgen's tests bind.
# pkgconf: the SDK test builds examples/c with pkg-config.
JB_PACKAGES=(cmake g++ libgtest-dev locales clang zlib1g-dev pkgconf)
# libsqlite3-dev: the header and library examples/sqlite binds (examples/sqlite/test.sh).
JB_PACKAGES+=(libsqlite3-dev)
# The C API reference (scripts/ci-docs.sh).
JB_DOCS_PACKAGES=(doxygen)
# Cross compilers and emulator for mvn -Pall-platforms and scripts/test-cross.sh.
JB_CROSS_PACKAGES=(gcc-aarch64-linux-gnu g++-aarch64-linux-gnu mingw-w64 qemu-user-static)
# The zig-built platforms (scripts/lib/zig.sh brings zig itself from npm): lld links the macOS
# dylibs (ld64.lld), llvm's llvm-nm/llvm-objdump/llvm-readobj read them in scripts/check-natives.sh.
JB_CROSS_PACKAGES+=(lld llvm)
# musl's dynamic loader (/lib/ld-musl-x86_64.so.1): the musl SDK's C example runs on it (scripts/check-sdk.sh --cross).
JB_CROSS_PACKAGES+=(musl)

jb_install_packages() {
  local missing=()
  for p in "${JB_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep 'install ok installed' >/dev/null || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing packages: ${missing[*]} (run as root to install them, or install them yourself)" >&2
    return 1
  fi
}

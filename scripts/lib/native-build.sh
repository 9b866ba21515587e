# Builds the CMake project outside Maven, for CI steps that need their own compiler or flags.
# Sourced by scripts/ci-*.sh. Maven's compile phase writes the JNI headers (javac -h) first.

# jb_native_build BUILD_DIR [CMAKE_OPTION...]
jb_native_build() {
  local dir=$1; shift
  if [ ! -d target/generated-sources/jni ] || [ -z "$(ls -A target/generated-sources/jni 2>/dev/null)" ]; then
    mvn -B -ntp -q compile
  fi
  local java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJAVA_HOME="$java_home" \
    -DJB_JNI_HEADERS_DIR="$PWD/target/generated-sources/jni" -DJB_NATIVES_DIR="$PWD/$dir/natives" "$@" >/dev/null
  cmake --build "$dir" --parallel 2
}

# jb_elapsed START_SECONDS: "12 s" since START_SECONDS.
jb_elapsed() {
  echo "$(( $(date +%s) - $1 )) s"
}

# Builds the CMake project outside Maven, for CI steps that need their own compiler or flags.
# Sourced by scripts/ci-*.sh. Maven writes what CMake needs first: the JNI headers (javac -h) and
# the @CExport C (the processor's passes in process-classes).

# jb_native_build BUILD_DIR [CMAKE_OPTION...]
jb_native_build() {
  local dir=$1; shift
  if [ -z "$(ls -A target/generated-sources/jni 2>/dev/null)" ] ||
     [ ! -f target/generated-sources/cexport/guide_exports.c ] ||
     [ ! -f target/generated-test-sources/cexport/export_target.c ]; then
    mvn -B -ntp -q process-classes
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
